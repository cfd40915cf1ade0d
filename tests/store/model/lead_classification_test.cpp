// A new lead's classification on both engines, stored through the sink as a sync job stores it: tier, grade,
// score and the reasons on the lead; a known customer's invoiced revenue and a market the store has no
// customer in make it top, with the sales director's review pending; configured rules reach the writer, also of
// the lead an unknown caller's need becomes; a lead written again keeps its classification.
#include "store/model/lead_classification.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using ::testing::HasSubstr;
using Fields = std::vector<std::pair<std::string, std::string>>;

class LeadClassificationTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Store("party", "C1",
          {{"kind", "organization"},
           {"name", "上海华腾贸易有限公司"},
           {"email", "sales@huateng.cn"},
           {"industry", "trade"},
           {"province", "上海"}});
    Store("party", "P1",
          {{"kind", "organization"},
           {"name", "西藏高原有限公司"},
           {"status", "prospect"},
           {"industry", "mining"},
           {"province", "西藏"}});
  }

  // Replaces the sink with one whose writers apply `rules`, as the sync jobs' sink applies the configured ones.
  void UseRules(const WriteRules& rules) {
    sink_ = std::make_unique<sync::StoreSink>(
        *database_,
        [this](std::string_view) {
          return sync::SinkJob{mapping_, source_system_};
        },
        MakeLogger("store-test"), rules);
  }

  // Stores invoice `number` of customer C1.
  void Invoice(const std::string& number, const std::string& total, const std::string& status,
               const std::string& kind = "invoice") {
    Store("invoice", number,
          {{"invoice_number", number},
           {"party_source_id", "C1"},
           {"currency", "CNY"},
           {"total_amount", total},
           {"issued_on", "2026-03-01"},
           {"status", status},
           {"kind", kind}});
  }

  // tier, grade, score, review, review_state of lead `id`, as "middle/A/45/-/-" ("-" for null).
  std::string Classified(const std::string& id) {
    std::vector<odbc::Row> rows = QueryRows(
        "SELECT l.tier, l.grade, l.score, l.review, l.review_state FROM leads l JOIN source_links s "
        "ON s.entity = 'lead' AND s.record_id = l.id WHERE s.source_id = ?",
        {sdk::Value::String(id)});
    if (rows.size() != 1) return "no lead " + id;
    std::string shown;
    for (const sdk::Value& value : rows[0]) {
      if (!shown.empty()) shown += "/";
      shown += value.is_null()                          ? "-"
               : value.type() == sdk::ValueType::kInt64 ? std::to_string(value.integer())
                                                        : value.text();
    }
    return shown;
  }

  // The rules of lead `id`'s stored reasons, in order.
  std::vector<std::string> Rules(const std::string& id) {
    sdk::Value json = QueryValue(
        "SELECT l.classification FROM leads l JOIN source_links s ON s.entity = 'lead' AND s.record_id = l.id "
        "WHERE s.source_id = ?",
        {sdk::Value::String(id)});
    std::vector<std::string> rules;
    boost::json::value parsed = boost::json::parse(json.text());
    for (const boost::json::value& reason : parsed.at("reasons").as_array()) {
      rules.emplace_back(reason.at("rule").as_string());
    }
    return rules;
  }
};

TEST_P(LeadClassificationTest, ANewLeadGetsItsTierGradeScoreAndReasons) {
  Store("lead", "L1",
        {{"company_name", "苏州精工机械有限公司"},
         {"need", "ERP for two plants"},
         {"phone", "0512 6888 1234"},
         {"channel", "web"},
         {"industry", "trade"},
         {"province", "上海"}});
  EXPECT_EQ(Classified("L1"), "middle/A/45/-/-");
  EXPECT_THAT(Rules("L1"), ::testing::ElementsAre("clear_need", "reachable", "inbound", "grade_score"));
}

TEST_P(LeadClassificationTest, NoNeedAndNoWayToReachIsBaseAndC) {
  Store("lead", "L1", {{"company_name", "某公司"}, {"channel", "trade_show"}, {"industry", "trade"}});
  EXPECT_EQ(Classified("L1"), "base/C/0/-/-");
}

TEST_P(LeadClassificationTest, AKnownCustomerWithRevenueHistoryIsTopAndWaitsForTheSalesDirector) {
  Invoice("INV-1", "700000.50", "paid");
  Invoice("INV-2", "400000", "issued");
  Invoice("INV-3", "900000", "draft");      // not revenue yet
  Invoice("INV-4", "900000", "cancelled");  // never revenue
  Invoice("CN-1", "100000", "issued", "credit_note");
  Store("lead", "L1", {{"email", "Sales@HuaTeng.cn"}, {"need", "a second warehouse system"}, {"industry", "trade"}});
  EXPECT_EQ(Classified("L1"), "top/A/50/sales_director/pending");  // sizeable 30 + reachable 20
  boost::json::value json = boost::json::parse(QueryValue("SELECT classification FROM leads").text());
  EXPECT_EQ(json.at("review"), "sales_director");
  EXPECT_EQ(json.at("review_state"), "pending");
  EXPECT_THAT(boost::json::serialize(json.at("reasons")), HasSubstr("known customer's revenue 1000000.5 >= 1000000"));
}

