// <leads>: the classification rules, the funnel's norms and the routing rules read with every attribute, the
// defaults without the elements, and every misuse one error at its line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.hpp"
#include "config_test_support.hpp"

namespace hub::config {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempDir;

// A valid file whose line 4 is `leads`.
std::string FileWithLeads(const std::string& leads) {
  return "<hub>\n"
         "  <store><connection>DSN=x</connection></store>\n"
         "  <plugins dir=\".\"/>\n" +
         leads + "\n</hub>\n";
}

ConfigLoadResult Load(const TempDir& dir, const std::string& text) {
  return LoadConfig(dir.Write("hub.xml", text), testing::FakeEnv({}));
}

TEST(LeadsConfig, ClassificationIsReadWithEveryAttribute) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads(
                                          R"(<leads><classification gold_amount="800000" gold_revenue="2000000"
    key_industries="energy, government" key_company_words="集团,University" new_market_required="true"
    sizeable_amount="50000" products="erp,crm" inbound_channels="web,trial" sizeable_points="10"
    product_fit_points="20" reachable_points="30" inbound_points="40" grade_a_score="60" top_reviewer="vp_sales"/></leads>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const leads::ClassificationRules& rules = result.config->leads.classification;
  EXPECT_EQ(rules.gold_amount, 800'000);
  EXPECT_EQ(rules.gold_revenue, 2'000'000);
  EXPECT_THAT(rules.key_industries, ElementsAre("energy", "government"));
  EXPECT_THAT(rules.key_company_words, ElementsAre("集团", "University"));
  EXPECT_TRUE(rules.new_market_required);
  EXPECT_EQ(rules.sizeable_amount, 50'000);
  EXPECT_THAT(rules.products, ElementsAre("erp", "crm"));
  EXPECT_THAT(rules.inbound_channels, ElementsAre("web", "trial"));
  EXPECT_EQ(rules.sizeable_points, 10);
  EXPECT_EQ(rules.product_fit_points, 20);
  EXPECT_EQ(rules.reachable_points, 30);
  EXPECT_EQ(rules.inbound_points, 40);
  EXPECT_EQ(rules.grade_a_score, 60);
  EXPECT_EQ(rules.top_reviewer, "vp_sales");
}

TEST(LeadsConfig, WithoutTheElementTheDocumentedDefaultsApply) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads(""));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const leads::ClassificationRules& rules = result.config->leads.classification;
  EXPECT_EQ(rules.gold_amount, 500'000);
  EXPECT_EQ(rules.sizeable_amount, 100'000);
  EXPECT_THAT(rules.inbound_channels, ElementsAre("web", "phone", "email"));
  EXPECT_TRUE(rules.products.empty());
  EXPECT_EQ(rules.grade_a_score, 45);
  EXPECT_EQ(rules.top_reviewer, "sales_director");
}

TEST(LeadsConfig, RoutingIsReadWithEveryAttribute) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads(
                                          R"(<leads><routing order="familiarity, industry,region,workload"
    finder_first="false" default_quota="20" daily_cap="0" key_account_team="KA"
    key_account_industries="state_enterprise, regional_planning" remote_cost="5000" cost_percent="2"
    sla_hours="0" long_leave_days="14"/></leads>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const leads::RoutingRules& rules = result.config->leads.routing;
  EXPECT_THAT(rules.principles, ElementsAre(leads::Principle::kFamiliarity, leads::Principle::kIndustry,
                                            leads::Principle::kRegion, leads::Principle::kWorkload));
  EXPECT_FALSE(rules.finder_first);
  EXPECT_EQ(rules.default_quota, 20);
  EXPECT_EQ(rules.daily_cap, 0);
  EXPECT_EQ(rules.key_account_team, "KA");
  EXPECT_THAT(rules.key_account_industries, ElementsAre("state_enterprise", "regional_planning"));
  EXPECT_EQ(rules.remote_cost, 5000);
  EXPECT_EQ(rules.cost_percent, 2);
  EXPECT_EQ(rules.sla_hours, 0);
  EXPECT_EQ(rules.long_leave_days, 14);
}

TEST(LeadsConfig, WithoutRoutingEveryPrincipleRunsInTheIssuesOrderWithTheDefaultQuotas) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads("<leads><classification/></leads>"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const leads::RoutingRules& rules = result.config->leads.routing;
  EXPECT_EQ(rules.principles, leads::DefaultPrinciples());
  EXPECT_TRUE(rules.finder_first);
  EXPECT_EQ(rules.default_quota, 30);
  EXPECT_EQ(rules.daily_cap, 10);
  EXPECT_TRUE(rules.key_account_team.empty());
  EXPECT_EQ(rules.sla_hours, 24);
  EXPECT_EQ(rules.long_leave_days, 30);
}

struct LeadsMisuse {
  const char* leads;
  int line;
  const char* message_part;
};

class LeadsConfigErrors : public ::testing::TestWithParam<LeadsMisuse> {};

TEST_P(LeadsConfigErrors, NameTheLine) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads(GetParam().leads));
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.errors.size(), 1u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, GetParam().line) << result.errors[0].ToString();
  EXPECT_THAT(result.errors[0].message, HasSubstr(GetParam().message_part));
}

