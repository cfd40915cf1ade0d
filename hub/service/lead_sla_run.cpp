#include "service/lead_sla_run.hpp"

#include <chrono>
#include <vector>

#include "hub/odbc/transaction.hpp"
#include "store/model/lead_sla.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::service {

std::string DescribeLeadSlaCounts(const LeadSlaCounts& counts) {
  return "missed=" + std::to_string(counts.missed) + " rerouted=" + std::to_string(counts.rerouted) +
         " kept=" + std::to_string(counts.kept) + " accepted_meanwhile=" + std::to_string(counts.accepted_meanwhile);
}

sdk::Result<LeadSlaCounts> RerouteMissedLeads(odbc::Database& store, const leads::LeadRules& rules,
                                              const Clock& clock) {
  LeadSlaCounts counts;
  if (rules.routing.sla_hours == 0) return counts;
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  odbc::Connection& connection = lease->get();
  const TimePoint now = clock.Now();
  // Read before the transaction; each is claimed inside it, first, so that the transaction starts with a write.
  sdk::Result<std::vector<store_model::MissedAssignment>> missed = store_model::ReadMissedAssignments(
      connection, now - std::chrono::hours(rules.routing.sla_hours), kMaxSlaMissesPerRun);
  if (!missed.ok()) return missed.status();
  counts.missed = static_cast<std::int64_t>(missed->size());
  if (missed->empty()) return counts;
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  sdk::Result<odbc::OutboxTurn> turn = odbc::TakeOutboxWriterTurn(connection);
  if (!turn.ok()) return turn.status();
  store_model::LeadReassigner reassigner(connection, *turn, rules);
  for (const store_model::MissedAssignment& each : *missed) {
    sdk::Result<store_model::SlaOutcome> outcome =
        store_model::RerouteMissedLead(connection, *turn, reassigner, each, now, rules.routing.sla_hours);
    if (!outcome.ok()) return outcome.status();
    switch (*outcome) {
      case store_model::SlaOutcome::kRerouted:
        ++counts.rerouted;
        break;
      case store_model::SlaOutcome::kKept:
        ++counts.kept;
        break;
      case store_model::SlaOutcome::kAcceptedMeanwhile:
        ++counts.accepted_meanwhile;
        break;
    }
  }
  HUB_RETURN_IF_ERROR(transaction->Commit());
  return counts;
}

}  // namespace hub::service
