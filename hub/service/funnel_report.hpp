// The sales funnel of the leads: per stage how many are in it, what they are expected to bring and what that
// is worth weighted by the chance of signing, how many entered it and moved on, and how long they stay —
// against the ideal dwell times and move rates (the norms) — for everyone, and per owner and per team.
#ifndef HUB_SERVICE_FUNNEL_REPORT_HPP_
#define HUB_SERVICE_FUNNEL_REPORT_HPP_

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/funnel_alerts.hpp"
#include "leads/funnel_norms.hpp"
#include "service/exact_decimal.hpp"

namespace hub::service {

using leads::FunnelNorms;
using leads::FunnelStep;
using leads::kFunnelStages;

// The chance that a lead at `step` signs, by the ideal move rates of `norms`: 1 from signed on, the product of
// the rates from `step` to signed before it. As exact decimal ("0.0135"). Pure function.
ExactDecimal SigningChance(const FunnelNorms& norms, int step);

// One stage's figures.
struct StageFigures {
  std::string stage;
  std::int64_t count = 0;                  // leads in it now
  ExactDecimal expected_revenue;           // their estimated amounts
  ExactDecimal weighted_revenue;           // each amount × the chance of signing from this stage
  std::int64_t entered = 0;                // leads that ever entered it
  std::int64_t moved_on = 0;               // of those, the leads that went on to a later step (abandoned is none)
  std::optional<double> conversion;        // moved_on / entered; none when nobody entered
  std::optional<double> ideal_conversion;  // the norm's move rate to the next step; none past it
  std::optional<double> dwell_days;        // mean days of the stays in it that ended
  std::optional<double> ideal_dwell_days;  // the norm; none for implemented and abandoned
  std::int64_t stalled = 0;                // leads in it now for longer than their ideal dwell time there
};

// The funnel of one group of leads: everyone's (owner and team empty), one owner's or one team's.
struct FunnelGroup {
  std::optional<std::int64_t> owner_employee_id;  // set for an owner's group
  std::string owner_employee_number, owner_name;
  std::optional<std::int64_t> team_id;  // set for a team's group
  std::string team_code, team_name;
  std::vector<StageFigures> stages;  // kFunnelStages' order
  // An owner's group: the leads they took, abandoned, and the ratio of the two (PersonFunnel).
  std::optional<leads::PersonFunnel> person;
};

struct FunnelReport {
  TimePoint as_of;  // the clock's now the report was computed at
  FunnelGroup total;
  std::vector<FunnelGroup> owners;         // by employee number; leads without an owner in none
  std::vector<FunnelGroup> teams;          // by team code; leads without a team in none
  std::vector<leads::FunnelAlert> alerts;  // the alerts of the leads as of `as_of` (EvaluateFunnelAlerts)
};

// Reads every lead's funnel facts (ReadFunnelLeads) and computes the report and its alerts as of one reading of
// `clock`. A lead is stalled past the dwell time of its grade and industry (FunnelNorms::DwellFor). Reads only.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<FunnelReport> ComputeFunnel(odbc::Connection& connection, const FunnelNorms& norms, const Clock& clock);

}  // namespace hub::service

#endif  // HUB_SERVICE_FUNNEL_REPORT_HPP_