TEST_P(LeadClassificationTest, AKnownCustomerBelowTheRevenueThresholdStaysMiddle) {
  Invoice("INV-1", "700000", "paid");
  Store("lead", "L1", {{"email", "sales@huateng.cn"}, {"need", "more seats"}});
  EXPECT_EQ(Classified("L1"), "middle/A/50/-/-");
}

TEST_P(LeadClassificationTest, AnIndustryOrProvinceWithoutCustomersYetIsTop) {
  Store("lead", "L1", {{"need", "fleet tracking"}, {"industry", "trade"}, {"province", "上海"}});
  Store("lead", "L2", {{"need", "fleet tracking"}, {"industry", "shipbuilding"}, {"province", "上海"}});
  // The prospect in 西藏 (and in mining) is no customer: the market is still new.
  Store("lead", "L3", {{"need", "fleet tracking"}, {"industry", "mining"}, {"province", "西藏"}});
  EXPECT_EQ(Classified("L1"), "middle/B/0/-/-");
  EXPECT_EQ(Classified("L2"), "top/B/0/sales_director/pending");
  EXPECT_THAT(Rules("L2"), ::testing::Contains("new_industry"));
  EXPECT_THAT(Rules("L3"), ::testing::IsSupersetOf({"new_industry", "new_province"}));
}

TEST_P(LeadClassificationTest, TheConfiguredRulesReachTheLeadsWriter) {
  WriteRules rules;
  rules.leads.classification.gold_amount = 5'000;
  rules.leads.classification.sizeable_amount = 1'000;
  rules.leads.classification.top_reviewer = "vp_sales";
  UseRules(rules);
  Store("lead", "L1", {{"need", "a pilot"}, {"estimated_amount", "6000"}, {"industry", "trade"}});
  EXPECT_EQ(Classified("L1"), "top/B/30/vp_sales/pending");
}

TEST_P(LeadClassificationTest, ProductsReadAsAJsonArrayOrACommaSeparatedColumnFit) {
  WriteRules rules;
  rules.leads.classification.products = {"erp", "crm"};
  UseRules(rules);
  Store("lead", "L1", {{"products", R"(["CRM"])"}, {"industry", "trade"}});
  Store("lead", "L2", {{"products", "scm, erp "}, {"industry", "trade"}});
  Store("lead", "L3", {{"products", "scm"}, {"industry", "trade"}});
  EXPECT_THAT(Rules("L1"), ::testing::ElementsAre("clear_need", "product_fit", "grade_score"));
  EXPECT_THAT(Rules("L2"), ::testing::Contains("product_fit"));
  EXPECT_EQ(Classified("L3"), "middle/B/0/-/-");
}

TEST_P(LeadClassificationTest, ALeadAnUnknownCallersNeedBecomesIsClassifiedByTheConfiguredRules) {
  WriteRules rules;
  rules.leads.classification.key_company_words = {"水务"};
  rules.leads.classification.top_reviewer = "vp_sales";
  UseRules(rules);
  Store("activity", "A1",
        {{"kind", "call"},
         {"occurred_at", "2026-11-02T09:00:00Z"},
         {"direction", "inbound"},
         {"outcome", "answered"},
         {"phone", "0755 8877 6655"},
         {"need", "询价：20台水泵"},
         {"company_name", "深圳水务"}});
  EXPECT_EQ(Classified("erp/activity/A1/lead_candidate"), "top/A/45/vp_sales/pending");  // reachable, inbound phone
  EXPECT_THAT(Rules("erp/activity/A1/lead_candidate"), ::testing::Contains("key_company"));
}

TEST_P(LeadClassificationTest, ALeadWrittenAgainKeepsItsClassification) {
  Store("lead", "L1", {{"company_name", "某公司"}, {"industry", "trade"}});
  ASSERT_EQ(Classified("L1"), "base/C/0/-/-");
  Store("lead", "L1", {{"company_name", "某公司"}, {"industry", "trade"}, {"need", "now a need"}});
  EXPECT_EQ(Classified("L1"), "base/C/0/-/-");
}

TEST(ClassificationJson, HoldsTheClassificationAndEveryReason) {
  leads::Classification classification;
  classification.tier = leads::Tier::kTop;
  classification.grade = leads::Grade::kA;
  classification.score = 75;
  classification.review = "sales_director";
  classification.reasons = {{"gold_amount", "tier top", "estimated amount 600000 >= 500000"}};
  EXPECT_EQ(ClassificationJson(classification),
            R"({"tier":"top","grade":"A","score":75,"review":"sales_director","review_state":"pending",)"
            R"("reasons":[{"rule":"gold_amount","effect":"tier top","detail":"estimated amount 600000 >= 500000"}]})");
  classification.review.clear();
  EXPECT_THAT(ClassificationJson(classification), HasSubstr(R"("review":null,"review_state":null)"));
}

INSTANTIATE_TEST_SUITE_P(Engines, LeadClassificationTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
