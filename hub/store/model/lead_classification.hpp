// The classification of every new lead, whichever way it arrives (the intake API, a CSV or ODBC import): its
// tier, grade and score, and why, stored with the lead (leads::Classify on what the lead says and what the
// store knows of its customer and its market).
#ifndef HUB_STORE_MODEL_LEAD_CLASSIFICATION_HPP_
#define HUB_STORE_MODEL_LEAD_CLASSIFICATION_HPP_

#include <cstdint>
#include <optional>
#include <string>

#include "hub/odbc/connection.hpp"
#include "leads/classification.hpp"
#include "leads/classification_rules.hpp"
#include "store/model/entity_extension.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The classification as leads.classification keeps it (JSON): {tier, grade, score, review, review_state,
// reasons: [{rule, effect, detail}]}; review and review_state null without a review, else the reviewer and
// "pending".
std::string ClassificationJson(const leads::Classification& classification);

// Before a new lead's row, after its conflict check (LeadIntakeCheck, which adds the row's party_id): reads, in
// one statement on indexed columns, the known customer's invoiced revenue (invoices issued, partly paid or
// paid, less credit notes) and whether any customer (an active or inactive party) is in the lead's industry
// (parties.industry) or province (addresses.province); classifies the lead by `rules` (its products a JSON array of
// text, or comma-separated text); and adds tier, grade, score, classification (ClassificationJson), and for a lead that
// needs a review, review (the reviewer) and review_state ("pending") to the row; after such a row, the reviewer is
// asked (RequestLeadReview, lead_review.hpp: "lead.review_requested"). A stored lead written again keeps its
// classification. Threads: as the connection. Lifetime: the batch; `turn` and `rules` outlive it.
class LeadClassification : public EntityExtension {
 public:
  LeadClassification(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                     const leads::ClassificationRules& rules)
      : connection_(connection), turn_(turn), rules_(rules) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id, RowValues& row) override;
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  // The store's facts of the lead: its customer's revenue and whether its industry and province are new.
  sdk::Status AddStoreFacts(const RowValues& row, leads::LeadProfile& profile);

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;
  const leads::ClassificationRules& rules_;
  std::optional<leads::Classification> review_;  // of the record between BeforeRow and AfterRow, when it needs one
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_CLASSIFICATION_HPP_
