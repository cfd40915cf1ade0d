// The odoo17 profile's streams on the demo database: what each gives, in which order, and what it rejects.
#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "finance_database.hpp"

namespace hub::finance::test {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

class OdooStreams : public FinanceDriverTest {};

// The records of `entity` whose field `name` holds the integer `value`.
std::vector<const sdk::Record*> WithField(const std::vector<sdk::Record>& records, std::string_view entity,
                                          std::string_view name, std::int64_t value) {
  std::vector<const sdk::Record*> found;
  for (const sdk::Record& record : records) {
    const sdk::Value* field = record.Find(name);
    if (record.entity == entity && field != nullptr && field->type() == sdk::ValueType::kInt64 &&
        field->integer() == value) {
      found.push_back(&record);
    }
  }
  return found;
}

std::string Text(const sdk::Record* record, std::string_view field) {
  if (record == nullptr || record->Find(field) == nullptr) return "<missing>";
  return record->Find(field)->text();
}

TEST_P(OdooStreams, TheDemoGivesEveryStreamInDependencyOrder) {
  FinanceSource source(MakeOptions(db()));
  RunResult run = ReadRun(source, "", 10);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  EXPECT_THAT(CountByEntity(run.records),
              ElementsAre(Pair("credit_limit", 4u), Pair("invoice", 12u), Pair("invoice_line", 14u), Pair("party", 8u),
                          Pair("payment", 6u), Pair("receivable", 12u)));
  const std::vector<std::string> order = {"party", "invoice", "invoice_line", "receivable", "payment", "credit_limit"};
  std::size_t stream = 0;
  for (const sdk::Record& record : run.records) {
    while (stream < order.size() && order[stream] != record.entity) ++stream;
    ASSERT_LT(stream, order.size()) << record.position << " comes after a later stream";
    EXPECT_TRUE(record.rejection.empty()) << record.rejection;
  }
}

TEST_P(OdooStreams, RecordsCarryOdoosOwnValues) {
  FinanceSource source(MakeOptions(db()));
  RunResult run = ReadRun(source, "", 100);
  ASSERT_TRUE(run.ok) << run.status.ToString();

  const sdk::Record* partner = FindRecord(run.records, "party:11");
  EXPECT_EQ(Text(partner, "ref"), "0000100001");
  EXPECT_EQ(Text(partner, "kind"), "organization");
  EXPECT_EQ(Text(partner, "country_code"), "CN");
  EXPECT_EQ(partner->position, "res_partner id=11");

  const sdk::Record* refund = FindRecord(run.records, "invoice:111");
  EXPECT_EQ(Text(refund, "move_type"), "out_refund");
  EXPECT_EQ(Text(refund, "currency"), "CNY");
  EXPECT_EQ(*refund->Find("reversed_entry_id"), sdk::Value::Int64(110));
  // A draft has no invoice_date: the accounting date stands in for it (a DATE on PostgreSQL, ISO text on
  // SQLite, which gives an expression no type).
  const sdk::Record* draft = FindRecord(run.records, "invoice:109");
  EXPECT_EQ(Text(draft, "state"), "draft");
  EXPECT_EQ(Text(draft, "invoice_date"), "2026-11-14");
  EXPECT_EQ(draft->Find("write_date")->type(), sdk::ValueType::kTimestamp);

  // Receivables: one per due date, with a status from the move and the residual.
  std::vector<const sdk::Record*> instalments = WithField(run.records, "receivable", "move_id", 106);
  ASSERT_EQ(instalments.size(), 2u);
  EXPECT_EQ(Text(instalments[0], "status"), "open");
  EXPECT_EQ(Text(WithField(run.records, "receivable", "move_id", 101).at(0), "status"), "paid");
  EXPECT_EQ(Text(WithField(run.records, "receivable", "move_id", 108).at(0), "status"), "cancelled");
  EXPECT_TRUE(WithField(run.records, "receivable", "move_id", 109).empty()) << "a draft has no receivable";
  EXPECT_EQ(WithField(run.records, "invoice_line", "move_id", 102).size(), 2u);

  const sdk::Record* limit = FindRecord(run.records, "credit_limit:401");
  EXPECT_EQ(Text(limit, "partner_id"), "11");
  EXPECT_EQ(Text(limit, "currency"), "CNY");
  EXPECT_EQ(FindRecord(run.records, "payment:206")->Find("state")->text(), "cancel");
}

TEST_P(OdooStreams, ARowMissingARequiredFieldIsRejectedWithItsReasonAndTheRestGoesOn) {
  db().Execute("UPDATE account_move SET commercial_partner_id = NULL WHERE id = 106");
  FinanceSource source(MakeOptions(db(), {{"streams", "invoices"}}));
  RunResult run = ReadRun(source, "", 100);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  ASSERT_EQ(run.records.size(), 12u);
  for (const sdk::Record& record : run.records) {
    if (record.source_id == "106") {
      EXPECT_EQ(record.rejection, "account_move id=106: column 'partner_id' is empty, and the invoice needs it");
    } else {
      EXPECT_EQ(record.rejection, "") << record.position;
    }
  }
}

TEST_P(OdooStreams, AQueryWithoutTheKeysetColumnsIsRefusedNamingTheOption) {
  FinanceSource source(
      MakeOptions(db(), {{"streams", "partners"}, {"partners_query", "SELECT id, name FROM res_partner"}}));
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(batch.status().message(), ::testing::HasSubstr("option partners_query"));
}

INSTANTIATE_TEST_SUITE_P(Drivers, OdooStreams, ::testing::Values(Backend::kSqlite, Backend::kPostgres), DriverName);

}  // namespace
}  // namespace hub::finance::test
