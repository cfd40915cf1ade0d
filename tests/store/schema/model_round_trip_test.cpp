// Rows of the customer model written and read back on both engines: Chinese text, identifiers, channels,
// contacts, exact money, and the constraints that guard the data.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/schema/migrator.hpp"
#include "support/store_fixture.hpp"

namespace hub::schema::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;

namespace {

using sdk::Value;

class ModelRoundTripTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    sdk::Result<MigrationOutcome> outcome = Migrate(*connection_);
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  }

  // Runs `insert` on `table` and answers the new row's id (the highest: the test is the only writer).
  std::int64_t Insert(const std::string& table, const std::string& insert, const std::vector<Value>& params) {
    sdk::Result<std::int64_t> inserted = connection_->ExecuteUpdate(insert, params);
    EXPECT_TRUE(inserted.ok()) << inserted.status().ToString();
    std::vector<odbc::Row> rows = QueryRows("SELECT MAX(id) FROM " + table);
    return rows.size() == 1 && !rows[0][0].is_null() ? rows[0][0].integer() : 0;
  }

  std::int64_t InsertParty(const std::string& kind, const std::string& name) {
    return Insert("parties", "INSERT INTO parties (kind, name, name_normalized) VALUES (?, ?, ?)",
                  {Value::String(kind), Value::String(name), Value::String(name)});
  }
};

TEST_P(ModelRoundTripTest, AChineseOrganizationRoundTrips) {
  const std::int64_t party =
      Insert("parties",
             "INSERT INTO parties (kind, name, name_latin, short_name, name_normalized, grade, tier, industry, region, "
             "country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {Value::String("organization"), Value::String("深圳市腾飞科技有限公司"),
              Value::String("Shenzhen Tengfei Technology Co., Ltd."), Value::String("腾飞科技"),
              Value::String("深圳市腾飞科技有限公司"), Value::String("A"), Value::String("top"),
              Value::String("制造业"), Value::String("华南"), Value::String("CN")});
  ASSERT_GT(party, 0);
  ASSERT_TRUE(connection_
                  ->ExecuteUpdate(
                      "INSERT INTO party_identifiers (party_id, scheme, value, value_normalized, country) "
                      "VALUES (?, 'uscc', ?, ?, 'CN')",
                      {Value::Int64(party), Value::String("91440300MA5F1234XY"), Value::String("91440300MA5F1234XY")})
                  .ok());
  ASSERT_TRUE(connection_
                  ->ExecuteUpdate(
                      "INSERT INTO addresses (party_id, kind, line1, district, city, province, "
                      "postal_code, country, is_primary) VALUES (?, 'registered', ?, ?, ?, ?, ?, 'CN', ?)",
                      {Value::Int64(party), Value::String("科技园南区深南大道9999号"), Value::String("南山区"),
                       Value::String("深圳市"), Value::String("广东省"), Value::String("518057"), Value::Bool(true)})
                  .ok());

  std::vector<odbc::Row> rows = QueryRows(
      "SELECT p.name, p.name_latin, p.short_name, p.grade, p.tier, i.value, a.line1, a.city, a.province, a.is_primary "
      "FROM parties p JOIN party_identifiers i ON i.party_id = p.id JOIN addresses a ON a.party_id = p.id "
      "WHERE i.value_normalized = ? AND i.scheme = 'uscc'",
      {Value::String("91440300MA5F1234XY")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].text(), "深圳市腾飞科技有限公司");
  EXPECT_EQ(rows[0][1].text(), "Shenzhen Tengfei Technology Co., Ltd.");
  EXPECT_EQ(rows[0][2].text(), "腾飞科技");
  EXPECT_EQ(rows[0][3].text(), "A");
  EXPECT_EQ(rows[0][4].text(), "top");
  EXPECT_EQ(rows[0][5].text(), "91440300MA5F1234XY");
  EXPECT_EQ(rows[0][6].text(), "科技园南区深南大道9999号");
  EXPECT_EQ(rows[0][7].text(), "深圳市");
  EXPECT_EQ(rows[0][8].text(), "广东省");
  EXPECT_TRUE(rows[0][9].boolean());
}

