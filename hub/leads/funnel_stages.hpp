// The stages of the lead funnel and their steps on its path: what the funnel report, its norms and its alerts
// all count in.
#ifndef HUB_LEADS_FUNNEL_STAGES_HPP_
#define HUB_LEADS_FUNNEL_STAGES_HPP_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace hub::leads {

// The funnel's stages in order; intent and opportunity are one step (a product intent, or an opportunity
// once it is a purchase), abandoned is off the path.
inline constexpr std::array<std::string_view, 9> kFunnelStages = {
    "resource", "graded", "contacted", "lead", "intent", "opportunity", "signed", "implemented", "abandoned"};

// The steps that have an ideal dwell time (resource … signed) and an ideal move rate (resource … intent).
inline constexpr std::size_t kDwellSteps = 6;
inline constexpr std::size_t kMoveSteps = 5;
inline constexpr int kIntentStep = 4;
inline constexpr int kSignedStep = 5;

// The index of `stage` in kFunnelStages; kFunnelStages.size() for text that is no stage.
std::size_t FunnelStageIndex(std::string_view stage);

// The step of a stage on the path (resource 0 … intent and opportunity 4, signed 5, implemented 6); nullopt
// for abandoned and for text that is no stage.
std::optional<int> FunnelStep(std::string_view stage);

}  // namespace hub::leads

#endif  // HUB_LEADS_FUNNEL_STAGES_HPP_
