// The routing of every new lead, whichever way it arrives (the intake API, a CSV or ODBC import): an owner
// chosen by the configured rules (leads/lead_router.hpp) among the staff HR describes, stored with the
// decision that explains it and announced, so that the owner is told.
#ifndef HUB_STORE_MODEL_LEAD_ROUTING_HPP_
#define HUB_STORE_MODEL_LEAD_ROUTING_HPP_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "leads/lead_router.hpp"
#include "leads/lead_rules.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/lead_assignments.hpp"
#include "store/model/staff_cache.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Before a new lead's row that names no owner: routes it (leads::Route) by its industry, function, province,
// city, estimated amount, tier (top: premium), finder and the staff who dealt with its known customer (the
// party_id the conflict check found, so it runs after LeadIntakeCheck and after the classification), among
// ReadRoutingCandidates — taken once per batch from `staff_cache` when there is one (each owner's load counted
// under their lock then kept there), else read; each assignment counted in it as the batch goes — claiming the
// owner it chose (RouteAndClaim, owner_claim.hpp: quotas and caps hold under concurrent writers) — and adds
// owner_employee_id, team_id and routing_rule (null when nobody could take it). After the row: a
// lead_assignments row (reason intake) with the trace and, when an owner was found, a "lead.assigned" event
// (RecordLeadAssignment). A stored lead
// written again, or one that names its owner, is not routed; one whose known customer is in its cooling period
// (store_model::InCoolingPeriod, <leads><funnel cooling_days>) goes to nobody, with why. Threads: as the connection.
// Lifetime: the batch; `turn`, `rules` and `staff_cache` outlive it. Errors: the driver's Status.
// A known customer's lead that gives no industry, or neither province nor city, is routed by its customer's
// (ReadCustomerPlace): a mail's lead from a new contact at a customer goes to the customer's region.
class LeadRouting : public EntityExtension {
 public:
  LeadRouting(odbc::Connection& connection, const odbc::OutboxTurn& turn, const leads::LeadRules& rules,
              StaffCache* staff_cache)
      : connection_(connection), turn_(turn), rules_(rules), staff_cache_(staff_cache) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id, RowValues& row) override;
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  // What Route reads of the row about to be written.
  sdk::Result<leads::RoutingRequest> RequestOf(const RowValues& row);
  // The staff, at the batch's first lead: the cache's copy, or read.
  sdk::Result<std::vector<leads::RoutingCandidate>*> Staff();

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;
  const leads::LeadRules& rules_;  // routing, and the funnel's cooling period
  StaffCache* staff_cache_;        // null: the staff are read at the batch's first lead
  std::optional<std::vector<leads::RoutingCandidate>> staff_;
  std::optional<leads::RoutingDecision> decision_;  // of the record between BeforeRow and AfterRow
  bool may_wait_ = true;                            // for an owner's lock: only until the batch made a claim
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_ROUTING_HPP_
