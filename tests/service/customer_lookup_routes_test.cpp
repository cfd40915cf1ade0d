// GET /api/v1/customers?phone=|email=|tax_id=|name= (the screen pop) over the real server, on both engines:
// each common form of a phone number finds the customer its stored number belongs to, so do its e-mail in
// any case, its tax id however it is written and its name; the card holds the owner, source links, open
// leads and orders, the receivable balance and the newest activities; several matches answer every card (at
// most 20), none an empty list; a request with no look-up, two, or a number no one could dial is a 400 JSON
// error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/test_server.hpp"
#include "service/customer_lookup.hpp"
#include "service/customer_routes.hpp"
#include "support/http_client.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::service {
namespace {

using sdk::Value;
using ::testing::HasSubstr;

// `text` as a query-string value: everything but unreserved characters percent-encoded.
std::string PercentEncoded(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return encoded;
}

class CustomerLookupRoutesTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    mapping_ = sync::test::Mapping("party", {"kind", "name", "phone", "mobile", "email", "uscc", "vat", "country"});
    Apply({sync::test::Record("party", "C1",
                              {{"kind", "organization"},
                               {"name", "华腾科技"},
                               {"phone", "010-6255-7788 转 8"},
                               {"mobile", "138 0013 8000"},
                               {"email", "Sales@HuaTeng.example.cn"},
                               {"uscc", "91310115MA4CL12T22"},
                               {"country", "CN"}}),
           sync::test::Record("party", "C2",
                              {{"kind", "organization"},
                               {"name", "Acme Trading Ltd."},
                               {"phone", "(617) 555-0142"},
                               {"email", "info@acme.example"},
                               {"vat", "DE 123 456 789"},
                               {"country", "US"}})},
          "1");
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

  // The answer to ?`key`=`value` (encoded), a 200 with a JSON object.
  boost::json::object Find(const std::string& key, const std::string& value) {
    hub::test::HttpResult answer = Get("/api/v1/customers?" + key + "=" + PercentEncoded(value));
    EXPECT_EQ(answer.status, 200u) << key << "=" << value << ": " << answer.body;
    if (answer.status != 200u) return {};
    return boost::json::parse(answer.body).as_object();
  }

  // The ids of the cards of ?`key`=`value`.
  std::vector<std::int64_t> FoundIds(const std::string& key, const std::string& value) {
    boost::json::object found = Find(key, value);
    std::vector<std::int64_t> ids;
    if (found.empty()) return ids;
    for (const boost::json::value& card : found.at("customers").as_array()) {
      ids.push_back(card.at("id").to_number<std::int64_t>());
    }
    EXPECT_EQ(found.at("count").to_number<std::size_t>(), ids.size());
    EXPECT_FALSE(found.at("truncated").as_bool());
    return ids;
  }

  std::int64_t PartyId(const std::string& source_id) {
    return Count("SELECT party_id FROM source_links WHERE source_id = '" + source_id + "'");
  }

  void Execute(const std::string& sql, std::vector<Value> values) {
    auto done = connection_->ExecuteUpdate(sql, std::move(values));
    ASSERT_TRUE(done.ok()) << sql << ": " << done.status().ToString();
  }

  std::unique_ptr<api::test::TestServer> server_;
};

using Ids = std::vector<std::int64_t>;

TEST_P(CustomerLookupRoutesTest, EveryCommonFormOfAMobileNumberFindsItsCustomer) {
  const Ids c1 = {PartyId("C1")};
  for (const char* form : {"+86 138 0013 8000", "0086-13800138000", "13800138000", "8613800138000", "+86 138-0013-8000",
                           "(+86) 138 0013 8000", "０１３８００１３８０００"}) {
    EXPECT_EQ(FoundIds("phone", form), c1) << form;
  }
  EXPECT_EQ(Find("phone", "13800138000").at("match").at("normalized").as_string(), "+8613800138000");
}

TEST_P(CustomerLookupRoutesTest, ALandlineFindsItsCustomerWithOrWithoutExtension) {
  const Ids c1 = {PartyId("C1")};
  for (const char* form : {"(010)62557788", "010-6255-7788", "010-6255-7788 ext. 12", "010 6255 7788 转 8",
                           "+86 10 6255 7788", "0086 (10) 62557788 x3"}) {
    EXPECT_EQ(FoundIds("phone", form), c1) << form;
  }
}

TEST_P(CustomerLookupRoutesTest, AForeignNumberWithItsCallingCodeFindsItsCustomer) {
  const Ids c2 = {PartyId("C2")};
  for (const char* form : {"+1 (617) 555-0142", "001 617 555 0142", "+1-617-555-0142"}) {
    EXPECT_EQ(FoundIds("phone", form), c2) << form;
  }
}

