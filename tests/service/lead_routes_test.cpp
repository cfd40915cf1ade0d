// POST /api/v1/leads over the real server, on both engines, against customers synced as a department's
// records: a lead whose tax id, phone or e-mail a customer has attaches to it ("old customer, new need");
// keys pointing at two customers, a name alone, or a tax id that differs from the customer's go to review; a
// switchboard number many customers share is ignored as not telling; a lead nobody knows is new; a second
// open lead with the same phone names the first; the same key (header or body) or the same body posted twice
// is one lead with one stage-history row; a bad lead is refused naming every field at fault; the answer gives
// the lead's tier, grade and classification with its reasons, and its owner with the routing's trace.
#include "service/lead_routes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/test_server.hpp"
#include "support/http_client.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::service {
namespace {

using ::testing::HasSubstr;

// A unified social credit code with a valid check character, and another.
constexpr const char* kHuatengCode = "91310115MA1K4XYD0B";
constexpr const char* kOtherCode = "91110108MA01C8XU2A";

class LeadRoutesTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    mapping_ = sync::test::Mapping("party", {"kind", "name", "phone", "email", "website", "uscc"});
    std::vector<sdk::Record> parties = {
        sync::test::Record("party", "C1",
                           {{"kind", "organization"},
                            {"name", "上海华腾贸易有限公司"},
                            {"phone", "021 5080 1234"},
                            {"email", "sales@huateng.cn"},
                            {"website", "https://www.huateng.cn"},
                            {"uscc", kHuatengCode}}),
        sync::test::Record("party", "C2",
                           {{"kind", "organization"}, {"name", "北京远航科技有限公司"}, {"phone", "010 6552 8000"}}),
    };
    // Four customers in one office tower share its switchboard.
    for (const char* id : {"T1", "T2", "T3", "T4"}) {
      parties.push_back(sync::test::Record(
          "party", id, {{"kind", "organization"}, {"name", std::string("大厦租户") + id}, {"phone", "021 6888 0000"}}));
    }
    Apply(parties, "1");
    api::Router router;
    ASSERT_TRUE(AddLeadRoutes(router, *database_, config::ApiConfig{}.leads_source_system, {}).ok());
    server_ = std::make_unique<api::test::TestServer>(api::test::TestApiConfig(), std::move(router));
    ASSERT_TRUE(server_->Start().ok());
  }

  void TearDown() override {
    server_.reset();
    SinkTest::TearDown();
  }

  hub::test::HttpResult Post(const std::string& body, const std::string& key = "",
                             const std::string& token = api::test::kOperateToken) {
    hub::test::RequestOptions options;
    options.bearer_token = token;
    if (!key.empty()) options.headers.push_back({"Idempotency-Key", key});
    sdk::Result<hub::test::HttpResult> result =
        hub::test::Post("127.0.0.1", server_->port(), "/api/v1/leads", body, options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : hub::test::HttpResult{};
  }
  hub::test::HttpResult Post(const boost::json::object& body, const std::string& key = "") {
    return Post(boost::json::serialize(body), key);
  }

  // The answer's duplicate_check of a lead posted (expected new: 201).
  boost::json::object CheckOf(const boost::json::object& body) {
    hub::test::HttpResult posted = Post(body);
    EXPECT_EQ(posted.status, 201u) << posted.body;
    boost::json::value answer = boost::json::parse(posted.body);
    return answer.is_object() && answer.as_object().contains("duplicate_check")
               ? answer.as_object().at("duplicate_check").as_object()
               : boost::json::object{};
  }

  std::int64_t PartyOf(const std::string& source_id) {
    return Count("SELECT record_id FROM source_links WHERE entity = 'party' AND source_id = '" + source_id + "'");
  }

  std::unique_ptr<api::test::TestServer> server_;
};

