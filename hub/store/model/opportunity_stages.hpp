// The stage history of opportunities: a row in opportunity_stage_history each time a stored opportunity
// enters a stage, which the funnel's dwell times and conversion rates are computed from.
#ifndef HUB_STORE_MODEL_OPPORTUNITY_STAGES_HPP_
#define HUB_STORE_MODEL_OPPORTUNITY_STAGES_HPP_

#include <cstdint>
#include <optional>
#include <string>

#include "hub/odbc/connection.hpp"
#include "store/model/entity_extension.hpp"

namespace hub::store_model {

// When an opportunity is new, or its stage differs from the stored one, writes a history row (from the
// stored stage, to the new one, with the record's amount and probability, at stage_changed_at or now) and
// sets the opportunity's stage_entered_at to the same instant. Threads: as the connection. Lifetime: the
// batch.
class OpportunityStages : public EntityExtension {
 public:
  explicit OpportunityStages(odbc::Connection& connection) : connection_(connection) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id, RowValues& row) override;
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  odbc::Connection& connection_;
  std::optional<std::string> stored_stage_;  // of the record between BeforeRow and AfterRow
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_OPPORTUNITY_STAGES_HPP_
