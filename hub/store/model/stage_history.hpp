// The stage history of what moves through stages — opportunities through the sales stages, leads through
// the funnel: a history row each time a stored row enters a stage, which the funnel's dwell times and
// conversion rates are computed from.
#ifndef HUB_STORE_MODEL_STAGE_HISTORY_HPP_
#define HUB_STORE_MODEL_STAGE_HISTORY_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hub/odbc/connection.hpp"
#include "store/model/entity_extension.hpp"

namespace hub::store_model {

// Where one entity keeps its stages. Constants: the names are the schema's.
struct StagedTable {
  std::string_view table;              // "opportunities": its `stage` and `stage_entered_at` columns
  std::string_view history_table;      // "opportunity_stage_history": from_stage, to_stage, amount, changed_at …
  std::string_view history_key;        // "opportunity_id": the history's column naming the row
  std::string_view amount_field;       // the record's field copied to the history's amount ("amount")
  std::string_view probability_field;  // the record's field copied to its probability; empty: none kept
};

inline constexpr StagedTable kOpportunityStages{"opportunities", "opportunity_stage_history", "opportunity_id",
                                                "amount", "probability"};
inline constexpr StagedTable kLeadStages{"leads", "lead_stage_history", "lead_id", "estimated_amount", {}};

// When a row is new, or the record's `stage` differs from the stored one, writes a history row (from the
// stored stage, to the new one, with the record's amount and probability, at the record's stage_changed_at
// or now) and sets the row's stage_entered_at to the same instant (a new row is written with it). A row inserted
// without a stage enters the stage its catalog field defaults to (the lead funnel's first); without a default, no
// history. Threads: as the connection. Lifetime: the batch.
class StageHistory : public EntityExtension {
 public:
  StageHistory(odbc::Connection& connection, const StagedTable& staged) : connection_(connection), staged_(staged) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id, RowValues& row) override;
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  odbc::Connection& connection_;
  const StagedTable& staged_;
  bool inserted_ = false;                    // the record's row is new (between BeforeRow and AfterRow)
  std::optional<std::string> stored_stage_;  // of the record between BeforeRow and AfterRow
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_STAGE_HISTORY_HPP_
