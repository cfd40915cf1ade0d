// The sales funnel as the synced opportunities walked it: one row per stage, computed from
// opportunity_stage_history. The `opportunity_funnel` kind of `hub export`.
#ifndef HUB_EXPORT_FUNNEL_HPP_
#define HUB_EXPORT_FUNNEL_HPP_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hub/sdk/record.hpp"

namespace hub::exporting {

// `number` as an exact decimal with `digits` places ("2.5" → "2.50"), which CSV and JSON show as written.
sdk::Value FixedDecimal(double number, int digits);

// One stage's figures. A stay in a stage starts with a history row and ends with the opportunity's next
// one (it moved on) or not at all (it is there now, or the opportunity was won or lost there).
struct FunnelStage {
  std::string stage;
  std::uint64_t entered = 0;   // stays begun
  std::uint64_t current = 0;   // open opportunities in the stage now
  std::uint64_t moved_on = 0;  // stays ended by a move to another stage
  std::uint64_t won = 0;       // won while in the stage
  std::uint64_t lost = 0;      // lost while in the stage
  double days_moving_on = 0;   // total days of the stays that moved on
  double position_total = 0;   // sum of each stay's 0-based place in its opportunity's history
};

// Folds the history, one row at a time, into per-stage figures. Rows must come ordered by opportunity,
// then by the time the stage was entered. Not thread-safe.
class FunnelBuilder {
 public:
  // One history row: `opportunity_id` entered `stage` at `entered_ms` (Unix ms); `status` is the
  // opportunity's status now (open, won, lost).
  void Add(std::int64_t opportunity_id, const std::string& stage, std::int64_t entered_ms, const std::string& status);

  // The columns of Rows(), in order.
  static std::vector<std::string> Columns();

  // One row per stage, in funnel order (the average place of the stage in its opportunities' histories,
  // then the name): stage, entered, current, moved_on, won, lost, avg_days_to_move_on (a decimal with 2
  // places; null when none moved on), conversion_rate ((moved_on + won) / (moved_on + won + lost), 4
  // places; null when none left).
  std::vector<std::vector<sdk::Value>> Rows();

 private:
  void CloseLastStay();

  std::map<std::string, FunnelStage> stages_;
  std::optional<std::int64_t> opportunity_;
  std::string last_stage_;
  std::int64_t last_entered_ms_ = 0;
  std::string last_status_;
  std::uint64_t position_ = 0;
};

}  // namespace hub::exporting

#endif  // HUB_EXPORT_FUNNEL_HPP_