TEST_P(CustomerLookupRoutesTest, APlusSentUnencodedIsStillThePlusOfTheCallingCode) {
  // "+1 617 555 0142" in a query string without %2B: the + arrives as a space.
  hub::test::HttpResult answer = Get("/api/v1/customers?phone=+1%20617%20555%200142");
  ASSERT_EQ(answer.status, 200u) << answer.body;
  const boost::json::value found = boost::json::parse(answer.body);
  const boost::json::array& cards = found.at("customers").as_array();
  ASSERT_EQ(cards.size(), 1u) << answer.body;
  EXPECT_EQ(cards[0].at("id").to_number<std::int64_t>(), PartyId("C2"));
}

TEST_P(CustomerLookupRoutesTest, AnEmailFindsItsCustomerInAnyCase) {
  EXPECT_EQ(FoundIds("email", "sales@huateng.example.cn"), Ids{PartyId("C1")});
  EXPECT_EQ(FoundIds("email", " SALES@HuaTeng.Example.CN "), Ids{PartyId("C1")});
  EXPECT_EQ(FoundIds("email", "INFO@acme.example"), Ids{PartyId("C2")});
}

TEST_P(CustomerLookupRoutesTest, ATaxIdFindsItsCustomerHoweverItIsWritten) {
  EXPECT_EQ(FoundIds("tax_id", "91310115MA4CL12T22"), Ids{PartyId("C1")});
  EXPECT_EQ(FoundIds("tax_id", "9131-0115 ma4cl12t22"), Ids{PartyId("C1")});
  EXPECT_EQ(FoundIds("tax_id", "DE123456789"), Ids{PartyId("C2")});
  EXPECT_EQ(FoundIds("tax_id", "de 123.456.789"), Ids{PartyId("C2")});
}

TEST_P(CustomerLookupRoutesTest, ANameFindsItsCustomerAsNormalized) {
  EXPECT_EQ(FoundIds("name", "华腾科技"), Ids{PartyId("C1")});
  EXPECT_EQ(FoundIds("name", "  ACME  trading, Ltd. "), Ids{PartyId("C2")});
  EXPECT_EQ(FoundIds("name", "Acme"), Ids{}) << "exact, not a prefix";
}

TEST_P(CustomerLookupRoutesTest, NothingFoundIsAnEmptyList) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"phone", "13900139000"}, {"email", "nobody@example.org"}, {"tax_id", "X1"}, {"name", "无名"}}) {
    boost::json::object found = Find(key, value);
    ASSERT_FALSE(found.empty()) << key;
    EXPECT_EQ(found.at("count").to_number<int>(), 0) << key;
    EXPECT_TRUE(found.at("customers").as_array().empty()) << key;
  }
}

TEST_P(CustomerLookupRoutesTest, SeveralMatchesAnswerEveryCardAndAMergedPartyItsGoldenRecordOnce) {
  Apply({sync::test::Record("party", "C3", {{"kind", "organization"}, {"name", "华腾贸易"}, {"mobile", "13800138000"}}),
         sync::test::Record("party", "C4", {{"kind", "organization"}, {"name", "华腾"}, {"mobile", "+8613800138000"}}),
         sync::test::Record("party", "C5", {{"kind", "person"}, {"name", "张伟"}, {"mobile", "8613800138000"}})},
        "2");
  Execute("UPDATE parties SET golden_party_id = ?, status = 'merged' WHERE id = ?",
          {Value::Int64(PartyId("C3")), Value::Int64(PartyId("C4"))});
  EXPECT_EQ(FoundIds("phone", "138 0013 8000"), (Ids{PartyId("C1"), PartyId("C3"), PartyId("C5")}));
  EXPECT_EQ(FoundIds("name", "华腾"), Ids{PartyId("C3")}) << "C4 was merged into C3";
}

