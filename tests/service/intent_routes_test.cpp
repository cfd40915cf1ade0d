// The intents API over the real server, on both engines: an intent recorded once per key against a known customer
// or an intent customer, each of the three follow-ups for both (the intent customer joins the customer master
// with its contact once, a purchase becomes the customer's opportunity), a second follow-up refused, the bodies
// refused field by field, and the roles.
#include "service/intent_routes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <memory>
#include <string>

#include "service/routes_sink_fixture.hpp"

namespace hub::service {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class IntentRoutesTest : public test::RoutesSinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    mapping_ = sync::test::Mapping("employee", {"employee_number", "name"});
    Apply({sync::test::Record("employee", "E001", {{"employee_number", "E001"}, {"name", "王芳"}})}, "1");
    mapping_ = sync::test::Mapping("party", {"kind", "name", "phone"});
    Apply({sync::test::Record(
              "party", "C1", {{"kind", "organization"}, {"name", "上海华腾贸易有限公司"}, {"phone", "021 5080 1234"}})},
          "2");
    known_ = Count("SELECT id FROM parties WHERE name = '上海华腾贸易有限公司'");
    api::Router router;
    ASSERT_TRUE(AddIntentRoutes(router, *database_).ok());
    Serve(std::move(router));
  }

  // Posts `intent`, expecting `status`; answers the intent.
  boost::json::object Post(const boost::json::object& intent, unsigned status = 201) {
    hub::test::HttpResult posted = Send("POST", "/api/v1/intents", boost::json::serialize(intent));
    EXPECT_EQ(posted.status, status) << posted.body;
    boost::json::value answer = boost::json::parse(posted.body);
    return answer.is_object() && answer.as_object().contains("intent") ? answer.at("intent").as_object()
                                                                       : boost::json::object{};
  }

  hub::test::HttpResult FollowUp(std::int64_t id, const boost::json::object& body) {
    return Send("POST", "/api/v1/intents/" + std::to_string(id) + "/follow_up", boost::json::serialize(body));
  }

  // The fields a refused answer names.
  std::vector<std::string> FieldsOf(const hub::test::HttpResult& refused) {
    EXPECT_EQ(refused.status, 400u) << refused.body;
    std::vector<std::string> fields;
    const boost::json::value answer = boost::json::parse(refused.body);
    for (const auto& field : answer.at("error").at("fields").as_object()) {
      fields.emplace_back(field.key());
    }
    return fields;
  }

  static boost::json::object IntentCustomer(const std::string& key) {
    return {{"key", key},
            {"company_name", "杭州新启科技有限公司"},
            {"contact_name", "李明"},
            {"phone", "0571 8888 1234"},
            {"email", "liming@xinqi.cn"},
            {"product", "ERP 云版"},
            {"estimated_amount", 80000},
            {"currency", "CNY"}};
  }

  std::int64_t known_ = 0;
};

