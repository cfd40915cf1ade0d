// <leads>: the classification rules read with every attribute, the defaults without the element, and every
// misuse one error at its line.
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
        LeadsMisuse{"<leads><routing/></leads>", 4, "routing"},
        LeadsMisuse{"<leads>\n<classification top_reviewer=\"\"/></leads>", 5, "top-tier leads need a reviewer"},
        LeadsMisuse{"<leads>\n<classification/>\n<classification/></leads>", 6, "classification"},
        LeadsMisuse{"<leads>\n<classification gold_amount=\"1000\" sizeable_amount=\"5000\"/></leads>", 5,
                    "gold_amount is below sizeable_amount"}));

}  // namespace
}  // namespace hub::config
