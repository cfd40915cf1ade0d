#include "leads/funnel_norms.hpp"

#include <algorithm>
#include <cctype>

namespace hub::leads {
namespace {

bool SameText(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// How closely `override` names a lead: 3 grade and industry, 2 grade, 1 industry; 0 when it does not match.
int Closeness(const DwellOverride& override, std::string_view grade, std::string_view industry) {
  if (!override.grade.empty() && !SameText(override.grade, grade)) return 0;
  if (!override.industry.empty() && !SameText(override.industry, industry)) return 0;
  return (override.grade.empty() ? 0 : 2) + (override.industry.empty() ? 0 : 1);
}

}  // namespace

const DwellDays& FunnelNorms::DwellFor(std::string_view grade, std::string_view industry) const {
  const DwellDays* best = &ideal_dwell_days;
  int closest = 0;
  for (const DwellOverride& override : dwell_overrides) {
    const int closeness = Closeness(override, grade, industry);
    if (closeness > closest) {
      closest = closeness;
      best = &override.days;
    }
  }
  return *best;
}

}  // namespace hub::leads
