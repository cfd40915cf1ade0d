// Staff changes (issue 12, item 8): what an employee who left, or went on a long leave, holds — open leads, open
// opportunities, customers — handed over by the routing rules, each with a handover record, so that no customer is
// left without an owner.
#ifndef HUB_STORE_MODEL_LEAVER_HANDOVER_HPP_
#define HUB_STORE_MODEL_LEAVER_HANDOVER_HPP_

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/lead_router.hpp"
#include "leads/lead_rules.hpp"
#include "store/model/lead_reassignment.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The aggregate and change of a handover's event ("handover.created").
inline constexpr std::string_view kHandoverAggregate = "handover";
inline constexpr std::string_view kHandoverCreated = "created";

// Why an employee's holdings are handed over (handovers.cause): "left", "long_leave".
enum class AwayCause { kLeft, kLongLeave };
std::string_view AwayCauseName(AwayCause cause);

// What a handover moved.
struct HandoverCounts {
  std::int64_t leads = 0;
  std::int64_t opportunities = 0;
  std::int64_t customers = 0;
  std::int64_t to_manager = 0;  // of those, given to the leaver's manager: nobody else could take them
  std::int64_t kept = 0;        // of those, left with the leaver: nobody could take them, and no manager
};

// Hands over what employee `leaver` holds, inside the caller's transaction (which holds `turn`), after the
// employee's row says they are away (so that routing no longer counts them):
//   - each open lead (kOpenLeadStage) is routed again by <leads><routing> (LeadReassigner, reason leaver) among the
//     staff but the leaver;
//   - each open opportunity goes with its lead when that lead was just handed over (rule "lead"), else, like each
//     customer the leaver owns (parties.owner_employee_id; merged parties aside), to the top performers first:
//     leads::Route of a premium request by the availability and quota gates, then top_performers (the most
//     signings), then workload;
//   - what nobody can take goes to the leaver's manager (ReadManagerOf; rule "manager"), and stays with the leaver
//     when there is none.
// Each item gets a handovers row {from, to (null: kept), entity lead|opportunity|party, record_id, rule, reason,
// trace, cause, handed_at `now`} and a "handover.created" event {handover_id, from_employee_id, to_employee_id,
// entity, record_id, rule, reason, cause}; a lead also its lead.assigned. Threads: as the connection. Lifetime: one
// transaction; `turn` and `rules` outlive it. Errors: the driver's Status.
class LeaverHandover {
 public:
  LeaverHandover(odbc::Connection& connection, const odbc::OutboxTurn& turn, const leads::LeadRules& rules);

  sdk::Result<HandoverCounts> HandOver(std::int64_t leaver, AwayCause cause, TimePoint now);

 private:
  // The open leads, then the opportunities, then the customers of `leaver_`.
  sdk::Status HandOverLeads();
  sdk::Status HandOverOpportunities();
  sdk::Status HandOverCustomers();
  // `record_id` of `table` (entity `entity`) to the top performers first; written, counted and recorded.
  sdk::Status HandOverToTopPerformers(std::string_view entity, std::string_view table, std::int64_t record_id);
  // The handovers row and event of `record_id` of `entity`, given by `decision`.
  sdk::Status Record(std::string_view entity, std::int64_t record_id, const leads::RoutingDecision& decision);

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;
  LeadReassigner reassigner_;
  leads::RoutingRules top_performers_first_;
  // One handover's state.
  std::int64_t leaver_ = 0;
  std::optional<std::int64_t> manager_;
  AwayCause cause_ = AwayCause::kLeft;
  TimePoint now_;
  std::map<std::int64_t, leads::RoutingDecision> lead_owners_;  // the leads handed over, by id
  HandoverCounts counts_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAVER_HANDOVER_HPP_