TEST_P(CustomerLookupRoutesTest, APartyMergedTwiceAnswersTheCardAtTheEndOfItsChain) {
  Apply({sync::test::Record("party", "M1", {{"kind", "organization"}, {"name", "链一"}, {"mobile", "13900139001"}}),
         sync::test::Record("party", "M2", {{"kind", "organization"}, {"name", "链二"}}),
         sync::test::Record("party", "M3", {{"kind", "organization"}, {"name", "链三"}})},
        "2");
  Execute("UPDATE parties SET golden_party_id = ?, status = 'merged' WHERE id = ?",
          {Value::Int64(PartyId("M3")), Value::Int64(PartyId("M2"))});
  Execute("UPDATE parties SET golden_party_id = ?, status = 'merged' WHERE id = ?",
          {Value::Int64(PartyId("M2")), Value::Int64(PartyId("M1"))});
  Execute("INSERT INTO leads (party_id, company_name, status) VALUES (?, '链二', 'new')",
          {Value::Int64(PartyId("M2"))});
  boost::json::object found = Find("phone", "139 0013 9001");
  ASSERT_EQ(found.at("count").to_number<int>(), 1);
  const boost::json::object& card = found.at("customers").at(0).as_object();
  EXPECT_EQ(card.at("id").to_number<std::int64_t>(), PartyId("M3"));
  EXPECT_EQ(card.at("name").as_string(), "链三");
  EXPECT_TRUE(card.at("golden_party_id").is_null());
  ASSERT_EQ(card.at("open_leads").as_array().size(), 1u) << "M2's lead: M2 is merged into M3";
  EXPECT_EQ(card.at("open_leads").at(0).at("company_name").as_string(), "链二");
}

TEST_P(CustomerLookupRoutesTest, AnswersAtMostTwentyCardsAndSaysMoreMatched) {
  std::vector<sdk::Record> namesakes;
  for (int i = 0; i < 21; ++i) {
    namesakes.push_back(
        sync::test::Record("party", "N" + std::to_string(i), {{"kind", "organization"}, {"name", "同名公司"}}));
  }
  Apply(namesakes, "2");
  boost::json::object found = Find("name", "同名公司");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.at("count").to_number<int>(), 20);
  EXPECT_EQ(found.at("customers").as_array().size(), 20u);
  EXPECT_TRUE(found.at("truncated").as_bool());
}

TEST_P(CustomerLookupRoutesTest, TheCardHoldsOwnerLinksOpenLeadsAndOrdersBalanceAndTheNewestActivities) {
  const std::int64_t party = PartyId("C1");
  Execute("INSERT INTO employees (employee_number, name) VALUES ('E007', '李娜')", {});
  Execute(
      "UPDATE parties SET owner_employee_id = (SELECT id FROM employees WHERE employee_number = 'E007'), "
      "grade = 'A' WHERE id = ?",
      {Value::Int64(party)});
  for (const char* sql : {"INSERT INTO leads (party_id, company_name, status) VALUES (?, '华腾', 'qualified')",
                          "INSERT INTO leads (party_id, company_name, status) VALUES (?, '华腾', 'disqualified')",
                          "INSERT INTO orders (order_number, party_id, status, currency, total_amount, ordered_on) "
                          "VALUES ('SO-1', ?, 'open', 'CNY', '1280.50', '2026-11-02')",
                          "INSERT INTO orders (order_number, party_id, status, currency, total_amount, ordered_on) "
                          "VALUES ('SO-2', ?, 'delivered', 'CNY', '99.00', '2026-10-02')"}) {
    Execute(sql, {Value::Int64(party)});
  }
  for (int day = 1; day <= 7; ++day) {
    Execute(
        "INSERT INTO activities (kind, direction, subject, party_id, occurred_at) VALUES ('call', 'inbound', ?, ?, ?)",
        {Value::String("call " + std::to_string(day)), Value::Int64(party),
         Value::String("2026-11-0" + std::to_string(day) + " 09:00:00")});
  }
  jobs_["invoice"] =
      sync::SinkJob{sync::test::Mapping("invoice", {"invoice_number", "party_source_id", "kind", "status", "currency",
                                                    "total_amount", "issued_on", "amount_residual"}),
                    source_system_};
  ApplyAs("invoice",
          {sync::test::Record("invoice", "I1",
                              {{"invoice_number", "I1"},
                               {"party_source_id", "C1"},
                               {"kind", "invoice"},
                               {"status", "partially_paid"},
                               {"currency", "CNY"},
                               {"total_amount", "1000.00"},
                               {"issued_on", "2026-11-01"},
                               {"amount_residual", "400.25"}})},
          "i1");

  boost::json::object found = Find("phone", "+86 138 0013 8000");
  ASSERT_EQ(found.at("count").to_number<int>(), 1);
  const boost::json::object& card = found.at("customers").at(0).as_object();
  EXPECT_EQ(card.at("id").to_number<std::int64_t>(), party);
  EXPECT_EQ(card.at("name").as_string(), "华腾科技");
  EXPECT_EQ(card.at("grade").as_string(), "A");
  EXPECT_EQ(card.at("owner_employee_number").as_string(), "E007");
  EXPECT_EQ(card.at("owner_name").as_string(), "李娜");
  ASSERT_EQ(card.at("source_links").as_array().size(), 1u);
  EXPECT_EQ(card.at("source_links").at(0).at("source_id").as_string(), "C1");
  ASSERT_EQ(card.at("open_leads").as_array().size(), 1u);
  EXPECT_EQ(card.at("open_leads").at(0).at("status").as_string(), "qualified");
  ASSERT_EQ(card.at("open_orders").as_array().size(), 1u);
  EXPECT_EQ(card.at("open_orders").at(0).at("order_number").as_string(), "SO-1");
  ASSERT_EQ(card.at("receivable_balance").as_array().size(), 1u);
  EXPECT_EQ(card.at("receivable_balance").at(0).at("currency").as_string(), "CNY");
  EXPECT_EQ(std::string(card.at("receivable_balance").at(0).at("balance").as_string()).substr(0, 6), "400.25");
  const boost::json::array& activities = card.at("last_activities").as_array();
  ASSERT_EQ(activities.size(), 5u);
  EXPECT_EQ(activities.front().at("subject").as_string(), "call 7");
  EXPECT_EQ(activities.back().at("subject").as_string(), "call 3");
  for (const char* left_out : {"phones", "identifiers", "orders", "quality", "contacts", "has_merged_parties"}) {
    EXPECT_FALSE(card.contains(left_out)) << left_out << " is not on the card";
  }

  hub::test::HttpResult full = Get("/api/v1/customers/" + std::to_string(party));
  ASSERT_EQ(full.status, 200u) << full.body;
  boost::json::object customer = boost::json::parse(full.body).as_object();
  EXPECT_EQ(customer.at("owner_name").as_string(), "李娜");
  EXPECT_EQ(customer.at("last_activities").as_array().size(), 5u);
  EXPECT_EQ(customer.at("orders").as_array().size(), 2u);
}

