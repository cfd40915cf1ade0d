// The funnel's alerts on small sets computed by hand, with a clock the tests move: each kind at its boundary, the
// dwell overrides per grade and industry, and the per-person figures.
#include "leads/funnel_alerts.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "common/time_format.hpp"

namespace hub::leads {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;

// 2026-11-01T00:00:00Z: the day the tests' leads arrive.
constexpr std::int64_t kStartMs = 1'793'491'200'000;
constexpr std::int64_t kDayMs = 86'400'000;

TimePoint AtDay(double day) {
  return TimePoint(milliseconds(kStartMs + static_cast<std::int64_t>(day * static_cast<double>(kDayMs))));
}

std::int64_t MsAtDay(double day) { return kStartMs + static_cast<std::int64_t>(day * static_cast<double>(kDayMs)); }

// A lead that arrived on day 0 and walked `stages`, entering the i-th on day `on_days[i]`; it is in the last now.
FunnelLead Walked(std::int64_t id, const std::vector<std::string>& stages, const std::vector<double>& on_days) {
  FunnelLead lead;
  lead.id = id;
  lead.created_ms = kStartMs;
  for (std::size_t i = 0; i < stages.size(); ++i)
    lead.history.push_back({FunnelStageIndex(stages[i]), MsAtDay(on_days[i])});
  lead.stage = lead.history.back().stage;
  lead.entered_ms = lead.history.back().at_ms;
  return lead;
}

FunnelLead Owned(FunnelLead lead, std::int64_t owner, const std::string& number) {
  lead.owner_id = owner;
  lead.owner_number = number;
  return lead;
}

std::vector<FunnelAlert> OfKind(const std::vector<FunnelAlert>& alerts, AlertKind kind) {
  std::vector<FunnelAlert> found;
  for (const FunnelAlert& alert : alerts) {
    if (alert.kind == kind) found.push_back(alert);
  }
  return found;
}

double Figure(const FunnelAlert& alert, const std::string& name) {
  for (const AlertFigure& figure : alert.figures) {
    if (figure.name == name) return figure.value;
  }
  ADD_FAILURE() << "no figure " << name;
  return -1;
}

TEST(FunnelNorms, TheOverrideNamingBothWinsThenTheGradeThenTheIndustry) {
  FunnelNorms norms;
  norms.dwell_overrides = {{"", "Manufacturing", {3, 3, 3, 3, 3, 3}},
                           {"A", "", {2, 2, 2, 2, 2, 2}},
                           {"a", "manufacturing", {4, 4, 4, 4, 4, 4}}};
  EXPECT_EQ(norms.DwellFor("A", "manufacturing")[0], 4);
  EXPECT_EQ(norms.DwellFor("A", "retail")[0], 2);
  EXPECT_EQ(norms.DwellFor("B", "MANUFACTURING")[0], 3);
  EXPECT_EQ(norms.DwellFor("B", "retail")[0], 1);  // the default
  EXPECT_EQ(norms.DwellFor("", "")[2], 5);
}

TEST(FunnelAlerts, ALeadIsStalledOnlyPastItsDwellTime) {
  // Entered contacted (ideal 5 days) on day 2.
  const std::vector<FunnelLead> leads = {Walked(7, {"resource", "graded", "contacted"}, {0, 1, 2})};
  ManualClock clock(AtDay(7));
  EXPECT_TRUE(OfKind(EvaluateFunnelAlerts(leads, {}, clock), AlertKind::kLeadStalled).empty());
  clock.Advance(milliseconds(1));
  const std::vector<FunnelAlert> stalled = OfKind(EvaluateFunnelAlerts(leads, {}, clock), AlertKind::kLeadStalled);
  ASSERT_EQ(stalled.size(), 1u);
  EXPECT_EQ(stalled[0].subject_type, "lead");
  EXPECT_EQ(stalled[0].subject, "7");
  EXPECT_EQ(stalled[0].subject_id, 7);
  EXPECT_EQ(stalled[0].period, "contacted@2026-11-03T00:00:00.000Z");
  EXPECT_NEAR(Figure(stalled[0], "days_in_stage"), 5.0, 1e-6);
  EXPECT_EQ(stalled[0].norm, "ideal_dwell_days");
  EXPECT_EQ(stalled[0].norm_value, 5);
}

TEST(FunnelAlerts, AGradeOverrideStallsItsLeadsSooner) {
  FunnelLead a = Walked(1, {"contacted"}, {0});
  a.grade = "A";
  FunnelLead b = Walked(2, {"contacted"}, {0});
  b.grade = "B";
  FunnelLead slow = Walked(3, {"contacted"}, {0});
  slow.grade = "A";
  slow.industry = "shipbuilding";
  FunnelNorms norms;
  norms.dwell_overrides = {{"A", "", {1, 1, 2, 5, 5, 5}}, {"", "shipbuilding", {1, 1, 30, 5, 5, 5}}};
  const ManualClock clock(AtDay(3));  // three days in contacted
  const std::vector<FunnelAlert> stalled =
      OfKind(EvaluateFunnelAlerts({a, b, slow}, norms, clock), AlertKind::kLeadStalled);
  // Lead 1: grade A, 2 days. Lead 2: the default 5. Lead 3: grade A's override wins over its industry's.
  ASSERT_EQ(stalled.size(), 2u);
  EXPECT_EQ(stalled[0].subject, "1");
  EXPECT_EQ(stalled[0].norm_value, 2);
  EXPECT_EQ(stalled[1].subject, "3");
}

TEST(FunnelAlerts, AbandonedAndImplementedLeadsNeverStall) {
  const std::vector<FunnelLead> leads = {Walked(1, {"resource", "abandoned"}, {0, 1}),
                                         Walked(2, {"signed", "implemented"}, {0, 1})};
  const ManualClock clock(AtDay(400));
  EXPECT_TRUE(OfKind(EvaluateFunnelAlerts(leads, {}, clock), AlertKind::kLeadStalled).empty());
}

// Person E1 (id 11) with ten leads that reached an intent: `signed` of them signed.
std::vector<FunnelLead> TenIntents(int signed_count) {
  std::vector<FunnelLead> leads;
  for (int i = 0; i < 10; ++i) {
    std::vector<std::string> stages = {"lead", "intent"};
    if (i < signed_count) stages.push_back("signed");
    leads.push_back(Owned(Walked(100 + i, stages, {0, 1, 2}), 11, "E1"));
  }
  return leads;
}

TEST(FunnelAlerts, ManyIntentsWithFewerSigningsThanTheIdealRate) {
  const ManualClock clock(AtDay(3));
  const std::vector<FunnelAlert> none =
      OfKind(EvaluateFunnelAlerts(TenIntents(1), {}, clock), AlertKind::kIntentsNotSigning);
  EXPECT_TRUE(none.empty());  // 1 of 10: exactly the ideal 10 %
  const std::vector<FunnelAlert> alerts =
      OfKind(EvaluateFunnelAlerts(TenIntents(0), {}, clock), AlertKind::kIntentsNotSigning);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].subject_type, "employee");
  EXPECT_EQ(alerts[0].subject, "E1");
  EXPECT_EQ(alerts[0].subject_id, 11);
  EXPECT_EQ(alerts[0].period, "2026-11");
  EXPECT_EQ(Figure(alerts[0], "intents"), 10);
  EXPECT_EQ(Figure(alerts[0], "signings"), 0);
  EXPECT_EQ(alerts[0].norm, "ideal_move_percent");
  EXPECT_EQ(alerts[0].norm_value, 10);
}