TEST_P(IntentRoutesTest, AKnownCustomersPurchaseBecomesItsOpportunityOnceAndTheIntentIsRecordedOncePerKey) {
  const boost::json::object body{{"key", "web-7"},     {"customer_id", known_},      {"product", "仓储管理系统"},
                                 {"need", "三个仓库"}, {"estimated_amount", 120000}, {"currency", "CNY"}};
  EXPECT_EQ(Send("POST", "/api/v1/intents", boost::json::serialize(body), api::test::kReadToken).status, 403u);
  const boost::json::object intent = Post(body);
  ASSERT_TRUE(intent.contains("id"));
  EXPECT_EQ(intent.at("status"), "open");
  EXPECT_EQ(intent.at("customer").at("id"), known_);
  EXPECT_EQ(Post(body, 200).at("id"), intent.at("id"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM intents"), 1);

  const std::int64_t id = intent.at("id").as_int64();
  EXPECT_EQ(Send("POST", "/api/v1/intents/" + std::to_string(id) + "/follow_up",
                 R"({"outcome":"purchase","owner":"E001"})", api::test::kReadToken)
                .status,
            403u);
  hub::test::HttpResult bought = FollowUp(id, {{"outcome", "purchase"}, {"owner", "E001"}});
  ASSERT_EQ(bought.status, 200u) << bought.body;
  const boost::json::value purchased = boost::json::parse(bought.body).at("intent");
  EXPECT_EQ(purchased.at("status"), "purchase");
  EXPECT_EQ(purchased.at("owner").at("employee_number"), "E001");
  EXPECT_EQ(purchased.at("followed_up_by"), "operator");
  ASSERT_TRUE(purchased.at("opportunity_id").is_int64());
  const std::string opportunity = std::to_string(purchased.at("opportunity_id").as_int64());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities o JOIN employees e ON e.id = o.owner_employee_id WHERE o.id = " +
                  opportunity + " AND o.party_id = " + std::to_string(known_) +
                  " AND o.stage = 'intent' AND o.name = '仓储管理系统' AND o.amount = 120000 AND o.currency = 'CNY' "
                  "AND e.employee_number = 'E001'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'intents' AND entity = 'opportunity' AND "
                  "source_id = 'intent/" +
                  std::to_string(id) + "' AND record_id = " + opportunity),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1) << "a known customer joins nothing";

  hub::test::HttpResult again = FollowUp(id, {{"outcome", "invalid"}, {"reason", "重复"}});
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_THAT(again.body, HasSubstr("purchase"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE aggregate = 'intent'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind IN ('intent.created', 'intent.purchased')"), 2);
}

TEST_P(IntentRoutesTest, AnIntentCustomersSuggestionMakesItAProspectWithItsContact) {
  const boost::json::object intent = Post(IntentCustomer("k1"));
  ASSERT_TRUE(intent.contains("id"));
  EXPECT_TRUE(intent.at("customer").is_null());
  EXPECT_EQ(intent.at("intent_customer").at("company_name"), "杭州新启科技有限公司");
  const std::int64_t id = intent.at("id").as_int64();
  hub::test::HttpResult suggested = FollowUp(id, {{"outcome", "suggestion"}, {"owner", "E001"}});
  ASSERT_EQ(suggested.status, 200u) << suggested.body;
  const boost::json::value answer = boost::json::parse(suggested.body).at("intent");
  EXPECT_EQ(answer.at("status"), "suggestion");
  EXPECT_TRUE(answer.at("opportunity_id").is_null());
  ASSERT_TRUE(answer.at("customer").is_object());
  EXPECT_EQ(answer.at("customer").at("name"), "杭州新启科技有限公司");
  const std::string party = std::to_string(answer.at("customer").at("id").as_int64());
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM parties WHERE id = " + party + " AND kind = 'organization' AND status = 'prospect'"),
      1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'intents' AND entity = 'party' AND "
                  "source_id = 'intent/" +
                  std::to_string(id) + "/customer' AND record_id = " + party),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM contacts c JOIN parties p ON p.id = c.person_party_id WHERE "
                  "c.organization_party_id = " +
                  party + " AND p.name = '李明'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones WHERE e164 = '+8657188881234'"), 2) << "the company's and the person's";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'intent.suggested'"), 1);
  EXPECT_EQ(FollowUp(id, {{"outcome", "suggestion"}, {"owner", "E001"}}).status, 409u);
}

TEST_P(IntentRoutesTest, AnIntentCustomersPurchaseJoinsTheCustomerMasterOnceAndBecomesItsOpportunity) {
  const std::int64_t id = Post(IntentCustomer("k2")).at("id").as_int64();
  hub::test::HttpResult bought =
      FollowUp(id, {{"outcome", "purchase"}, {"owner", "E001"}, {"opportunity_name", "新启 ERP 一期"}});
  ASSERT_EQ(bought.status, 200u) << bought.body;
  const boost::json::value answer = boost::json::parse(bought.body).at("intent");
  const std::string party = std::to_string(answer.at("customer").at("id").as_int64());
  const std::string opportunity = std::to_string(answer.at("opportunity_id").as_int64());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE name = '杭州新启科技有限公司'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM contacts WHERE organization_party_id = " + party), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities o JOIN employees e ON e.id = o.owner_employee_id WHERE o.id = " +
                  opportunity + " AND o.party_id = " + party +
                  " AND o.name = '新启 ERP 一期' AND o.amount = 80000 AND e.employee_number = 'E001'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE id = " + party + " AND owner_employee_id IS NOT NULL"), 1);
  EXPECT_EQ(FollowUp(id, {{"outcome", "purchase"}, {"owner", "E001"}}).status, 409u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE name = '杭州新启科技有限公司'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities"), 1);
}

TEST_P(IntentRoutesTest, AnInvalidIntentIsClosedWithItsReasonAndKeptWhoeverItIsFor) {
  const std::int64_t stranger = Post(IntentCustomer("k3")).at("id").as_int64();
  const std::int64_t known =
      Post({{"key", "k4"}, {"customer_id", known_}, {"product", "仓储管理系统"}}).at("id").as_int64();
  for (const std::int64_t id : {stranger, known}) {
    hub::test::HttpResult closed = FollowUp(id, {{"outcome", "invalid"}, {"reason", "预算取消"}});
    ASSERT_EQ(closed.status, 200u) << closed.body;
    const boost::json::value answer = boost::json::parse(closed.body).at("intent");
    EXPECT_EQ(answer.at("status"), "invalid");
    EXPECT_EQ(answer.at("invalid_reason"), "预算取消");
    EXPECT_FALSE(answer.at("followed_up_at").is_null());
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1) << "an invalid intent customer joins nothing";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM opportunities"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'intent.invalid'"), 2);
  hub::test::HttpResult listed = Send("GET", "/api/v1/intents?status=invalid", "", api::test::kReadToken);
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_EQ(boost::json::parse(listed.body).at("intents").as_array().size(), 2u);
  EXPECT_EQ(FollowUp(known, {{"outcome", "suggestion"}, {"owner", "E001"}}).status, 409u);
}

