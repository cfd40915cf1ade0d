// CustomerListsQuery on both engines: the lists of a customer read in one statement (PostgreSQL) answer
// exactly what a statement per list answers — the same columns, named and typed as the lists declare them,
// the same values (NULLs, exact decimals, booleans, timestamps, dates), each list in its own order and within
// its limit — for a customer with and without parties merged into it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/customer_lists.hpp"
#include "store/schema/sql_dialect.hpp"
#include "support/store_fixture.hpp"

namespace hub::service {
namespace {

using sdk::Value;

constexpr ListColumn kNoteColumns[] = {{"id", "BIGINT"},     {"body", "TEXT"},        {"amount", "{{money}}"},
                                       {"flag", "{{bool}}"}, {"at", "{{timestamp}}"}, {"on_day", "{{date}}"},
                                       {"n", "INTEGER"}};
constexpr CustomerList kNotes{"notes", kNoteColumns, "FROM notes WHERE party_id IN ", "ORDER BY at DESC, id DESC",
                              "LIMIT 3"};
constexpr ListColumn kTagColumns[] = {{"tag", "TEXT", "upper(label)"}, {"id", "BIGINT"}};
constexpr CustomerList kTags{"tags", kTagColumns, "FROM tags WHERE party_id IN ", "ORDER BY id"};
constexpr CustomerList kNoTags{"no_tags", kTagColumns, "FROM tags WHERE label = 'none' AND party_id IN ",
                               "ORDER BY id"};

class CustomerListsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    Run("CREATE TABLE parties (id BIGINT PRIMARY KEY, golden_party_id BIGINT)");
    Run("CREATE TABLE notes (id BIGINT PRIMARY KEY, party_id BIGINT, body TEXT, amount {{money}}, flag {{bool}}, "
        "at {{timestamp}}, on_day {{date}}, n INTEGER)");
    Run("CREATE TABLE tags (id BIGINT PRIMARY KEY, party_id BIGINT, label TEXT)");
    Run("INSERT INTO parties VALUES (1, NULL), (2, 1), (3, NULL)");
    Run("INSERT INTO notes VALUES (1, 1, '甲', 12.5, {{true}}, '2026-11-01 08:00:00', '2026-11-01', 7), "
        "(2, 1, NULL, NULL, NULL, '2026-11-03 08:00:00', NULL, NULL), "
        "(3, 1, 'c', 0.0001, {{false}}, '2026-11-02 08:00:00.250', '2026-12-31', -1), "
        "(4, 2, 'merged', 99999.9999, {{true}}, '2026-11-04 08:00:00', '2026-01-01', 0), "
        "(5, 1, 'oldest', 1, {{false}}, '2026-10-01 08:00:00', '2026-10-01', 1), "
        "(6, 3, 'another customer', 2, {{true}}, '2026-11-05 08:00:00', '2026-11-05', 2)");
    Run("INSERT INTO tags VALUES (10, 1, 'gold'), (11, 2, 'merged'), (12, 3, 'other'), (13, 1, 'vip')");
  }

  void Run(const std::string& sql) {
    sdk::Result<std::string> expanded = schema::ExpandTokens(sql, *schema::FindSchemaDialect(connection_->dialect()));
    ASSERT_TRUE(expanded.ok()) << expanded.status().message();
    ASSERT_TRUE(connection_->ExecuteDirect(*expanded).ok()) << *expanded;
  }

  const CustomerListsQuery query_{{&kNotes, &kTags, &kNoTags}};
};

void ExpectSameSets(const std::vector<odbc::RowSet>& actual, const std::vector<odbc::RowSet>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t list = 0; list < actual.size(); ++list) {
    ASSERT_EQ(actual[list].columns.size(), expected[list].columns.size()) << "list " << list;
    for (std::size_t c = 0; c < actual[list].columns.size(); ++c) {
      EXPECT_EQ(actual[list].columns[c].name, expected[list].columns[c].name) << "list " << list << " column " << c;
      EXPECT_EQ(actual[list].columns[c].type, expected[list].columns[c].type) << "list " << list << " column " << c;
    }
    EXPECT_EQ(actual[list].rows, expected[list].rows) << "list " << list;
  }
}

TEST_P(CustomerListsTest, OneStatementAnswersWhatAStatementPerListAnswers) {
  for (const CustomerParties parties : {CustomerParties{1, true}, CustomerParties{3, false}}) {
    sdk::Result<std::vector<odbc::RowSet>> read = query_.Read(*connection_, parties);
    sdk::Result<std::vector<odbc::RowSet>> each = query_.ReadEach(*connection_, parties);
    ASSERT_TRUE(read.ok()) << read.status().message();
    ASSERT_TRUE(each.ok()) << each.status().message();
    ExpectSameSets(*read, *each);
  }
}

TEST_P(CustomerListsTest, EachListKeepsItsOrderItsLimitAndItsColumns) {
  sdk::Result<std::vector<odbc::RowSet>> read = query_.Read(*connection_, CustomerParties{1, true});
  ASSERT_TRUE(read.ok()) << read.status().message();
  const odbc::RowSet& notes = (*read)[0];
  ASSERT_EQ(notes.rows.size(), 3u);  // the newest three of the customer's five, its merged party's included
  EXPECT_EQ(notes.rows[0][0], Value::Int64(4));
  EXPECT_EQ(notes.rows[1][0], Value::Int64(2));
  EXPECT_EQ(notes.rows[2][0], Value::Int64(3));
  EXPECT_TRUE(notes.rows[1][1].is_null());
  EXPECT_EQ(notes.rows[2][1], Value::String("c"));
  EXPECT_EQ(notes.columns[3].type, sdk::ValueType::kBool);
  EXPECT_EQ(notes.columns[4].type, sdk::ValueType::kTimestamp);
  EXPECT_EQ(notes.columns[5].type, sdk::ValueType::kDate);
  EXPECT_EQ(notes.rows[2][5], Value::Date("2026-12-31"));
  const odbc::RowSet& tags = (*read)[1];
  ASSERT_EQ(tags.rows.size(), 3u);
  EXPECT_EQ(tags.columns[0].name, "tag");
  EXPECT_EQ(tags.rows[0][0], Value::String("GOLD"));
  EXPECT_EQ(tags.rows[1][0], Value::String("MERGED"));
  EXPECT_EQ(tags.rows[2][1], Value::Int64(13));
  EXPECT_TRUE((*read)[2].rows.empty());
  EXPECT_EQ((*read)[2].columns.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, CustomerListsTest, test::kBothBackends, test::BackendName);

}  // namespace
}  // namespace hub::service