INSTANTIATE_TEST_SUITE_P(
    Misuses, LeadsConfigErrors,
    ::testing::Values(
        LeadsMisuse{"<leads>\n<classification gold_amount=\"lots\"/></leads>", 5,
                    "<classification> attribute 'gold_amount': 'lots' is not an integer"},
        LeadsMisuse{"<leads>\n\n<classification gold_amount=\"-1\"/></leads>", 6, "is not an integer from 0"},
        LeadsMisuse{"<leads><classification products=\"erp,,crm\"/></leads>", 4,
                    "<classification> attribute 'products': 'erp,,crm' has an empty item"},
        LeadsMisuse{"<leads><classification grade_a_score=\"401\"/></leads>", 4, "from 0 to 400"},
        LeadsMisuse{"<leads><classification new_market_required=\"yes\"/></leads>", 4, "new_market_required"},
        LeadsMisuse{"<leads>\n<classification tier=\"top\"/></leads>", 5, "tier"},
        LeadsMisuse{"<leads><sla/></leads>", 4, "sla"},
        LeadsMisuse{"<leads>\n<routing order=\"industry,seniority\"/></leads>", 5,
                    "<routing> attribute 'order': 'seniority' is no principle; known: industry, function"},
        LeadsMisuse{"<leads><routing order=\"region, workload,region\"/></leads>", 4, "'region' is named twice"},
        LeadsMisuse{"<leads><routing order=\"region,,workload\"/></leads>", 4, "has an empty item"},
        LeadsMisuse{"<leads>\n\n<routing default_quota=\"0\"/></leads>", 6,
                    "<routing> attribute 'default_quota': '0' is not an integer from 1"},
        LeadsMisuse{"<leads><routing daily_cap=\"-1\"/></leads>", 4, "daily_cap"},
        LeadsMisuse{"<leads><routing cost_percent=\"101\"/></leads>", 4, "from 0 to 100"},
        LeadsMisuse{"<leads><routing finder_first=\"no\"/></leads>", 4, "finder_first"},
        LeadsMisuse{"<leads><routing sla_hours=\"8785\"/></leads>", 4, "<routing> attribute 'sla_hours'"},
        LeadsMisuse{"<leads><routing long_leave_days=\"-1\"/></leads>", 4, "<routing> attribute 'long_leave_days'"},
        LeadsMisuse{"<leads>\n<routing/>\n<routing/></leads>", 6, "routing"},
        LeadsMisuse{"<leads>\n<classification top_reviewer=\"\"/></leads>", 5, "top-tier leads need a reviewer"},
        LeadsMisuse{"<leads>\n<classification/>\n<classification/></leads>", 6, "classification"},
        LeadsMisuse{"<leads>\n<classification gold_amount=\"1000\" sizeable_amount=\"5000\"/></leads>", 5,
                    "gold_amount is below sizeable_amount"}));

TEST(FunnelConfig, NormsOverridesAndThresholdsAreReadWithEveryAttribute) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads(R"(<leads><funnel dwell_days="2, 1, 4, 5, 6.5, 7"
    move_percent="100,80,40,20,5" holdings="12,14,8,3" cooling_days="60" no_contact_days="10" min_intents="5"
    min_taken="8" max_abandon_percent="25" min_signings="3" max_outside_percent="40">
    <dwell grade="A" days="1,1,2,2,3,3"/>
    <dwell industry="manufacturing" days="1,1,8,8,10,10"/>
    <dwell grade="A" industry="manufacturing" days="1,1,4,4,6,6"/>
  </funnel></leads>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const leads::FunnelNorms& norms = result.config->leads.funnel;
  EXPECT_THAT(norms.ideal_dwell_days, ElementsAre(2, 1, 4, 5, 6.5, 7));
  EXPECT_THAT(norms.ideal_move_percent, ElementsAre(100, 80, 40, 20, 5));
  EXPECT_THAT(norms.ideal_holdings, ElementsAre(12, 14, 8, 3));
  EXPECT_EQ(norms.cooling_days, 60);
  EXPECT_EQ(norms.no_contact_days, 10);
  EXPECT_EQ(norms.alerts.min_intents, 5);
  EXPECT_EQ(norms.alerts.min_taken, 8);
  EXPECT_EQ(norms.alerts.max_abandon_percent, 25);
  EXPECT_EQ(norms.alerts.min_signings, 3);
  EXPECT_EQ(norms.alerts.max_outside_percent, 40);
  ASSERT_EQ(norms.dwell_overrides.size(), 3u);
  EXPECT_EQ(norms.dwell_overrides[1].industry, "manufacturing");
  EXPECT_TRUE(norms.dwell_overrides[1].grade.empty());
  EXPECT_EQ(norms.DwellFor("A", "manufacturing")[4], 6);
  EXPECT_EQ(norms.DwellFor("A", "retail")[4], 3);
  EXPECT_EQ(norms.DwellFor("B", "manufacturing")[4], 10);
}

