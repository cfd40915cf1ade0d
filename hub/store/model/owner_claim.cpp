#include "store/model/owner_claim.hpp"

#include <algorithm>
#include <string_view>

#include "store/model/routing_candidates.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_number.hpp"

namespace hub::store_model {
namespace {

// The key of an employee's owner lock (the employee id is the parameter).
constexpr std::string_view kOwnerLockKey = "hashtextextended(current_schema() || '/owner/' || ?, 0)";

// Whether `candidate` passes routing's gates (JudgeAvailability, JudgeQuota, JudgeDailyCap) for one more lead.
bool MayTakeOneMore(const leads::RoutingCandidate& candidate, const leads::RoutingRules& rules) {
  if (candidate.availability != leads::Availability::kActive) return false;
  if (candidate.open_holdings >= candidate.capacity.value_or(rules.default_quota)) return false;
  return rules.daily_cap <= 0 || candidate.intake_today < rules.daily_cap;
}

// Takes the owner lock of `employee_id`, waiting for it or only trying; true when it is held.
sdk::Result<bool> LockOwner(odbc::Connection& connection, std::int64_t employee_id, bool may_wait) {
  const std::string sql =
      may_wait ? "SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + std::string(kOwnerLockKey) + ")) locked"
               : "SELECT CASE WHEN pg_try_advisory_xact_lock(" + std::string(kOwnerLockKey) + ") THEN 1 ELSE 0 END";
  auto locked = QueryStoreRows(connection, sql, {sdk::Value::String(std::to_string(employee_id))});
  if (!locked.ok()) return locked.status().WithContext("locking owner " + std::to_string(employee_id));
  return IntegerOf(locked->at(0).at(0)) == 1;
}

}  // namespace

sdk::Result<ClaimOutcome> ClaimOwner(odbc::Connection& connection, leads::RoutingCandidate& candidate,
                                     const leads::RoutingRules& rules, bool may_wait) {
  if (connection.dialect() == odbc::Dialect::kPostgres) {
    sdk::Result<bool> locked = LockOwner(connection, candidate.employee_id, may_wait);
    if (!locked.ok()) return locked.status();
    if (!*locked) return ClaimOutcome::kBusy;
  }
  HUB_RETURN_IF_ERROR(RereadLoad(connection, candidate));
  return MayTakeOneMore(candidate, rules) ? ClaimOutcome::kClaimed : ClaimOutcome::kFull;
}

sdk::Result<leads::RoutingDecision> RouteAndClaim(odbc::Connection& connection, const leads::RoutingRequest& lead,
                                                  std::span<leads::RoutingCandidate> staff,
                                                  const leads::RoutingRules& rules, bool& may_wait, StaffCache* cache) {
  for (leads::RoutingCandidate& candidate : staff) candidate.busy = false;
  for (;;) {
    leads::RoutingDecision decision = leads::Route(lead, staff, rules);
    if (!decision.owner) return decision;
    const auto owner = std::find_if(staff.begin(), staff.end(), [&](const leads::RoutingCandidate& candidate) {
      return candidate.employee_id == *decision.owner;
    });
    if (cache != nullptr) cache->Reserve(owner->employee_id);
    sdk::Result<ClaimOutcome> claim = ClaimOwner(connection, *owner, rules, may_wait);
    if (!claim.ok()) return claim.status();
    if (connection.dialect() == odbc::Dialect::kPostgres) may_wait = false;
    if (*claim == ClaimOutcome::kClaimed) return decision;
    if (cache != nullptr && *claim == ClaimOutcome::kFull) cache->Remember(*owner);
    if (*claim == ClaimOutcome::kBusy) {
      owner->busy = true;
      if (cache != nullptr) cache->Release(owner->employee_id);
    }
  }
}

}  // namespace hub::store_model
