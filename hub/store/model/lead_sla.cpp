#include "store/model/lead_sla.hpp"

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "store/model/outbox_event.hpp"
#include "store/model/staff_managers.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {

sdk::Result<SlaOutcome> RerouteMissedLead(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                          LeadReassigner& reassigner, const MissedAssignment& missed, TimePoint now,
                                          int sla_hours) {
  sdk::Result<bool> claimed = ClaimMissedAssignment(connection, missed, now);
  if (!claimed.ok()) return claimed.status();
  if (!*claimed) return SlaOutcome::kAcceptedMeanwhile;
  sdk::Result<std::vector<std::int64_t>> holders = ReadLeadHolders(connection, missed.lead_id);
  if (!holders.ok()) return holders.status();
  sdk::Result<Reassignment> reassigned =
      reassigner.Reassign(missed.lead_id, AssignmentReason::kSla, *holders, std::nullopt, now);
  if (!reassigned.ok()) return reassigned.status();
  sdk::Result<std::optional<std::int64_t>> manager = ReadManagerOf(connection, missed.employee_id);
  if (!manager.ok()) return manager.status();
  const leads::RoutingDecision& decision = reassigned->decision;
  const boost::json::object payload{{"lead_id", missed.lead_id},
                                    {"missed_assignment_id", missed.assignment_id},
                                    {"missed_by_employee_id", missed.employee_id},
                                    {"manager_employee_id", IdJson(*manager)},
                                    {"assignment_id", reassigned->assignment_id},
                                    {"owner_employee_id", IdJson(decision.owner)},
                                    {"rule", TextJson(decision.rule)},
                                    {"reason", decision.reason},
                                    {"sla_hours", sla_hours}};
  HUB_RETURN_IF_ERROR(AppendOutboxEvent(connection, turn, "lead", missed.lead_id, "lead." + std::string(kLeadSlaMissed),
                                        boost::json::serialize(payload)));
  return decision.owner ? SlaOutcome::kRerouted : SlaOutcome::kKept;
}

}  // namespace hub::store_model