TEST_P(ModelRoundTripTest, AContactLinksAPersonToAnOrganizationAndIsFoundByPhone) {
  const std::int64_t company = InsertParty("organization", "北京华信咨询有限公司");
  const std::int64_t person = InsertParty("person", "王芳");
  const std::int64_t contact =
      Insert("contacts",
             "INSERT INTO contacts (organization_party_id, person_party_id, decision_role, title, preferences) "
             "VALUES (?, ?, 'decision_maker', ?, ?)",
             {Value::Int64(company), Value::Int64(person), Value::String("采购总监"),
              Value::String(R"({"channel":"wechat","drink":"茶"})")});
  ASSERT_GT(contact, 0);
  ASSERT_TRUE(
      connection_
          ->ExecuteUpdate("INSERT INTO phones (party_id, kind, raw, e164) VALUES (?, 'mobile', ?, ?)",
                          {Value::Int64(person), Value::String("138 0013 8000"), Value::String("+8613800138000")})
          .ok());

  std::vector<odbc::Row> rows = QueryRows(
      "SELECT o.name, c.title, c.decision_role, c.preferences FROM phones ph "
      "JOIN contacts c ON c.person_party_id = ph.party_id JOIN parties o ON o.id = c.organization_party_id "
      "WHERE ph.e164 = ?",
      {Value::String("+8613800138000")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].text(), "北京华信咨询有限公司");
  EXPECT_EQ(rows[0][1].text(), "采购总监");
  EXPECT_EQ(rows[0][2].text(), "decision_maker");
  EXPECT_THAT(rows[0][3].text(), ::testing::HasSubstr("茶"));
}

TEST_P(ModelRoundTripTest, MoneyKeepsEveryDigit) {
  const std::int64_t party = InsertParty("organization", "Acme Ltd");
  const std::int64_t order = Insert(
      "orders",
      "INSERT INTO orders (order_number, party_id, currency, total_amount, ordered_on) VALUES (?, ?, 'CNY', ?, ?)",
      {Value::String("SO-1"), Value::Int64(party), Value::Decimal("123456789012345.6789"), Value::Date("2024-03-01")});
  ASSERT_GT(order, 0);
  std::vector<odbc::Row> rows =
      QueryRows("SELECT total_amount, ordered_on FROM orders WHERE id = ?", {Value::Int64(order)});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].text(), "123456789012345.6789");
  EXPECT_EQ(rows[0][1].text(), "2024-03-01");
}

TEST_P(ModelRoundTripTest, ASourceRecordLinksOnlyOnce) {
  const std::int64_t party = InsertParty("organization", "Globex");
  const std::string insert =
      "INSERT INTO source_links (source_system, entity, source_id, record_id, party_id, content_hash) "
      "VALUES ('crm', 'party', 'C-1', ?, ?, 'h1')";
  ASSERT_TRUE(connection_->ExecuteUpdate(insert, {Value::Int64(party), Value::Int64(party)}).ok());
  sdk::Result<std::int64_t> duplicate = connection_->ExecuteUpdate(insert, {Value::Int64(party), Value::Int64(party)});
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(duplicate.status().message(), ::testing::HasSubstr("unique"));
}

TEST_P(ModelRoundTripTest, ChecksRefuseAnUnknownPartyKindAndGrade) {
  EXPECT_FALSE(
      connection_->ExecuteUpdate("INSERT INTO parties (kind, name, name_normalized) VALUES ('robot', 'x', 'x')").ok());
  EXPECT_FALSE(connection_
                   ->ExecuteUpdate("INSERT INTO parties (kind, name, name_normalized, grade) "
                                   "VALUES ('person', 'x', 'x', 'D')")
                   .ok());
}

TEST_P(ModelRoundTripTest, ForeignKeysRefuseAnIdentifierOfAMissingParty) {
  sdk::Result<std::int64_t> orphan = connection_->ExecuteUpdate(
      "INSERT INTO party_identifiers (party_id, scheme, value, value_normalized) VALUES (999999, 'duns', '1', '1')");
  ASSERT_FALSE(orphan.ok());
  EXPECT_THAT(orphan.status().message(), ::testing::HasSubstr("foreign key"));
}

TEST_P(ModelRoundTripTest, TheOutboxDefaultsCreationTimeAndListsUnpublishedEvents) {
  ASSERT_TRUE(connection_
                  ->ExecuteUpdate("INSERT INTO outbox_events (aggregate, aggregate_id, kind, payload) VALUES "
                                  "('party', '1', 'party.created', ?)",
                                  {Value::String(R"({"name":"腾飞"})")})
                  .ok());
  std::vector<odbc::Row> rows =
      QueryRows("SELECT kind, payload, created_at FROM outbox_events WHERE published_at IS NULL ORDER BY id");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].text(), "party.created");
  EXPECT_THAT(rows[0][1].text(), ::testing::HasSubstr("腾飞"));
  EXPECT_FALSE(rows[0][2].is_null());
}

INSTANTIATE_TEST_SUITE_P(Backends, ModelRoundTripTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::schema::test