TEST_P(IntentRoutesTest, AnIntentCustomerWhosePhoneNamesAKnownCustomerAttachesToIt) {
  const boost::json::object intent =
      Post({{"contact_name", "赵强"}, {"phone", "+86 21 5080 1234"}, {"product", "仓储管理系统"}});
  ASSERT_TRUE(intent.contains("customer"));
  EXPECT_EQ(intent.at("customer").at("id"), known_);
  EXPECT_THAT(intent.at("key").as_string().c_str(), HasSubstr("sha256:"));
  hub::test::HttpResult suggested =
      FollowUp(intent.at("id").as_int64(), {{"outcome", "suggestion"}, {"owner", "E001"}});
  ASSERT_EQ(suggested.status, 200u) << suggested.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  hub::test::HttpResult listed = Send(
      "GET", "/api/v1/intents?customer_id=" + std::to_string(known_) + "&status=suggestion", "", api::test::kReadToken);
  EXPECT_EQ(boost::json::parse(listed.body).at("intents").as_array().size(), 1u);
}

TEST_P(IntentRoutesTest, ABodyAtFaultIsRefusedFieldByField) {
  EXPECT_THAT(FieldsOf(Send("POST", "/api/v1/intents", R"({"need":"x"})")),
              UnorderedElementsAre("company_name", "phone", "product"));
  EXPECT_THAT(FieldsOf(Send("POST", "/api/v1/intents",
                            R"({"contact_name":"李明","phone":"12","email":"nobody","tax_id":"91310000MA1FL0000X",)"
                            R"("product":"ERP","estimated_amount":-3,"currency":"rmb","lead_id":0,"colour":"red"})")),
              UnorderedElementsAre("phone", "email", "tax_id", "estimated_amount", "currency", "lead_id", "colour"));
  EXPECT_THAT(FieldsOf(Send("POST", "/api/v1/intents", R"({"customer_id":"C1","company_name":"x","product":"ERP"})")),
              UnorderedElementsAre("customer_id", "company_name"));
  hub::test::HttpResult unknown = Send("POST", "/api/v1/intents", R"({"customer_id":99999,"product":"ERP"})");
  EXPECT_EQ(unknown.status, 400u) << unknown.body;
  EXPECT_THAT(unknown.body, HasSubstr("customer_id"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM intents"), 0);

  const std::int64_t id = Post(IntentCustomer("k5")).at("id").as_int64();
  EXPECT_THAT(FieldsOf(FollowUp(id, {{"owner", "E001"}})), UnorderedElementsAre("outcome"));
  EXPECT_THAT(FieldsOf(FollowUp(id, {{"outcome", "won"}})), UnorderedElementsAre("outcome"));
  EXPECT_THAT(FieldsOf(FollowUp(id, {{"outcome", "suggestion"}})), UnorderedElementsAre("owner"));
  EXPECT_THAT(FieldsOf(FollowUp(id, {{"outcome", "purchase"}, {"when", "now"}})),
              UnorderedElementsAre("owner", "when"));
  EXPECT_THAT(FieldsOf(FollowUp(id, {{"outcome", "invalid"}})), UnorderedElementsAre("reason"));
  hub::test::HttpResult stranger = FollowUp(id, {{"outcome", "purchase"}, {"owner", "E999"}});
  EXPECT_EQ(stranger.status, 400u) << stranger.body;
  EXPECT_THAT(stranger.body, HasSubstr("E999"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM intents WHERE status = 'open'"), 1) << "nothing of a refusal is kept";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  EXPECT_EQ(FollowUp(99999, {{"outcome", "invalid"}, {"reason", "x"}}).status, 404u);
  for (const char* query : {"?status=won", "?limit=0", "?limit=1001", "?customer_id=x", "?after=-1"}) {
    hub::test::HttpResult refused = Send("GET", std::string("/api/v1/intents") + query, "", api::test::kReadToken);
    EXPECT_EQ(refused.status, 400u) << query << ": " << refused.body;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, IntentRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