TEST(FunnelConfig, WithoutTheElementTheDefaultsHold) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads("<leads><classification/></leads>"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const leads::FunnelNorms& norms = result.config->leads.funnel;
  EXPECT_THAT(norms.ideal_dwell_days, ElementsAre(1, 1, 5, 5, 5, 5));
  EXPECT_THAT(norms.ideal_move_percent, ElementsAre(100, 90, 50, 30, 10));
  EXPECT_THAT(norms.ideal_holdings, ElementsAre(10, 13, 7, 2));
  EXPECT_EQ(norms.cooling_days, 90);
  EXPECT_EQ(norms.no_contact_days, 14);
  EXPECT_TRUE(norms.dwell_overrides.empty());
}

INSTANTIATE_TEST_SUITE_P(
    FunnelMisuses, LeadsConfigErrors,
    ::testing::Values(
        LeadsMisuse{"<leads>\n<funnel dwell_days=\"1,1,5\"/></leads>", 5,
                    "<funnel> attribute 'dwell_days': '1,1,5' has 3 numbers; give 6 (resource, graded"},
        LeadsMisuse{"<leads><funnel move_percent=\"100,90,50,30,x\"/></leads>", 4,
                    "<funnel> attribute 'move_percent': 'x' is not a number from 0 to 100"},
        LeadsMisuse{"<leads><funnel move_percent=\"100,90,150,30,10\"/></leads>", 4, "'150' is not a number"},
        LeadsMisuse{"<leads><funnel holdings=\"10,,7,2\"/></leads>", 4, "has an empty item"},
        LeadsMisuse{"<leads><funnel holdings=\"10,13,7\"/></leads>", 4, "give 4 (before an intent, intent"},
        LeadsMisuse{"<leads><funnel dwell_days=\"1,1,5,5,5,-1\"/></leads>", 4, "'-1' is not a number from 0"},
        LeadsMisuse{"<leads><funnel cooling_days=\"-3\"/></leads>", 4, "<funnel> attribute 'cooling_days'"},
        LeadsMisuse{"<leads><funnel no_contact_days=\"0\"/></leads>", 4, "from 1 to 365"},
        LeadsMisuse{"<leads><funnel max_abandon_percent=\"101\"/></leads>", 4, "from 0 to 100"},
        LeadsMisuse{"<leads><funnel stall_days=\"3\"/></leads>", 4, "stall_days"},
        LeadsMisuse{"<leads><funnel/>\n<funnel/></leads>", 5, "funnel"},
        LeadsMisuse{"<leads><funnel>\n<dwell days=\"1,1,1,1,1,1\"/></funnel></leads>", 5,
                    "<dwell> names neither a grade nor an industry"},
        LeadsMisuse{"<leads><funnel>\n<dwell grade=\"D\" days=\"1,1,1,1,1,1\"/></funnel></leads>", 5, "grade"},
        LeadsMisuse{"<leads><funnel>\n<dwell grade=\"A\"/></funnel></leads>", 5, "<dwell> needs days="},
        LeadsMisuse{"<leads><funnel>\n<dwell grade=\"A\" days=\"1\"/></funnel></leads>", 5, "has 1 numbers"},
        LeadsMisuse{"<leads><funnel><dwell industry=\"retail\" days=\"1,1,1,1,1,1\"/>\n"
                    "<dwell industry=\"retail\" days=\"2,2,2,2,2,2\"/></funnel></leads>",
                    5, "duplicate <dwell> for 'grade=\"\" industry=\"retail\"' (first at line 4)"},
        LeadsMisuse{"<leads><funnel>\n<dwell grade=\"A\" days=\"1,1,1,1,1,1\" stage=\"lead\"/></funnel></leads>", 5,
                    "stage"}));

}  // namespace
}  // namespace hub::config
