// What the lead funnel is measured against (<leads><funnel>, docs/CONFIGURATION.md#funnel): the ideal dwell
// times, move rates and holdings of the sales plan, the cooling period of an abandoned customer, and the
// thresholds of the funnel's alerts. A plain value whose defaults are the documented ones, so that a hub
// without a <funnel> element measures its funnel too.
#ifndef HUB_LEADS_FUNNEL_NORMS_HPP_
#define HUB_LEADS_FUNNEL_NORMS_HPP_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "leads/funnel_stages.hpp"

namespace hub::leads {

// Ideal days in each step from resource to signed (resource, graded, contacted, lead, intent/opportunity,
// signed).
using DwellDays = std::array<double, kDwellSteps>;

// <dwell grade="A" days="…"/>, <dwell industry="manufacturing" days="…"/> or both: the dwell times of the
// leads of that grade and/or industry. An empty grade or industry matches any.
struct DwellOverride {
  std::string grade;
  std::string industry;
  DwellDays days{};
};

// The figures from which a person's or a lead's funnel is alarming (the alerts of funnel_alerts.hpp).
struct AlertThresholds {
  // many intents, few signings: at least this many of a person's leads reached intent/opportunity, and fewer
  // of them signed than the ideal move rate from intent/opportunity to signed.
  int min_intents = 10;
  // high abandonment: at least this many leads taken, and more than this share of them abandoned.
  int min_taken = 10;
  int max_abandon_percent = 30;
  // signings from outside the funnel: at least this many signings, and more than this share of them outside.
  int min_signings = 4;
  int max_outside_percent = 50;
};

struct FunnelNorms {
  DwellDays ideal_dwell_days = {1, 1, 5, 5, 5, 5};
  std::vector<DwellOverride> dwell_overrides;  // no two alike
  // Ideal share (%) of the leads in each step from resource to intent/opportunity that move on to the next.
  std::array<int, kMoveSteps> ideal_move_percent = {100, 90, 50, 30, 10};
  // Ideal leads held per person by stage group: before an intent (graded, contacted, lead), at intent, at
  // opportunity, and signed but not yet implemented. The first three make the 30 customers a person holds.
  std::array<int, 4> ideal_holdings = {10, 13, 7, 2};
  int cooling_days = 90;     // an abandoned customer is held back from new assignment this long
  int no_contact_days = 14;  // an open lead without an activity this long is an alert
  AlertThresholds alerts;

  // The dwell times of a lead of `grade` and `industry`: the override naming both, else the one naming the
  // grade, else the one naming the industry, else ideal_dwell_days. Compared case-insensitively (ASCII).
  const DwellDays& DwellFor(std::string_view grade, std::string_view industry) const;
};

}  // namespace hub::leads

#endif  // HUB_LEADS_FUNNEL_NORMS_HPP_
