// GET /api/v1/customers/{id} over the real server, on both engines: a synced customer with its identifiers,
// phones, e-mail, address, source links and data-quality flags; JSON errors for ids no party has.
#include "service/customer_routes.hpp"

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

using sdk::Value;
using ::testing::HasSubstr;

sdk::Record Company(const std::string& id, const std::vector<std::pair<std::string, std::string>>& fields) {
  sdk::Record record;
  record.entity = "party";
  record.source_id = id;
  record.position = "companies.csv:" + id;
  for (const auto& [name, text] : fields) record.Set(name, Value::String(text));
  return record;
}

class CustomerRoutesTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    std::vector<std::pair<std::string, std::string>> targets;
    for (const char* field : {"kind", "name", "phone", "mobile", "email", "uscc", "city", "country"}) {
      targets.emplace_back(field, field);
    }
    mapping_ = sync::test::EntityMapping("party", targets);
    api::Router router;
    ASSERT_TRUE(AddCustomerRoutes(router, *database_).ok());
    server_ = std::make_unique<api::test::TestServer>(api::test::TestApiConfig(), std::move(router));
    ASSERT_TRUE(server_->Start().ok());
  }

  void TearDown() override {
    server_.reset();
    SinkTest::TearDown();
  }

  hub::test::HttpResult Get(const std::string& target, const std::string& token = api::test::kReadToken) {
    hub::test::RequestOptions options;
    options.bearer_token = token;
    sdk::Result<hub::test::HttpResult> result = hub::test::Get("127.0.0.1", server_->port(), target, options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : hub::test::HttpResult{};
  }

  std::int64_t PartyId(const std::string& source_id) {
    return Count("SELECT party_id FROM source_links WHERE source_id = '" + source_id + "'");
  }

  std::unique_ptr<api::test::TestServer> server_;
};

TEST_P(CustomerRoutesTest, AnswersTheCustomerWithItsChannelsLinksAndQualityFlags) {
  Apply({Company("C1", {{"kind", "organization"},
                        {"name", "深圳市腾飞科技有限公司"},
                        {"phone", "8613885398656"},
                        {"mobile", "(010)10940526"},
                        {"email", "Sales@TengFei.example.cn"},
                        {"uscc", "91310115MA4CL12T23"},
                        {"city", "深圳"},
                        {"country", "CN"}})},
        "1");
  hub::test::HttpResult answer = Get("/api/v1/customers/" + std::to_string(PartyId("C1")));
  ASSERT_EQ(answer.status, 200u) << answer.body;
  EXPECT_THAT(answer.Header("Content-Type"), HasSubstr("application/json"));
  boost::json::object customer = boost::json::parse(answer.body).as_object();
  EXPECT_EQ(customer.at("id").to_number<std::int64_t>(), PartyId("C1"));
  EXPECT_EQ(customer.at("name").as_string(), "深圳市腾飞科技有限公司");
  EXPECT_TRUE(customer.at("identifiers").as_array().empty()) << "the code's check character is wrong";

  const boost::json::array& phones = customer.at("phones").as_array();
  ASSERT_EQ(phones.size(), 2u);
  EXPECT_EQ(phones[0].at("kind").as_string(), "mobile");
  EXPECT_EQ(phones[0].at("raw").as_string(), "8613885398656");
  EXPECT_EQ(phones[0].at("e164").as_string(), "+8613885398656");
  EXPECT_EQ(phones[1].at("raw").as_string(), "(010)10940526");
  EXPECT_TRUE(phones[1].at("e164").is_null());

  EXPECT_EQ(customer.at("emails").at(0).at("address_normalized").as_string(), "sales@tengfei.example.cn");
  EXPECT_EQ(customer.at("addresses").at(0).at("city").as_string(), "深圳");
  const boost::json::array& links = customer.at("source_links").as_array();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].at("source_system").as_string(), "erp");
  EXPECT_EQ(links[0].at("source_id").as_string(), "C1");

  const boost::json::array& quality = customer.at("quality").as_array();
  ASSERT_EQ(quality.size(), 2u);
  EXPECT_EQ(quality[0].at("field").as_string(), "uscc");
  EXPECT_EQ(quality[0].at("value").as_string(), "91310115MA4CL12T23");
  EXPECT_EQ(quality[0].at("problem").as_string(), "invalid_uscc");
  EXPECT_THAT(std::string(quality[0].at("detail").as_string()), HasSubstr("check character is 3, expected 2"));
  EXPECT_EQ(quality[0].at("source_id").as_string(), "C1");
  EXPECT_EQ(quality[1].at("field").as_string(), "mobile");
  EXPECT_EQ(quality[1].at("problem").as_string(), "invalid_phone");
}

