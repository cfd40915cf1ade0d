#include "export/funnel.hpp"

#include <algorithm>
#include <cstdio>

namespace hub::exporting {
namespace {

constexpr double kMsPerDay = 86'400'000.0;

sdk::Value Count(std::uint64_t count) { return sdk::Value::Int64(static_cast<std::int64_t>(count)); }

}  // namespace

sdk::Value FixedDecimal(double number, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, number);
  return sdk::Value::Decimal(text);
}

void FunnelBuilder::Add(std::int64_t opportunity_id, const std::string& stage, std::int64_t entered_ms,
                        const std::string& status) {
  if (opportunity_ == opportunity_id) {
    FunnelStage& left = stages_[last_stage_];
    ++left.moved_on;
    left.days_moving_on += static_cast<double>(entered_ms - last_entered_ms_) / kMsPerDay;
    ++position_;
  } else {
    CloseLastStay();
    opportunity_ = opportunity_id;
    position_ = 0;
  }
  FunnelStage& entered = stages_[stage];
  entered.stage = stage;
  ++entered.entered;
  entered.position_total += static_cast<double>(position_);
  last_stage_ = stage;
  last_entered_ms_ = entered_ms;
  last_status_ = status;
}

void FunnelBuilder::CloseLastStay() {
  if (!opportunity_) return;
  FunnelStage& last = stages_[last_stage_];
  if (last_status_ == "won") {
    ++last.won;
  } else if (last_status_ == "lost") {
    ++last.lost;
  } else {
    ++last.current;
  }
  opportunity_.reset();
}

std::vector<std::string> FunnelBuilder::Columns() {
  return {"stage", "entered", "current", "moved_on", "won", "lost", "avg_days_to_move_on", "conversion_rate"};
}

std::vector<std::vector<sdk::Value>> FunnelBuilder::Rows() {
  CloseLastStay();
  std::vector<const FunnelStage*> ordered;
  for (const auto& [name, stage] : stages_) ordered.push_back(&stage);
  std::stable_sort(ordered.begin(), ordered.end(), [](const FunnelStage* a, const FunnelStage* b) {
    return a->position_total / static_cast<double>(a->entered) < b->position_total / static_cast<double>(b->entered);
  });
  std::vector<std::vector<sdk::Value>> rows;
  for (const FunnelStage* stage : ordered) {
    const std::uint64_t left = stage->moved_on + stage->won + stage->lost;
    rows.push_back(
        {sdk::Value::String(stage->stage), Count(stage->entered), Count(stage->current), Count(stage->moved_on),
         Count(stage->won), Count(stage->lost),
         stage->moved_on == 0 ? sdk::Value::Null()
                              : FixedDecimal(stage->days_moving_on / static_cast<double>(stage->moved_on), 2),
         left == 0 ? sdk::Value::Null()
                   : FixedDecimal(static_cast<double>(stage->moved_on + stage->won) / static_cast<double>(left), 4)});
  }
  return rows;
}

}  // namespace hub::exporting