// Person E2 (id 12) took ten leads and abandoned `abandoned` of them.
std::vector<FunnelLead> TenTaken(int abandoned) {
  std::vector<FunnelLead> leads;
  for (int i = 0; i < 10; ++i) {
    std::vector<std::string> stages = {"contacted"};
    if (i < abandoned) stages.push_back("abandoned");
    leads.push_back(Owned(Walked(200 + i, stages, {0, 1}), 12, "E2"));
  }
  return leads;
}

TEST(FunnelAlerts, AbandoningMoreThanTheAllowedShareOfTheLeadsTaken) {
  const ManualClock clock(AtDay(2));
  EXPECT_TRUE(OfKind(EvaluateFunnelAlerts(TenTaken(3), {}, clock), AlertKind::kHighAbandonment).empty());  // 30 %
  const std::vector<FunnelAlert> alerts =
      OfKind(EvaluateFunnelAlerts(TenTaken(4), {}, clock), AlertKind::kHighAbandonment);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].subject, "E2");
  EXPECT_EQ(Figure(alerts[0], "taken"), 10);
  EXPECT_EQ(Figure(alerts[0], "abandoned"), 4);
  EXPECT_EQ(Figure(alerts[0], "abandon_percent"), 40);
  EXPECT_EQ(alerts[0].norm, "max_abandon_percent");
  EXPECT_EQ(alerts[0].norm_value, 30);
}

TEST(FunnelAlerts, ACycleLongerThanTheDwellTimesBeforeSignedTogether) {
  // The ideal cycle is 1 + 1 + 5 + 5 + 5 = 17 days.
  const std::vector<FunnelLead> leads = {Walked(1, {"resource", "intent", "signed"}, {0, 5, 17}),
                                         Walked(2, {"resource", "intent", "signed", "implemented"}, {0, 5, 18, 30}),
                                         Walked(3, {"signed"}, {40})};
  const std::vector<FunnelAlert> alerts =
      OfKind(EvaluateFunnelAlerts(leads, {}, ManualClock(AtDay(41))), AlertKind::kCycleTooLong);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].subject, "2");
  EXPECT_EQ(alerts[0].period, "2026-11-19");
  EXPECT_NEAR(Figure(alerts[0], "cycle_days"), 18, 1e-6);
  EXPECT_EQ(alerts[0].norm, "ideal_cycle_days");
  EXPECT_EQ(alerts[0].norm_value, 17);
}