TEST_P(LeadRoutesTest, ALeadOfAKnownCustomerAttachesToItSayingWhichKeysAgreed) {
  hub::test::HttpResult posted = Post(boost::json::object{{"channel", "web"},
                                                          {"company_name", "华腾贸易"},
                                                          {"contact_name", "李明"},
                                                          {"phone", "+86 21 5080 1234"},
                                                          {"tax_id", "9131 0115 MA1K 4XYD 0B"},
                                                          {"need", "询价：工业传感器 200 套"},
                                                          {"products", boost::json::array{"传感器", "网关"}},
                                                          {"estimated_amount", 380000},
                                                          {"currency", "CNY"}},
                                      "form-20261203-0001");
  ASSERT_EQ(posted.status, 201u) << posted.body;
  const boost::json::object answer = boost::json::parse(posted.body).as_object();
  EXPECT_EQ(answer.at("outcome"), "inserted");
  EXPECT_EQ(answer.at("key"), "form-20261203-0001");
  EXPECT_EQ(answer.at("stage"), "resource");
  const boost::json::object& check = answer.at("duplicate_check").as_object();
  EXPECT_EQ(check.at("decision"), "known_customer") << posted.body;
  EXPECT_EQ(check.at("customer").at("id").to_number<std::int64_t>(), PartyOf("C1"));
  EXPECT_EQ(check.at("customer").at("name"), "上海华腾贸易有限公司");
  EXPECT_THAT(std::string(check.at("reason").as_string()), HasSubstr("tax_id, phone agreed with customer"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads WHERE party_id = " + std::to_string(PartyOf("C1")) +
                  " AND tax_id_normalized = '" + kHuatengCode + "' AND products = '[\"传感器\",\"网关\"]'"),
            1);
}

TEST_P(LeadRoutesTest, AWebSiteFindsTheCustomerWritingFromItsDomain) {
  Apply(
      {sync::test::Record(
          "party", "C5", {{"kind", "organization"}, {"name", "苏州精工机械有限公司"}, {"email", "buyer@jinggong.cn"}})},
      "2");
  boost::json::object check = CheckOf({{"channel", "web"},
                                       {"contact_name", "周强"},
                                       {"mobile", "139 1234 5678"},
                                       {"website", "https://www.jinggong.cn/contact"}});
  EXPECT_EQ(check.at("decision"), "known_customer");
  EXPECT_EQ(check.at("customer").at("id").to_number<std::int64_t>(), PartyOf("C5"));
  EXPECT_THAT(std::string(check.at("reason").as_string()), HasSubstr("website agreed with customer"));
}

TEST_P(LeadRoutesTest, AnswersTheLeadsTierGradeAndClassificationWithItsReasons) {
  hub::test::HttpResult posted = Post(boost::json::object{{"channel", "web"},
                                                          {"company_name", "杭州新材料有限公司"},
                                                          {"email", "buyer@xincailiao.cn"},
                                                          {"need", "整厂 ERP 替换"},
                                                          {"estimated_amount", 600000},
                                                          {"currency", "CNY"}});
  ASSERT_EQ(posted.status, 201u) << posted.body;
  const boost::json::object answer = boost::json::parse(posted.body).as_object();
  EXPECT_EQ(answer.at("tier"), "top");
  EXPECT_EQ(answer.at("grade"), "A");
  const boost::json::object& classification = answer.at("classification").as_object();
  EXPECT_EQ(classification.at("score").to_number<std::int64_t>(), 75);  // sizeable, reachable, inbound
  EXPECT_EQ(classification.at("review"), "sales_director");
  EXPECT_EQ(classification.at("review_state"), "pending");
  std::vector<std::string> rules;
  for (const boost::json::value& reason : classification.at("reasons").as_array()) {
    rules.emplace_back(reason.at("rule").as_string());
    EXPECT_FALSE(reason.at("effect").as_string().empty());
  }
  EXPECT_THAT(rules,
              ::testing::ElementsAre("clear_need", "gold_amount", "sizeable", "reachable", "inbound", "grade_score"));
}

