#include "leads/classification.hpp"

#include <gtest/gtest.h>

namespace hub::leads {
namespace {

// A lead with a clear need that nothing else distinguishes: middle tier.
LeadProfile MiddleLead() {
  LeadProfile lead;
  lead.need = "an ERP for two plants";
  return lead;
}

// The reason `rule` gave, or nullptr.
const ClassificationReason* ReasonOf(const Classification& classification, std::string_view rule) {
  for (const ClassificationReason& reason : classification.reasons) {
    if (reason.rule == rule) return &reason;
  }
  return nullptr;
}

TEST(Classify, NoNeedProductOrAmountIsBaseToNurture) {
  LeadProfile lead;
  lead.reachable = true;
  const Classification classified = Classify(lead, {});
  EXPECT_EQ(classified.tier, Tier::kBase);
  ASSERT_NE(ReasonOf(classified, "no_clear_need"), nullptr);
  EXPECT_EQ(ReasonOf(classified, "no_clear_need")->effect, "tier base");
  EXPECT_TRUE(classified.review.empty());
}

TEST(Classify, ANeedProductsOrAnAmountEachMakeANeedClear) {
  LeadProfile products;
  products.products = {"crm"};
  LeadProfile amount;
  amount.estimated_amount = 1;
  LeadProfile blank_need;
  blank_need.need = "   ";
  EXPECT_EQ(Classify(MiddleLead(), {}).tier, Tier::kMiddle);
  EXPECT_EQ(Classify(products, {}).tier, Tier::kMiddle);
  EXPECT_EQ(Classify(amount, {}).tier, Tier::kMiddle);
  EXPECT_EQ(Classify(blank_need, {}).tier, Tier::kBase);
  EXPECT_EQ(ReasonOf(Classify(products, {}), "clear_need")->detail, "products of interest are named");
}

TEST(Classify, GoldAmountMakesTopFromItsThresholdOnAndAsksTheSalesDirector) {
  ClassificationRules rules;
  rules.gold_amount = 500'000;
  LeadProfile lead = MiddleLead();
  lead.estimated_amount = 499'999.99;
  EXPECT_EQ(Classify(lead, rules).tier, Tier::kMiddle);
  lead.estimated_amount = 500'000;
  const Classification top = Classify(lead, rules);
  EXPECT_EQ(top.tier, Tier::kTop);
  EXPECT_EQ(top.review, "sales_director");
  ASSERT_NE(ReasonOf(top, "gold_amount"), nullptr);
  EXPECT_EQ(ReasonOf(top, "gold_amount")->effect, "tier top");
  EXPECT_EQ(ReasonOf(top, "gold_amount")->detail, "estimated amount 500000 >= 500000");
}

TEST(Classify, KnownCustomerWithRevenueHistoryIsTop) {
  ClassificationRules rules;
  rules.gold_revenue = 1'000'000;
  LeadProfile lead = MiddleLead();
  lead.customer_revenue = 999'999;
  EXPECT_EQ(Classify(lead, rules).tier, Tier::kMiddle);
  lead.customer_revenue = 1'200'000;
  const Classification top = Classify(lead, rules);
  EXPECT_EQ(top.tier, Tier::kTop);
  EXPECT_NE(ReasonOf(top, "gold_revenue"), nullptr);
}

TEST(Classify, KeyIndustryAndCompanyWordsBringReputation) {
  ClassificationRules rules;
  rules.key_industries = {"Energy"};
  rules.key_company_words = {"集团", "University"};
  LeadProfile industry = MiddleLead();
  industry.industry = " energy ";
  LeadProfile company = MiddleLead();
  company.company_name = "华能集团有限公司";
  LeadProfile latin = MiddleLead();
  latin.company_name = "Tsinghua university";
  EXPECT_EQ(Classify(industry, rules).tier, Tier::kTop);
  EXPECT_EQ(ReasonOf(Classify(company, rules), "key_company")->detail, "company name contains '集团'");
  EXPECT_EQ(Classify(latin, rules).tier, Tier::kTop);
  EXPECT_EQ(Classify(MiddleLead(), rules).tier, Tier::kMiddle);
}

TEST(Classify, NewIndustryOrProvinceOpensAMarketAndIsTop) {
  LeadProfile industry = MiddleLead();
  industry.industry = "shipbuilding";
  industry.industry_is_new = true;
  LeadProfile province = MiddleLead();
  province.province = "西藏";
  province.province_is_new = true;
  const Classification by_industry = Classify(industry, {});
  EXPECT_EQ(by_industry.tier, Tier::kTop);
  EXPECT_EQ(ReasonOf(by_industry, "new_industry")->detail, "no customer yet in industry 'shipbuilding'");
  EXPECT_EQ(Classify(province, {}).tier, Tier::kTop);
  EXPECT_NE(ReasonOf(Classify(province, {}), "new_province"), nullptr);
}

TEST(Classify, ANewMarketWithoutAClearNeedStaysBase) {
  LeadProfile lead;
  lead.industry = "shipbuilding";
  lead.industry_is_new = true;
  EXPECT_EQ(Classify(lead, {}).tier, Tier::kBase);
}

TEST(Classify, NewMarketRequiredNeedsBothAValueSignalAndANewMarket) {
  ClassificationRules rules;
  rules.new_market_required = true;
  LeadProfile lead = MiddleLead();
  lead.estimated_amount = 900'000;
  const Classification value_only = Classify(lead, rules);
  EXPECT_EQ(value_only.tier, Tier::kMiddle);
  ASSERT_NE(ReasonOf(value_only, "new_market_required"), nullptr);
  EXPECT_EQ(ReasonOf(value_only, "gold_amount")->effect, "top signal");
  EXPECT_TRUE(value_only.review.empty());
  lead.province = "西藏";
  lead.province_is_new = true;
  EXPECT_EQ(Classify(lead, rules).tier, Tier::kTop);
}

TEST(Classify, SignalsAddTheirPointsToTheScore) {
  LeadProfile lead = MiddleLead();
  lead.estimated_amount = 100'000;  // sizeable, at the threshold
  lead.products = {"CRM"};
  lead.reachable = true;
  lead.channel = "web";
  ClassificationRules rules;
  rules.products = {"erp", "crm"};
  const Classification classified = Classify(lead, rules);
  EXPECT_EQ(classified.score, 30 + 25 + 20 + 25);
  EXPECT_EQ(ReasonOf(classified, "sizeable")->effect, "+30");
  EXPECT_EQ(ReasonOf(classified, "product_fit")->detail, "product 'CRM' is one we sell");
  EXPECT_EQ(ReasonOf(classified, "inbound")->effect, "+25");
  EXPECT_EQ(classified.grade, Grade::kA);
}

TEST(Classify, GradeAStartsAtTheConfiguredScore) {
  LeadProfile lead = MiddleLead();
  lead.reachable = true;   // 20
  lead.channel = "email";  // 25
  ClassificationRules rules;
  rules.grade_a_score = 45;
  EXPECT_EQ(Classify(lead, rules).grade, Grade::kA);
  EXPECT_EQ(ReasonOf(Classify(lead, rules), "grade_score")->detail, "score 45 >= 45");
  rules.grade_a_score = 46;
  EXPECT_EQ(Classify(lead, rules).grade, Grade::kB);
  EXPECT_EQ(ReasonOf(Classify(lead, rules), "grade_score")->detail, "score 45 < 46");
}

TEST(Classify, AKnownCustomersRevenueMakesTheCompanySizeable) {
  LeadProfile lead = MiddleLead();
  lead.customer_revenue = 250'000;
  lead.reachable = true;
  const Classification classified = Classify(lead, {});
  EXPECT_EQ(classified.grade, Grade::kA);
  EXPECT_EQ(ReasonOf(classified, "sizeable")->detail, "known customer's revenue 250000 >= 100000");
}

TEST(Classify, AnOrdinaryReachableCompanyIsB) {
  LeadProfile lead = MiddleLead();
  lead.reachable = true;
  lead.channel = "trade_show";
  const Classification classified = Classify(lead, {});
  EXPECT_EQ(classified.score, 20);
  EXPECT_EQ(classified.grade, Grade::kB);
}

TEST(Classify, UnclearAndHardToReachIsC) {
  LeadProfile lead;
  lead.channel = "web";
  const Classification classified = Classify(lead, {});
  EXPECT_EQ(classified.grade, Grade::kC);
  EXPECT_EQ(ReasonOf(classified, "unclear_and_unreachable")->effect, "grade C");
  LeadProfile reachable;
  reachable.reachable = true;
  EXPECT_EQ(Classify(reachable, {}).grade, Grade::kB);
  EXPECT_EQ(Classify(MiddleLead(), {}).grade, Grade::kB);  // a clear need, however unreachable, is not C
}

TEST(Classify, ProductsFitOnlyFromTheConfiguredListWhenOneIsGiven) {
  LeadProfile lead = MiddleLead();
  lead.products = {"forklift"};
  EXPECT_NE(ReasonOf(Classify(lead, {}), "product_fit"), nullptr);  // no list: any product fits
  ClassificationRules rules;
  rules.products = {"erp"};
  EXPECT_EQ(ReasonOf(Classify(lead, rules), "product_fit"), nullptr);
}

TEST(Classify, EveryReasonNamesItsRuleAndEffect) {
  LeadProfile lead = MiddleLead();
  lead.estimated_amount = 800'000;
  lead.reachable = true;
  lead.channel = "phone";
  lead.industry = "energy";
  lead.industry_is_new = true;
  const Classification classified = Classify(lead, {});
  ASSERT_GE(classified.reasons.size(), 6u);
  for (const ClassificationReason& reason : classified.reasons) {
    EXPECT_FALSE(reason.rule.empty());
    EXPECT_FALSE(reason.effect.empty()) << reason.rule;
    EXPECT_FALSE(reason.detail.empty()) << reason.rule;
  }
  EXPECT_EQ(classified.reasons.front().rule, "clear_need");
  EXPECT_EQ(classified.reasons.back().rule, "grade_score");
}

TEST(TierAndGradeNames, AreTheSchemasValues) {
  EXPECT_EQ(TierName(Tier::kBase), "base");
  EXPECT_EQ(TierName(Tier::kMiddle), "middle");
  EXPECT_EQ(TierName(Tier::kTop), "top");
  EXPECT_EQ(GradeName(Grade::kA), "A");
  EXPECT_EQ(GradeName(Grade::kB), "B");
  EXPECT_EQ(GradeName(Grade::kC), "C");
}

}  // namespace
}  // namespace hub::leads