TEST(FunnelAlerts, MostSigningsFromOutsideTheFunnel) {
  // E3 signed four: one found by a salesperson, one that entered the funnel signed, two through it.
  FunnelLead found = Owned(Walked(1, {"lead", "signed"}, {0, 1}), 13, "E3");
  found.found_by_owner = true;
  std::vector<FunnelLead> leads = {found, Owned(Walked(2, {"signed"}, {1}), 13, "E3"),
                                   Owned(Walked(3, {"lead", "signed"}, {0, 1}), 13, "E3"),
                                   Owned(Walked(4, {"lead", "signed"}, {0, 1}), 13, "E3")};
  const ManualClock clock(AtDay(2));
  EXPECT_TRUE(OfKind(EvaluateFunnelAlerts(leads, {}, clock), AlertKind::kOutsideSignings).empty());  // 50 %
  leads[2].found_by_owner = true;
  const std::vector<FunnelAlert> alerts = OfKind(EvaluateFunnelAlerts(leads, {}, clock), AlertKind::kOutsideSignings);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].subject, "E3");
  EXPECT_EQ(Figure(alerts[0], "signings"), 4);
  EXPECT_EQ(Figure(alerts[0], "outside_signings"), 3);
  EXPECT_EQ(Figure(alerts[0], "outside_percent"), 75);
  EXPECT_EQ(alerts[0].norm_value, 50);
}

TEST(FunnelAlerts, AnOwnedOpenLeadWithoutContactForTheNormsDays) {
  FunnelLead quiet = Owned(Walked(1, {"lead"}, {0}), 11, "E1");
  quiet.contacted_ms = MsAtDay(1);
  FunnelLead recent = Owned(Walked(2, {"lead"}, {0}), 11, "E1");
  recent.contacted_ms = MsAtDay(1.5);
  const FunnelLead unowned = Walked(3, {"lead"}, {0});
  const FunnelLead signed_lead = Owned(Walked(4, {"signed"}, {0}), 11, "E1");
  const FunnelLead never = Owned(Walked(5, {"contacted"}, {0}), 11, "E1");  // no activity: since it arrived
  const std::vector<FunnelAlert> alerts =
      OfKind(EvaluateFunnelAlerts({quiet, recent, unowned, signed_lead, never}, {}, ManualClock(AtDay(15))),
             AlertKind::kNoContact);
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].subject, "1");
  EXPECT_EQ(alerts[0].period, "since 2026-11-02T00:00:00.000Z");
  EXPECT_NEAR(Figure(alerts[0], "days_without_contact"), 14, 1e-6);
  EXPECT_EQ(alerts[0].norm, "no_contact_days");
  EXPECT_EQ(alerts[0].norm_value, 14);
  EXPECT_EQ(alerts[1].subject, "5");
  EXPECT_NEAR(Figure(alerts[1], "days_without_contact"), 15, 1e-6);
}

TEST(FunnelAlerts, PersonFunnelsCountTakenIntentsSigningsAndTheAbandonRatio) {
  FunnelLead found = Owned(Walked(1, {"signed"}, {0}), 11, "E1");
  const std::vector<FunnelLead> leads = {Owned(Walked(2, {"lead", "intent", "abandoned"}, {0, 1, 2}), 11, "E1"), found,
                                         Owned(Walked(3, {"contacted"}, {0}), 11, "E1"),
                                         Owned(Walked(4, {"contacted"}, {0}), 12, "E0"), Walked(5, {"lead"}, {0})};
  const std::vector<PersonFunnel> people = PersonFunnels(leads);
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].employee_number, "E0");
  EXPECT_EQ(people[0].AbandonRatio(), 0.0);
  const PersonFunnel& e1 = people[1];
  EXPECT_EQ(e1.employee_id, 11);
  EXPECT_EQ(e1.taken, 3);
  EXPECT_EQ(e1.intents, 2);  // the abandoned one reached an intent; the signed one passed it
  EXPECT_EQ(e1.signings, 1);
  EXPECT_EQ(e1.outside_signings, 1);
  EXPECT_EQ(e1.abandoned, 1);
  EXPECT_DOUBLE_EQ(*e1.AbandonRatio(), 1.0 / 3.0);
  EXPECT_FALSE(PersonFunnel{}.AbandonRatio().has_value());
}

TEST(FunnelAlerts, KindsHaveTheirEventNames) {
  std::vector<std::string> names;
  for (AlertKind kind : kAlertKinds) names.emplace_back(AlertKindName(kind));
  EXPECT_EQ(names, (std::vector<std::string>{"lead_stalled", "intents_not_signing", "high_abandonment",
                                             "cycle_too_long", "outside_signings", "no_contact"}));
}

}  // namespace
}  // namespace hub::leads