TEST_P(LeadRoutesTest, AnswersTheOwnerTheRoutingRuleAndTheTraceOfTheRouting) {
  hub::test::HttpResult unrouted = Post(boost::json::object{
      {"channel", "web"}, {"company_name", "宁波港务"}, {"phone", "0574 8000 1111"}, {"need", "询价"}});
  ASSERT_EQ(unrouted.status, 201u) << unrouted.body;
  const boost::json::object nobody = boost::json::parse(unrouted.body).as_object();
  EXPECT_TRUE(nobody.at("owner").is_null());
  EXPECT_TRUE(nobody.at("routing_rule").is_null());
  EXPECT_EQ(nobody.at("routing").at("reason"), "no candidates");

  Store("team", "EAST", {{"code", "EAST"}, {"name", "East sales"}});
  Store("speciality", "energy", {{"code", "energy"}, {"name", "Energy"}});
  Store("employee", "E1",
        {{"employee_number", "E1"}, {"name", "王芳"}, {"team_code", "EAST"}, {"speciality_codes", "energy"}});
  Store("employee", "E2", {{"employee_number", "E2"}, {"name", "李强"}, {"team_code", "EAST"}});
  hub::test::HttpResult posted = Post(boost::json::object{{"channel", "web"},
                                                          {"company_name", "浙江储能"},
                                                          {"phone", "0571 8000 2222"},
                                                          {"need", "储能"},
                                                          {"industry", "energy"}});
  ASSERT_EQ(posted.status, 201u) << posted.body;
  const boost::json::object answer = boost::json::parse(posted.body).as_object();
  EXPECT_EQ(answer.at("owner").at("employee_number"), "E1");
  EXPECT_EQ(answer.at("routing_rule"), "industry");
  const boost::json::object& routing = answer.at("routing").as_object();
  EXPECT_EQ(routing.at("rule"), "industry");
  const boost::json::array& candidates = routing.at("candidates").as_array();
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[1].at("eliminated_by"), "industry");
  EXPECT_EQ(candidates[1].at("detail"), "no speciality energy");

  hub::test::HttpResult found = Post(boost::json::object{{"channel", "web"},
                                                         {"company_name", "温州光伏"},
                                                         {"phone", "0577 8000 3333"},
                                                         {"need", "光伏"},
                                                         {"industry", "energy"},
                                                         {"found_by", "E2"}});
  ASSERT_EQ(found.status, 201u) << found.body;
  EXPECT_EQ(boost::json::parse(found.body).at("owner").at("employee_number"), "E2");
  EXPECT_EQ(boost::json::parse(found.body).at("routing_rule"), "finder");
}

TEST_P(LeadRoutesTest, KeysFindingTwoCustomersOrOnlyTheNameOrAnotherTaxIdGoToReview) {
  boost::json::object two = CheckOf({{"channel", "phone"},
                                     {"contact_name", "张伟"},
                                     {"phone", "02150801234"},
                                     {"email", "zhang@yuanhang-tech.cn"},
                                     {"mobile", "010-6552-8000"}});
  EXPECT_EQ(two.at("decision"), "review");
  EXPECT_EQ(two.at("candidates").as_array().size(), 2u);
  EXPECT_THAT(std::string(two.at("reason").as_string()), HasSubstr("different customers"));

  boost::json::object named =
      CheckOf({{"channel", "email"}, {"company_name", "北京远航科技有限公司"}, {"email", "x@163.com"}});
  EXPECT_EQ(named.at("decision"), "review");
  EXPECT_THAT(std::string(named.at("reason").as_string()), HasSubstr("only the name agreed"));

  boost::json::object other =
      CheckOf({{"channel", "web"}, {"company_name", "华腾"}, {"email", "sales@huateng.cn"}, {"tax_id", kOtherCode}});
  EXPECT_EQ(other.at("decision"), "review");
  EXPECT_THAT(std::string(other.at("reason").as_string()), HasSubstr("tax id differs"));
}

