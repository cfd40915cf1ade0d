// Records the store could not keep whole, through the store sink on both engines: a source id or a
// reference longer than the indexes hold, text with a NUL byte, a value over an index's entry limit. Each
// is quarantined as the record's fault, naming it, while the rest of the batch lands and the run goes on.
#include "sync/mapping/record_limits.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "sink_fixture.hpp"

namespace hub::sync {
namespace {

using sdk::Value;
using test::EntityMapping;
using ::testing::HasSubstr;

sdk::Record Record(const std::string& entity, const std::string& id, const std::string& position,
                   const std::vector<std::pair<std::string, std::string>>& fields) {
  sdk::Record record;
  record.entity = entity;
  record.source_id = id;
  record.position = position;
  for (const auto& [name, text] : fields) record.Set(name, Value::String(text));
  return record;
}

sdk::Record Customer(const std::string& id, const std::string& name, const std::string& line) {
  return Record("party", id, "customers.csv:" + line, {{"kind", "organization"}, {"name", name}});
}

// `length` random letters and digits: text no store compresses below its length.
std::string Incompressible(std::size_t length) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string text;
  for (std::size_t i = 0; i < length; ++i) text.push_back(kAlphabet[pick(random)]);
  return text;
}

class RecordLimitsTest : public test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    jobs_["customers"] = SinkJob{EntityMapping("party", {{"kind", "kind"}, {"name", "name"}}), "erp"};
    jobs_["orders"] = SinkJob{EntityMapping("order", {{"order_number", "order_number"},
                                                      {"party_source_id", "party_source_id"},
                                                      {"currency", "currency"},
                                                      {"total_amount", "total_amount"},
                                                      {"ordered_on", "ordered_on"}}),
                              "erp"};
  }
};

TEST_P(RecordLimitsTest, ASourceIdLongerThanTheIndexesHoldIsQuarantinedCappedAndTheBatchLands) {
  const std::string long_id = Incompressible(3000);
  for (int run = 1; run <= 2; ++run) {
    SyncCounts counts =
        ApplyAs("customers",
                {Customer("C1", "First Co", "2"), Customer(long_id, "Long Co", "7"), Customer("C2", "Second Co", "8")},
                "cursor" + std::to_string(run));
    EXPECT_EQ(counts.quarantined, 1u);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2);
  std::vector<odbc::Row> entries =
      QueryRows("SELECT reason, source_id, record_key, cause, occurrences FROM quarantine");
  ASSERT_EQ(entries.size(), 1u) << "one entry, counted again on the second run";
  EXPECT_EQ(entries[0][0].text(), "customers.csv:7: source id is 3000 bytes long; at most 512 are kept");
  for (std::size_t column : {1u, 2u}) {
    EXPECT_LE(entries[0][column].text().size(), mapping::kMaxKeyBytes) << "kept capped for its index";
    EXPECT_THAT(entries[0][column].text(), HasSubstr("(3000 bytes)"));
    EXPECT_TRUE(entries[0][column].text().starts_with(long_id.substr(0, 100)));
  }
  EXPECT_EQ(entries[0][3].text(), "mapping");
  EXPECT_EQ(entries[0][4].integer(), 2);
}

TEST_P(RecordLimitsTest, AReferenceLongerThanTheIndexesHoldIsQuarantinedNamingTheField) {
  ApplyAs("customers", {Customer("C1", "First Co", "2")}, "c1");
  const std::vector<std::pair<std::string, std::string>> order{
      {"order_number", "SO-1"}, {"currency", "CNY"}, {"total_amount", "100.00"}, {"ordered_on", "2026-11-20"}};
  sdk::Record good = Record("order", "SO1", "orders.csv:2", order);
  good.Set("party_source_id", Value::String("C1"));
  sdk::Record bad = Record("order", "SO2", "orders.csv:3", order);
  bad.Set("party_source_id", Value::String(Incompressible(3000)));
  SyncCounts counts = ApplyAs("orders", {bad, good}, "o1");
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(counts.quarantined, 1u);
  std::vector<odbc::Row> entries = QueryRows("SELECT reason, status FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].text(),
            "orders.csv:3: field 'party_source_id' from 'party_source_id': the value is 3000 bytes long; at most 512 "
            "are kept");
  EXPECT_EQ(entries[0][1].text(), "open") << "it waits for nothing: no record can have that id";
}

TEST_P(RecordLimitsTest, TextWithANulByteIsQuarantinedNamingTheFieldAndKeptWithoutIt) {
  SyncCounts counts =
      ApplyAs("customers", {Customer("C1", std::string("Acme\0Corp", 9), "3"), Customer("C2", "Second Co", "4")}, "c1");
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE name LIKE 'Acme%'"), 0) << "never stored cut at the NUL";
  std::vector<odbc::Row> entries = QueryRows("SELECT reason, raw_record, cause FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].text(), "customers.csv:3: field 'name' from 'name': holds a NUL byte at byte 4");
  EXPECT_EQ(entries[0][1].text().find('\0'), std::string::npos);
  EXPECT_THAT(entries[0][1].text(), HasSubstr("Acme\xEF\xBF\xBD"
                                              "Corp"))
      << "the NUL shown as U+FFFD";
  EXPECT_EQ(entries[0][2].text(), "mapping");
}

TEST_P(RecordLimitsTest, AValueOverAnIndexsEntryLimitIsTheRecordsFaultAndTheBatchLands) {
  // The name is indexed (normalized); PostgreSQL refuses an index entry over about 2.7 KB, SQLite has no
  // such limit and stores it.
  SyncCounts counts = ApplyAs(
      "customers",
      {Customer("C1", "First Co", "2"), Customer("C2", Incompressible(3000), "3"), Customer("C3", "Third Co", "4")},
      "c1");
  const bool postgresql = GetParam() == hub::test::Backend::kPostgres;
  EXPECT_EQ(counts.inserted, postgresql ? 2u : 3u);
  EXPECT_EQ(counts.quarantined, postgresql ? 1u : 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE name IN ('First Co', 'Third Co')"), 2);
  if (postgresql) {
    std::vector<odbc::Row> entries = QueryRows("SELECT reason, cause FROM quarantine");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_TRUE(entries[0][0].text().starts_with("customers.csv:3: the store refused it: ")) << entries[0][0].text();
    EXPECT_THAT(entries[0][0].text(), HasSubstr("value too large for the store: SQLSTATE 54000"));
    EXPECT_EQ(entries[0][1].text(), "store");
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordLimitsTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::sync