TEST_P(CustomerRoutesTest, AMergedPartyAnswersItsGoldenRecordWithWhatWasMergedIntoIt) {
  Apply({Company("C1", {{"kind", "organization"}, {"name", "华腾"}, {"phone", "021 5080 1234"}}),
         Company("C2", {{"kind", "organization"}, {"name", "华腾贸易"}, {"phone", "(0755)02751996"}})},
        "1");
  const std::int64_t golden = PartyId("C1");
  auto merged = connection_->ExecuteUpdate("UPDATE parties SET golden_party_id = ?, status = 'merged' WHERE id = ?",
                                           {Value::Int64(golden), Value::Int64(PartyId("C2"))});
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  hub::test::HttpResult answer = Get("/api/v1/customers/" + std::to_string(PartyId("C2")));
  ASSERT_EQ(answer.status, 200u) << answer.body;
  boost::json::object customer = boost::json::parse(answer.body).as_object();
  EXPECT_EQ(customer.at("id").to_number<std::int64_t>(), golden);
  EXPECT_EQ(customer.at("phones").as_array().size(), 2u);
  EXPECT_EQ(customer.at("source_links").as_array().size(), 2u);
  EXPECT_EQ(customer.at("quality").at(0).at("value").as_string(), "(0755)02751996");
  EXPECT_FALSE(customer.contains("has_merged_parties")) << "read to choose the lists' SQL, never answered";
}

TEST_P(CustomerRoutesTest, ListsItsContactsOpenLeadsAndOpportunitiesAndOrders) {
  Apply({Company("C1", {{"kind", "organization"}, {"name", "华腾"}})}, "1");
  const std::int64_t party = PartyId("C1");
  mapping_ = sync::test::EntityMapping("contact", {{"organization_source_id", "org"}, {"name", "name"}});
  Apply({Company("K1", {{"org", "C1"}, {"name", "张伟"}})}, "2");
  for (const char* sql :
       {"INSERT INTO opportunities (party_id, name, stage, status) VALUES (?, '扩容', 'proposal', 'open')",
        "INSERT INTO opportunities (party_id, name, stage, status) VALUES (?, '升级', 'closing', 'won')",
        "INSERT INTO leads (party_id, company_name, status) VALUES (?, '华腾', 'new')",
        "INSERT INTO leads (party_id, company_name, status) VALUES (?, '华腾', 'converted')",
        "INSERT INTO orders (order_number, party_id, currency, total_amount, ordered_on) "
        "VALUES ('SO-1', ?, 'CNY', '1280.50', '2026-11-02')"}) {
    auto inserted = connection_->ExecuteUpdate(sql, {Value::Int64(party)});
    ASSERT_TRUE(inserted.ok()) << sql << ": " << inserted.status().ToString();
  }
  hub::test::HttpResult answer = Get("/api/v1/customers/" + std::to_string(party));
  ASSERT_EQ(answer.status, 200u) << answer.body;
  boost::json::object customer = boost::json::parse(answer.body).as_object();
  ASSERT_EQ(customer.at("contacts").as_array().size(), 1u);
  EXPECT_EQ(customer.at("contacts").at(0).at("name").as_string(), "张伟");
  ASSERT_EQ(customer.at("open_opportunities").as_array().size(), 1u);
  EXPECT_EQ(customer.at("open_opportunities").at(0).at("name").as_string(), "扩容");
  ASSERT_EQ(customer.at("open_leads").as_array().size(), 1u);
  EXPECT_EQ(customer.at("open_leads").at(0).at("status").as_string(), "new");
  ASSERT_EQ(customer.at("orders").as_array().size(), 1u);
  EXPECT_EQ(customer.at("orders").at(0).at("order_number").as_string(), "SO-1");
  EXPECT_EQ(std::string(customer.at("orders").at(0).at("total_amount").as_string()).substr(0, 7), "1280.50");
}

TEST_P(CustomerRoutesTest, AnUnknownIdIsA404JsonError) {
  for (const char* id : {"999999", "abc", "0", "-1", "1x"}) {
    hub::test::HttpResult answer = Get(std::string("/api/v1/customers/") + id);
    EXPECT_EQ(answer.status, 404u) << id;
    boost::json::value body = boost::json::parse(answer.body);
    EXPECT_EQ(body.at("error").at("code").as_string(), "not_found") << id;
    EXPECT_THAT(std::string(body.at("error").at("message").as_string()), HasSubstr(id));
  }
}

TEST_P(CustomerRoutesTest, NeedsAReadToken) {
  EXPECT_EQ(Get("/api/v1/customers/1", "").status, 401u);
  EXPECT_EQ(Get("/api/v1/customers/1", "wrong").status, 401u);
}

TEST_P(CustomerRoutesTest, RunOnTheIoThreadOnSqliteAndOnTheWorkersOnPostgresql) {
  api::Router router;
  ASSERT_TRUE(AddCustomerRoutes(router, *database_).ok());
  const api::Execution expected =
      GetParam() == hub::test::Backend::kSqlite ? api::Execution::kInline : api::Execution::kWorker;
  for (const char* path : {"/api/v1/customers", "/api/v1/customers/1"}) {
    EXPECT_EQ(router.Find("GET", path).route->execution, expected) << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, CustomerRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
