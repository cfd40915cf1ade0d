// <leads><funnel>: the funnel's norms (ideal dwell times with their overrides per grade and industry, move rates,
// holdings), the cooling period, and the thresholds of the funnel's alerts (docs/CONFIGURATION.md#funnel).
#include <array>
#include <charconv>
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr double kMaxDwellDays = 365;
constexpr std::int64_t kMaxHoldings = 1000;
constexpr std::int64_t kMaxCoolingDays = 3650;
constexpr std::int64_t kMaxCount = 100'000;

// What each number of a list attribute stands for, for messages.
constexpr std::string_view kDwellSteps = "resource, graded, contacted, lead, intent/opportunity, signed";
constexpr std::string_view kMoveSteps = "resource, graded, contacted, lead, intent/opportunity";
constexpr std::string_view kHoldingGroups = "before an intent, intent, opportunity, signed";

template <typename Number>
bool ParseNumber(const std::string& text, Number* out) {
  const char* end = text.data() + text.size();
  auto [rest, error] = std::from_chars(text.data(), end, *out);
  return error == std::errc() && rest == end;
}

// The attribute `name` of `element` as exactly N numbers in [min, max], each what `steps` names in order; the
// caller's default in place when absent or wrong (reported).
template <typename Number, std::size_t N>
void ReadNumbers(LoadContext& context, pugi::xml_node element, std::string_view name, Number min, Number max,
                 std::string_view steps, std::array<Number, N>* out) {
  auto value = ReadAttribute(context, element, name, Presence::kOptional);
  if (!value) return;
  const std::string subject = Tag(element) + " attribute '" + std::string(name) + "'";
  auto items = SplitList(context, *value, ',', subject);
  if (!items) return;
  if (items->size() != N) {
    context.Error(value->location, subject + ": '" + value->shown + "' has " + std::to_string(items->size()) +
                                       " numbers; give " + std::to_string(N) + " (" + std::string(steps) + ")");
    return;
  }
  std::array<Number, N> numbers{};
  for (std::size_t i = 0; i < N; ++i) {
    if (!ParseNumber((*items)[i], &numbers[i]) || numbers[i] < min || numbers[i] > max) {
      context.Error(value->location, subject + ": '" + (*items)[i] + "' is not a number from " +
                                         std::to_string(static_cast<std::int64_t>(min)) + " to " +
                                         std::to_string(static_cast<std::int64_t>(max)));
      return;
    }
  }
  *out = numbers;
}

void ReadCount(LoadContext& context, pugi::xml_node element, std::string_view name, std::int64_t min, std::int64_t max,
               int* out) {
  if (auto count = ReadInteger(context, element, name, min, max)) *out = static_cast<int>(*count);
}

// <dwell grade="A" industry="manufacturing" days="…"/>: grade, industry or both, and the six days.
void ReadDwell(LoadContext& context, pugi::xml_node element, UniqueNames* seen, leads::FunnelNorms* out) {
  CheckShape(context, element, {.attributes = {"grade", "industry", "days"}});
  leads::DwellOverride dwell;
  dwell.days = out->ideal_dwell_days;
  if (auto grade = ReadChoice(context, element, "grade", {"A", "B", "C"})) dwell.grade = *grade;
  if (auto industry = ReadString(context, element, "industry", Presence::kOptional)) {
    if (industry->empty())
      context.Error(context.At(element.attribute("industry")), "<dwell> attribute 'industry' is empty");
    dwell.industry = *industry;
  }
  if (!element.attribute("grade") && !element.attribute("industry")) {
    context.Error(context.At(element),
                  "<dwell> names neither a grade nor an industry: say whose dwell times these are");
    return;
  }
  if (!element.attribute("days")) {
    context.Error(context.At(element), "<dwell> needs days=\"…\": " + std::string(kDwellSteps));
    return;
  }
  ReadNumbers(context, element, "days", 0.0, kMaxDwellDays, kDwellSteps, &dwell.days);
  const std::string key = "grade=\"" + dwell.grade + "\" industry=\"" + dwell.industry + "\"";
  if (seen->Add(context, key, context.At(element))) out->dwell_overrides.push_back(std::move(dwell));
}

}  // namespace

void ReadFunnel(LoadContext& context, pugi::xml_node element, leads::FunnelNorms* out) {
  CheckShape(context, element,
             {.attributes = {"dwell_days", "move_percent", "holdings", "cooling_days", "no_contact_days", "min_intents",
                             "min_taken", "max_abandon_percent", "min_signings", "max_outside_percent"},
              .children = {"dwell"}});
  ReadNumbers(context, element, "dwell_days", 0.0, kMaxDwellDays, kDwellSteps, &out->ideal_dwell_days);
  ReadNumbers(context, element, "move_percent", 0, 100, kMoveSteps, &out->ideal_move_percent);
  ReadNumbers(context, element, "holdings", 0, static_cast<int>(kMaxHoldings), kHoldingGroups, &out->ideal_holdings);
  ReadCount(context, element, "cooling_days", 0, kMaxCoolingDays, &out->cooling_days);
  ReadCount(context, element, "no_contact_days", 1, static_cast<std::int64_t>(kMaxDwellDays), &out->no_contact_days);
  ReadCount(context, element, "min_intents", 1, kMaxCount, &out->alerts.min_intents);
  ReadCount(context, element, "min_taken", 1, kMaxCount, &out->alerts.min_taken);
  ReadCount(context, element, "max_abandon_percent", 0, 100, &out->alerts.max_abandon_percent);
  ReadCount(context, element, "min_signings", 1, kMaxCount, &out->alerts.min_signings);
  ReadCount(context, element, "max_outside_percent", 0, 100, &out->alerts.max_outside_percent);
  UniqueNames seen("<dwell> for");
  for (pugi::xml_node dwell : element.children("dwell")) ReadDwell(context, dwell, &seen, out);
}

}  // namespace hub::config
