#include "leads/funnel_stages.hpp"

#include <algorithm>

namespace hub::leads {

std::size_t FunnelStageIndex(std::string_view stage) {
  return static_cast<std::size_t>(std::find(kFunnelStages.begin(), kFunnelStages.end(), stage) - kFunnelStages.begin());
}

std::optional<int> FunnelStep(std::string_view stage) {
  constexpr std::array<int, kFunnelStages.size()> kSteps = {0, 1, 2, 3, 4, 4, 5, 6, -1};
  const std::size_t index = FunnelStageIndex(stage);
  if (index >= kFunnelStages.size() || kSteps[index] < 0) return std::nullopt;
  return kSteps[index];
}

}  // namespace hub::leads