TEST_P(CustomerLookupRoutesTest, NoLookUpTwoOrAValueWithoutNormalFormIsA400) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "give one look-up: phone, email, tax_id or name"},
      {"?limit=3", "give one look-up"},
      {"?phone=13800138000&email=a%40b.example", "not both phone and email"},
      {"?name=x&tax_id=y", "not both tax_id and name"},
      {"?phone=" + PercentEncoded("(010)12345678"), "not a number anyone could dial"},
      {"?phone=", "not a number anyone could dial"},
      {"?email=%20%20", "blank once normalized"},
      {"?tax_id=-.-", "blank once normalized"},
      {"?name=", "blank once normalized"},
  };
  for (const auto& [query, message] : cases) {
    hub::test::HttpResult answer = Get("/api/v1/customers" + query);
    EXPECT_EQ(answer.status, 400u) << query << ": " << answer.body;
    boost::json::value body = boost::json::parse(answer.body);
    EXPECT_EQ(body.at("error").at("code").as_string(), "bad_request") << query;
    EXPECT_THAT(std::string(body.at("error").at("message").as_string()), HasSubstr(message)) << query;
  }
}

TEST_P(CustomerLookupRoutesTest, NeedsAReadToken) {
  EXPECT_EQ(Get("/api/v1/customers?phone=13800138000", "").status, 401u);
  EXPECT_EQ(Get("/api/v1/customers?phone=13800138000", "wrong").status, 401u);
}

INSTANTIATE_TEST_SUITE_P(Engines, CustomerLookupRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

TEST(NormalizeLookupTest, UsesTheStoresNormalForms) {
  EXPECT_EQ(NormalizeLookup(LookupKey::kPhone, "0086-13800138000")->normalized, "+8613800138000");
  EXPECT_EQ(NormalizeLookup(LookupKey::kPhone, "010-6255-7788 ext. 12")->normalized, "+861062557788");
  EXPECT_EQ(NormalizeLookup(LookupKey::kEmail, " A@B.Example ")->normalized, "a@b.example");
  EXPECT_EQ(NormalizeLookup(LookupKey::kTaxId, "9131-0115 ma4cl12t22")->normalized, "91310115MA4CL12T22");
  EXPECT_EQ(NormalizeLookup(LookupKey::kName, "  ＡＣＭＥ  Trading, Ltd. ")->normalized, "acme trading ltd.");
  sdk::Result<CustomerLookup> refused = NormalizeLookup(LookupKey::kPhone, "(010)10940526");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(refused.status().message(), HasSubstr("cannot start with 0 or 1"));
}

}  // namespace
}  // namespace hub::service
