#include "leads/lead_router.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace hub::leads {
namespace {

RoutingCandidate Person(std::int64_t id, int open_holdings = 0) {
  RoutingCandidate candidate;
  candidate.employee_id = id;
  candidate.name = "p" + std::to_string(id);
  candidate.open_holdings = open_holdings;
  return candidate;
}

RoutingCandidate Specialist(std::int64_t id, std::string code, int level = 1, int open_holdings = 0) {
  RoutingCandidate candidate = Person(id, open_holdings);
  candidate.specialities.push_back({std::move(code), level});
  return candidate;
}

RoutingCandidate Covering(std::int64_t id, CandidateTerritory territory, int open_holdings = 0) {
  RoutingCandidate candidate = Person(id, open_holdings);
  candidate.territories.push_back(std::move(territory));
  return candidate;
}

RoutingCandidate InTeam(RoutingCandidate candidate, std::int64_t team_id, std::string code) {
  candidate.team_id = team_id;
  candidate.team_code = std::move(code);
  return candidate;
}

// Rules with only `principles`, in that order.
RoutingRules Only(std::vector<Principle> principles) {
  RoutingRules rules;
  rules.principles = std::move(principles);
  return rules;
}

const CandidateVerdict& VerdictOf(const RoutingDecision& decision, std::int64_t id) {
  for (const CandidateVerdict& verdict : decision.candidates) {
    if (verdict.employee_id == id) return verdict;
  }
  ADD_FAILURE() << "no verdict for " << id;
  static const CandidateVerdict kNone;
  return kNone;
}

const RoutingStep* StepOf(const RoutingDecision& decision, std::string_view rule) {
  for (const RoutingStep& step : decision.steps) {
    if (step.rule == rule) return &step;
  }
  return nullptr;
}

TEST(RoutingRules, EveryPrincipleIsNamedAndFoundByItsName) {
  const std::vector<Principle> principles = DefaultPrinciples();
  ASSERT_EQ(principles.size(), 8u);
  EXPECT_EQ(principles.front(), Principle::kIndustry);
  EXPECT_EQ(principles.back(), Principle::kWorkload);
  for (const Principle principle : principles) EXPECT_EQ(PrincipleNamed(PrincipleName(principle)), principle);
  EXPECT_FALSE(PrincipleNamed("Industry").has_value());
}

TEST(Route, IndustryKeepsTheSpecialistOfTheLeadsIndustry) {
  RoutingRequest lead;
  lead.industry = "Energy";
  const std::vector<RoutingCandidate> staff = {Specialist(1, "retail"), Specialist(2, "energy", 3, 9)};
  const RoutingDecision decision = Route(lead, staff, {});
  EXPECT_EQ(decision.owner, 2);
  EXPECT_EQ(decision.rule, "industry");
  EXPECT_EQ(VerdictOf(decision, 1).eliminated_by, "industry");
  EXPECT_EQ(VerdictOf(decision, 1).detail, "no speciality Energy");
  EXPECT_TRUE(VerdictOf(decision, 2).winner);
  EXPECT_EQ(VerdictOf(decision, 2).detail, "speciality energy level 3");
}

TEST(Route, FunctionKeepsTheSpecialistOfTheBusinessFunction) {
  RoutingRequest lead;
  lead.industry = "energy";  // both have it: industry decides nothing
  lead.business_function = "finance";
  RoutingCandidate finance = Specialist(1, "energy");
  finance.specialities.push_back({"finance", 2});
  const std::vector<RoutingCandidate> staff = {Specialist(2, "energy"), finance};
  const RoutingDecision decision = Route(lead, staff, {});
  EXPECT_EQ(decision.owner, 1);
  EXPECT_EQ(decision.rule, "function");
  EXPECT_EQ(StepOf(decision, "industry")->detail, "kept 2 of 2");
}

TEST(Route, RegionPrefersTheCityOverTheProvinceAndTheLeadPartnerOverABackup) {
  RoutingRequest lead;
  lead.country = "CN";
  lead.province = "Zhejiang";
  lead.city = "Hangzhou";
  const std::vector<RoutingCandidate> staff = {
      Covering(1, {"ZJ", "CN", "Zhejiang", "", true}),
      Covering(2, {"HZ", "CN", "Zhejiang", "Hangzhou", false}),
      Covering(3, {"HZ", "CN", "Zhejiang", "Hangzhou", true}),
      Covering(4, {"SH", "CN", "Shanghai", "", true}),
  };
  const RoutingDecision decision = Route(lead, staff, Only({Principle::kRegion}));
  EXPECT_EQ(decision.owner, 3);
  EXPECT_EQ(decision.rule, "region");
  EXPECT_EQ(VerdictOf(decision, 3).detail, "territory HZ covers its city (lead partner)");
  EXPECT_EQ(VerdictOf(decision, 4).detail, "no territory covers the lead's region");
  EXPECT_EQ(VerdictOf(decision, 1).eliminated_by, "region");
  EXPECT_EQ(VerdictOf(decision, 2).eliminated_by, "region");
}

TEST(Route, RegionCoversByCountryAloneButNotWhenTheLeadNamesAnotherCity) {
  RoutingRequest lead;
  lead.country = "CN";
  lead.city = "Ningbo";
  const std::vector<RoutingCandidate> staff = {Covering(1, {"HZ", "CN", "", "Hangzhou", true}),
                                               Covering(2, {"CN", "CN", "", "", false})};
  EXPECT_EQ(Route(lead, staff, Only({Principle::kRegion})).owner, 2);
}

TEST(Route, CostEliminatesTheRemoteCandidateOfASmallLeadOnly) {
  RoutingRequest lead;
  lead.province = "Zhejiang";
  lead.estimated_amount = 20'000;  // 5 % is 1000, below the remote cost 3000
  const std::vector<RoutingCandidate> staff = {Person(1), Covering(2, {"ZJ", "", "Zhejiang", "", false}, 5)};
  const RoutingDecision small = Route(lead, staff, Only({Principle::kCost, Principle::kWorkload}));
  EXPECT_EQ(small.owner, 2);
  EXPECT_EQ(small.rule, "cost");
  EXPECT_EQ(VerdictOf(small, 1).detail, "remote cost 3000 > cost_percent of the amount 1000");

  lead.estimated_amount = 200'000;  // 5 % is 10000: anyone may travel, and workload decides
  const RoutingDecision large = Route(lead, staff, Only({Principle::kCost, Principle::kWorkload}));
  EXPECT_EQ(large.owner, 1);
  EXPECT_EQ(large.rule, "workload");

  lead.estimated_amount.reset();
  const RoutingDecision unknown = Route(lead, staff, Only({Principle::kCost, Principle::kWorkload}));
  EXPECT_EQ(StepOf(unknown, "cost")->outcome, StepOutcome::kNotApplicable);
}

TEST(Route, KeyAccountGoesToTheConfiguredTeam) {
  RoutingRequest lead;
  lead.industry = "state_enterprise";
  RoutingRules rules = Only({Principle::kKeyAccount, Principle::kWorkload});
  rules.key_account_industries = {"State_Enterprise"};
  rules.key_account_team = "KA";
  const std::vector<RoutingCandidate> staff = {InTeam(Person(1), 10, "EAST"), InTeam(Person(2, 8), 20, "KA")};
  const RoutingDecision decision = Route(lead, staff, rules);
  EXPECT_EQ(decision.owner, 2);
  EXPECT_EQ(decision.team_id, 20);
  EXPECT_EQ(decision.rule, "key_account");

  lead.industry = "retail";  // an ordinary account: workload decides
  EXPECT_EQ(Route(lead, staff, rules).owner, 1);
}

TEST(Route, APremiumLeadGoesToTheStrongestTeamWhenNoneIsConfigured) {
  RoutingRequest lead;
  lead.premium = true;
  const std::vector<RoutingCandidate> staff = {
      InTeam(Specialist(1, "erp", 2), 10, "EAST"), InTeam(Specialist(2, "erp", 2), 10, "EAST"),
      InTeam(Specialist(3, "erp", 5, 4), 20, "NORTH"), InTeam(Specialist(4, "erp", 3, 6), 20, "NORTH")};
  const RoutingDecision decision = Route(lead, staff, Only({Principle::kKeyAccount, Principle::kWorkload}));
  EXPECT_EQ(decision.owner, 3);  // NORTH's mean level 4 beats EAST's 2; then the fewer holdings
  EXPECT_EQ(decision.team_id, 20);
  EXPECT_EQ(VerdictOf(decision, 1).eliminated_by, "key_account");
  EXPECT_EQ(VerdictOf(decision, 4).eliminated_by, "workload");
}

TEST(Route, FamiliarityWinsOutrightForTheClosestAvailablePerson) {
  RoutingRequest lead;
  lead.familiar = {7, 3};  // 7 owned the customer, but has left; 3 holds one of its open opportunities
  RoutingCandidate gone = Person(7);
  gone.availability = Availability::kLeft;
  const std::vector<RoutingCandidate> staff = {Person(1), Person(3, 25), gone};
  const RoutingDecision decision = Route(lead, staff, {});
  EXPECT_EQ(decision.owner, 3);
  EXPECT_EQ(decision.rule, "familiarity");
  EXPECT_EQ(VerdictOf(decision, 7).eliminated_by, "availability");
  EXPECT_EQ(VerdictOf(decision, 1).eliminated_by, "familiarity");
  EXPECT_EQ(StepOf(decision, "workload"), nullptr);  // never reached
}

TEST(Route, TopPerformersTakeAPremiumLeadBeforeWorkload) {
  RoutingRequest lead;
  lead.premium = true;
  RoutingCandidate star = Person(1, 20);
  star.signings = 12;
  RoutingCandidate idle = Person(2, 0);
  idle.signings = 3;
  const std::vector<RoutingCandidate> staff = {star, idle};
  const RoutingDecision premium = Route(lead, staff, {});
  EXPECT_EQ(premium.owner, 1);
  EXPECT_EQ(premium.rule, "top_performers");
  EXPECT_EQ(VerdictOf(premium, 2).detail, "3 signings");

  lead.premium = false;
  const RoutingDecision ordinary = Route(lead, staff, {});
  EXPECT_EQ(ordinary.owner, 2);
  EXPECT_EQ(ordinary.rule, "workload");
  EXPECT_EQ(StepOf(ordinary, "top_performers")->outcome, StepOutcome::kNotApplicable);
}

TEST(Route, WorkloadTakesTheFewestHoldingsThenTheFewestGivenTodayThenTheLowestId) {
  RoutingCandidate busy_today = Person(1, 2);
  busy_today.intake_today = 3;
  RoutingCandidate calm_today = Person(2, 2);
  calm_today.intake_today = 1;
  const std::vector<RoutingCandidate> staff = {busy_today, calm_today, Person(3, 4)};
  const RoutingDecision decision = Route({}, staff, {});
  EXPECT_EQ(decision.owner, 2);
  EXPECT_EQ(decision.rule, "workload");
  EXPECT_EQ(VerdictOf(decision, 1).detail, "2 open holdings, 3 given today");

  const std::vector<RoutingCandidate> twins = {Person(9, 1), Person(4, 1)};
  const RoutingDecision tie = Route({}, twins, {});
  EXPECT_EQ(tie.owner, 4);
  EXPECT_EQ(tie.rule, "tie_break");
  EXPECT_EQ(VerdictOf(tie, 9).eliminated_by, "tie_break");
}

TEST(Route, IndustryBeatsRegionInTheDefaultOrderAndLosesWhenRegionComesFirst) {
  RoutingRequest lead;
  lead.industry = "energy";
  lead.province = "Zhejiang";
  const std::vector<RoutingCandidate> staff = {Specialist(1, "energy"), Covering(2, {"ZJ", "", "Zhejiang", "", true})};
  const RoutingDecision by_default = Route(lead, staff, {});
  EXPECT_EQ(by_default.owner, 1);
  EXPECT_EQ(by_default.rule, "industry");
  EXPECT_EQ(VerdictOf(by_default, 2).eliminated_by, "industry");

  const RoutingDecision region_first = Route(lead, staff, Only({Principle::kRegion, Principle::kIndustry}));
  EXPECT_EQ(region_first.owner, 2);
  EXPECT_EQ(region_first.rule, "region");
}

TEST(Route, IndustryBeatsFamiliarityUnlessFamiliarityIsOrderedFirst) {
  RoutingRequest lead;
  lead.industry = "energy";
  lead.familiar = {2};
  const std::vector<RoutingCandidate> staff = {Specialist(1, "energy"), Person(2)};
  EXPECT_EQ(Route(lead, staff, {}).owner, 1);
  const RoutingDecision familiar_first =
      Route(lead, staff, Only({Principle::kFamiliarity, Principle::kIndustry, Principle::kWorkload}));
  EXPECT_EQ(familiar_first.owner, 2);
  EXPECT_EQ(familiar_first.rule, "familiarity");
}

TEST(Route, APrincipleThatWouldEliminateEveryoneIsSkipped) {
  RoutingRequest lead;
  lead.industry = "mining";  // nobody's speciality
  lead.province = "Zhejiang";
  const std::vector<RoutingCandidate> staff = {Specialist(1, "energy"), Covering(2, {"ZJ", "", "Zhejiang", "", true})};
  const RoutingDecision decision = Route(lead, staff, {});
  EXPECT_EQ(decision.owner, 2);
  EXPECT_EQ(decision.rule, "region");
  const RoutingStep* industry = StepOf(decision, "industry");
  ASSERT_NE(industry, nullptr);
  EXPECT_EQ(industry->outcome, StepOutcome::kSkipped);
  EXPECT_EQ(industry->detail, "would eliminate all 2: no speciality mining");
  EXPECT_EQ(industry->remaining, 2u);
}

TEST(Route, APrincipleLeftOutOfTheOrderIsNotApplied) {
  RoutingRequest lead;
  lead.industry = "energy";
  const std::vector<RoutingCandidate> staff = {Specialist(1, "energy", 1, 5), Person(2, 1)};
  const RoutingDecision decision = Route(lead, staff, Only({Principle::kWorkload}));
  EXPECT_EQ(decision.owner, 2);
  EXPECT_EQ(StepOf(decision, "industry"), nullptr);
}

TEST(Route, StaffOnLeaveOrGoneIsNeverACandidate) {
  RoutingCandidate away = Specialist(1, "energy");
  away.availability = Availability::kOnLeave;
  RoutingCandidate gone = Specialist(2, "energy");
  gone.availability = Availability::kLeft;
  RoutingRequest lead;
  lead.industry = "energy";
  lead.found_by = 1;
  const std::vector<RoutingCandidate> staff = {away, gone, Person(3, 29), Person(5, 28)};
  const RoutingDecision decision = Route(lead, staff, {});
  EXPECT_EQ(decision.owner, 5);
  ASSERT_NE(StepOf(decision, "finder"), nullptr);
  EXPECT_EQ(VerdictOf(decision, 1).detail, "on leave");
  EXPECT_EQ(VerdictOf(decision, 2).detail, "left");
  EXPECT_EQ(StepOf(decision, "finder")->detail, "the finder 1 is not in the running");

  const std::vector<RoutingCandidate> nobody = {away, gone};
  const RoutingDecision unrouted = Route(lead, nobody, {});
  EXPECT_FALSE(unrouted.owner.has_value());
  EXPECT_EQ(unrouted.reason, "no candidate passes availability");
  EXPECT_EQ(StepOf(unrouted, "availability")->outcome, StepOutcome::kExhausted);
  EXPECT_EQ(StepOf(unrouted, "industry"), nullptr);
}

TEST(Route, QuotaEliminatesWhoHoldsTheirCapacityAndASignedLeadFreesASlot) {
  RoutingRequest lead;
  lead.industry = "energy";
  RoutingCandidate small = Specialist(2, "energy", 1, 5);
  small.capacity = 5;
  const std::vector<RoutingCandidate> full = {Specialist(1, "energy", 1, 30), small, Person(3, 12), Person(4, 13)};
  const RoutingDecision decision = Route(lead, full, {});
  EXPECT_EQ(decision.owner, 3);  // both specialists are full; industry would leave nobody and is skipped
  EXPECT_EQ(VerdictOf(decision, 1).eliminated_by, "quota");
  EXPECT_EQ(VerdictOf(decision, 1).detail, "holds 30 of 30");
  EXPECT_EQ(VerdictOf(decision, 2).detail, "holds 5 of 5");
  ASSERT_NE(StepOf(decision, "industry"), nullptr);
  EXPECT_EQ(StepOf(decision, "industry")->outcome, StepOutcome::kSkipped);

  // One of the specialist's leads is signed (or abandoned): 29 open holdings, a free slot.
  const std::vector<RoutingCandidate> freed = {Specialist(1, "energy", 1, 29), small, Person(3, 12), Person(4, 13)};
  EXPECT_EQ(Route(lead, freed, {}).owner, 1);

  RoutingRules everyone_full;
  everyone_full.default_quota = 12;
  const std::vector<RoutingCandidate> busy = {Person(3, 12)};
  EXPECT_EQ(Route(lead, busy, everyone_full).reason, "no candidate passes quota");
}

TEST(Route, TheOneCandidateTheGatesLeaveWinsByTheGateThatNarrowedLast) {
  RoutingCandidate away = Person(1);
  away.availability = Availability::kOnLeave;
  const std::vector<RoutingCandidate> staff = {away, Person(2, 30), Person(3, 4)};
  const RoutingDecision decision = Route({}, staff, {});
  EXPECT_EQ(decision.owner, 3);
  EXPECT_EQ(decision.rule, "quota");
  EXPECT_EQ(StepOf(decision, "finder"), nullptr);

  const std::vector<RoutingCandidate> alone = {Person(3, 4)};
  EXPECT_EQ(Route({}, alone, {}).rule, "sole_candidate");
}

TEST(Route, TheDailyCapEliminatesWhoWasGivenEnoughToday) {
  RoutingCandidate flooded = Person(1);
  flooded.intake_today = 10;
  const std::vector<RoutingCandidate> staff = {flooded, Person(2, 20)};
  const RoutingDecision capped = Route({}, staff, {});
  EXPECT_EQ(capped.owner, 2);
  EXPECT_EQ(capped.rule, "daily_cap");
  EXPECT_EQ(VerdictOf(capped, 1).detail, "given 10 of 10 today");

  RoutingRules uncapped;
  uncapped.daily_cap = 0;
  const RoutingDecision free = Route({}, staff, uncapped);
  EXPECT_EQ(free.owner, 1);
  EXPECT_EQ(StepOf(free, "daily_cap")->outcome, StepOutcome::kNotApplicable);
}

TEST(Route, TheFinderTakesTheLeadBeforeEveryPrinciple) {
  RoutingRequest lead;
  lead.industry = "energy";
  lead.familiar = {1};
  lead.found_by = 5;
  const std::vector<RoutingCandidate> staff = {Specialist(1, "energy"), Person(5, 20)};
  const RoutingDecision decision = Route(lead, staff, {});
  EXPECT_EQ(decision.owner, 5);
  EXPECT_EQ(decision.rule, "finder");
  EXPECT_EQ(VerdictOf(decision, 1).detail, "the lead's finder takes it");

  RoutingRules no_finder;
  no_finder.finder_first = false;
  EXPECT_EQ(Route(lead, staff, no_finder).owner, 1);
}

TEST(Route, TheTraceNamesEveryCandidateAndEveryStepReached) {
  RoutingRequest lead;
  lead.industry = "energy";
  RoutingCandidate away = Person(4);
  away.availability = Availability::kOnLeave;
  const std::vector<RoutingCandidate> staff = {Specialist(1, "energy", 1, 3), Specialist(2, "energy", 1, 1), Person(3),
                                               away};
  const RoutingDecision decision = Route(lead, staff, {});
  ASSERT_EQ(decision.candidates.size(), 4u);
  EXPECT_EQ(decision.owner, 2);
  EXPECT_EQ(decision.reason, "workload: 1 open holdings, 0 given today");
  EXPECT_EQ(VerdictOf(decision, 1).eliminated_by, "workload");
  EXPECT_EQ(VerdictOf(decision, 3).eliminated_by, "industry");
  EXPECT_EQ(VerdictOf(decision, 4).eliminated_by, "availability");
  std::vector<std::string> rules;
  for (const RoutingStep& step : decision.steps) rules.push_back(step.rule);
  EXPECT_EQ(rules,
            (std::vector<std::string>{"availability", "quota", "daily_cap", "finder", "industry", "function", "region",
                                      "cost", "key_account", "familiarity", "top_performers", "workload"}));
}

TEST(Route, ALeadHeldBackForItsCustomersCoolingPeriodGoesToNobody) {
  RoutingRequest lead;
  lead.found_by = 1;
  lead.held_back = "the customer's lead was abandoned within 90 days";
  const std::vector<RoutingCandidate> staff = {Person(1), Person(2)};
  const RoutingDecision decision = Route(lead, staff, {});
  EXPECT_FALSE(decision.owner.has_value());
  EXPECT_EQ(decision.reason, "cooling: the customer's lead was abandoned within 90 days");
  EXPECT_EQ(VerdictOf(decision, 1).eliminated_by, "cooling");
  EXPECT_EQ(VerdictOf(decision, 2).eliminated_by, "cooling");
  ASSERT_EQ(decision.steps.size(), 1u);
  EXPECT_EQ(decision.steps[0].outcome, StepOutcome::kExhausted);
}

TEST(Route, NoCandidatesLeavesTheLeadUnrouted) {
  const RoutingDecision decision = Route({}, {}, {});
  EXPECT_FALSE(decision.owner.has_value());
  EXPECT_EQ(decision.reason, "no candidates");
}

}  // namespace
}  // namespace hub::leads