TEST_P(LeadRoutesTest, ASwitchboardNumberIsIgnoredAndAnUnknownLeadIsNew) {
  boost::json::object check =
      CheckOf({{"channel", "phone"}, {"company_name", "新客户有限公司"}, {"phone", "021-6888-0000"}});
  EXPECT_EQ(check.at("decision"), "new");
  EXPECT_TRUE(check.at("customer").is_null());
  const boost::json::object& key = check.at("keys").as_array().at(0).as_object();
  EXPECT_EQ(key.at("field"), "phone");
  EXPECT_EQ(key.at("value"), "+862168880000");
  EXPECT_EQ(key.at("ignored"), true);
  EXPECT_THAT(std::string(check.at("reason").as_string()), HasSubstr("ignored as not telling: phone (4+ customers)"));
}

TEST_P(LeadRoutesTest, ASecondOpenLeadWithTheSamePhoneNamesTheFirst) {
  hub::test::HttpResult first =
      Post(boost::json::object{{"channel", "web"}, {"contact_name", "赵六"}, {"mobile", "13800138000"}});
  ASSERT_EQ(first.status, 201u) << first.body;
  const std::int64_t first_id = boost::json::parse(first.body).at("lead_id").to_number<std::int64_t>();
  boost::json::object second =
      CheckOf({{"channel", "phone"}, {"contact_name", "赵六"}, {"phone", "+86 138 0013 8000"}});
  EXPECT_EQ(second.at("duplicate_of_lead_id").to_number<std::int64_t>(), first_id);
  EXPECT_TRUE(boost::json::parse(first.body).at("duplicate_check").at("duplicate_of_lead_id").is_null());
}

TEST_P(LeadRoutesTest, TheSameKeyOrTheSameBodyPostedTwiceIsOneLead) {
  const boost::json::object lead{{"channel", "web"}, {"company_name", "重复提交有限公司"}, {"email", "a@dup.cn"}};
  ASSERT_EQ(Post(lead, "k-1").status, 201u);
  hub::test::HttpResult again = Post(lead, "k-1");
  EXPECT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(boost::json::parse(again.body).at("outcome"), "unchanged");
  boost::json::object keyed = lead;
  keyed["key"] = "k-1";
  EXPECT_EQ(Post(keyed).status, 200u);
  const std::string form = R"({"channel":"web","company_name":"表单公司","phone":"0755-8888 1234"})";
  hub::test::HttpResult once = Post(form);
  ASSERT_EQ(once.status, 201u) << once.body;
  EXPECT_THAT(std::string(boost::json::parse(once.body).at("key").as_string()), HasSubstr("sha256:"));
  EXPECT_EQ(Post(form).status, 200u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM lead_stage_history WHERE from_stage IS NULL AND to_stage = 'resource'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads WHERE stage_entered_at IS NOT NULL"), 2);
}

TEST_P(LeadRoutesTest, ABadLeadIsRefusedNamingEveryFieldAtFault) {
  hub::test::HttpResult refused = Post(boost::json::object{{"channel", "fax"},
                                                           {"phone", "12"},
                                                           {"email", "not-an-address"},
                                                           {"tax_id", "91310115MA1K4XYD0X"},
                                                           {"estimated_amount", "12,5"},
                                                           {"currency", "rmb"},
                                                           {"products", "传感器"},
                                                           {"colour", "blue"}},
                                       "");
  ASSERT_EQ(refused.status, 400u) << refused.body;
  const boost::json::object fields = boost::json::parse(refused.body).at("error").at("fields").as_object();
  for (const char* field :
       {"channel", "company_name", "phone", "email", "tax_id", "estimated_amount", "currency", "products", "colour"}) {
    EXPECT_TRUE(fields.contains(field)) << field << " in " << refused.body;
  }
  EXPECT_THAT(std::string(fields.at("tax_id").as_string()), HasSubstr("check character"));
  EXPECT_EQ(Post(boost::json::object{{"channel", "web"}, {"key", "a"}, {"contact_name", "x"}, {"email", "a@b.cn"}}, "b")
                .status,
            400u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads"), 0);
  EXPECT_EQ(Post("{\"channel\":\"web\"}", "", api::test::kReadToken).status, 403u);
}

INSTANTIATE_TEST_SUITE_P(Engines, LeadRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
