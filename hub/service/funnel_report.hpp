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

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "service/exact_decimal.hpp"

namespace hub::service {

// The funnel's stages in order; intent and opportunity are one step (a product intent, or an opportunity
// once it is a purchase), abandoned is off the path.
inline constexpr std::array<std::string_view, 9> kFunnelStages = {
    "resource", "graded", "contacted", "lead", "intent", "opportunity", "signed", "implemented", "abandoned"};

// The step of a stage on the path (resource 0 … intent and opportunity 4, signed 5, implemented 6); nullopt
// for abandoned and for text that is no stage.
std::optional<int> FunnelStep(std::string_view stage);

// What the funnel is measured against: per step up to signed (resource, graded, contacted, lead,
// intent/opportunity, signed), the ideal days in it, and per step up to intent/opportunity the ideal share that
// moves on to the next. The defaults are the sales plan's: 1, 1, 5, 5, 5, 5 days and 100, 90, 50, 30, 10 %.
struct FunnelNorms {
  std::array<double, 6> ideal_dwell_days = {1, 1, 5, 5, 5, 5};
  std::array<int, 5> ideal_move_percent = {100, 90, 50, 30, 10};

  // The chance that a lead at `step` signs, by the ideal move rates: 1 from signed on, the product of the
  // rates from `step` to signed before it. As exact decimal ("0.0135").
  ExactDecimal SigningChance(int step) const;
};

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
  std::int64_t stalled = 0;                // leads in it now for longer than its ideal dwell time
};

// The funnel of one group of leads: everyone's (owner and team empty), one owner's or one team's.
struct FunnelGroup {
  std::optional<std::int64_t> owner_employee_id;  // set for an owner's group
  std::string owner_employee_number, owner_name;
  std::optional<std::int64_t> team_id;  // set for a team's group
  std::string team_code, team_name;
  std::vector<StageFigures> stages;  // kFunnelStages' order
};

struct FunnelReport {
  FunnelGroup total;
  std::vector<FunnelGroup> owners;  // by employee number; leads without an owner in none
  std::vector<FunnelGroup> teams;   // by team code; leads without a team in none
};

// Reads every lead (stage, stage_entered_at, estimated_amount, owner and team) and its stage history, and
// computes the report as of `now`. Reads only. Threads: as the connection. Errors: the driver's Status.
sdk::Result<FunnelReport> ComputeFunnel(odbc::Connection& connection, const FunnelNorms& norms,
                                        std::chrono::system_clock::time_point now);

}  // namespace hub::service

#endif  // HUB_SERVICE_FUNNEL_REPORT_HPP_
