// Every export kind's query runs on both engines against the migrated schema, and the funnel reads the
// stage history that syncing opportunities writes.
#include "export/export_kinds.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "leads/funnel_stages.hpp"
#include "store/schema/migrator.hpp"
#include "support/store_fixture.hpp"

namespace hub::exporting {
namespace {

using sdk::Value;

class ExportKindsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto migrated = schema::Migrate(*connection_);
    ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  }

  std::string Export(std::string_view kind_name, ExportFormat format = ExportFormat::kCsv) {
    sdk::Result<const ExportKind*> kind = FindExportKind(kind_name);
    EXPECT_TRUE(kind.ok()) << kind.status().ToString();
    if (!kind.ok()) return "";
    std::ostringstream out;
    sdk::Result<std::uint64_t> rows = WriteExport(*connection_, **kind, format, out);
    EXPECT_TRUE(rows.ok()) << kind_name << ": " << rows.status().ToString();
    return out.str();
  }

  void Execute(const std::string& sql, const std::vector<Value>& params = {}) {
    auto done = connection_->ExecuteUpdate(sql, params);
    ASSERT_TRUE(done.ok()) << sql << ": " << done.status().ToString();
  }
};

TEST_P(ExportKindsTest, EveryKindRunsOnAnEmptyStore) {
  for (const ExportKind& kind : ExportKinds()) {
    const std::string csv = Export(kind.name);
    if (kind.report != nullptr) continue;  // a report has its rows of zeros (the lead funnel: everyone's stages)
    EXPECT_EQ(csv.find('\n'), csv.size() - 1) << kind.name << ": a header line and nothing else\n" << csv;
  }
}

TEST_P(ExportKindsTest, TheLeadFunnelOfAnEmptyStoreIsEveryonesStagesAtZero) {
  const std::string csv = Export("funnel");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + static_cast<std::ptrdiff_t>(leads::kFunnelStages.size()))
      << csv;
  EXPECT_NE(csv.find("\r\nall,,,resource,0,0.00,0.00,0,0,,1.0000,,1.00,0\r\n"), std::string::npos)
      << "the default norms\n"
      << csv;
}

TEST_P(ExportKindsTest, TheFunnelFollowsTheStageHistory) {
  Execute("INSERT INTO parties (kind, name, name_normalized) VALUES ('organization', '华腾', '华腾')");
  const std::int64_t party = QueryValue("SELECT MAX(id) FROM parties").integer();
  for (const auto& [name, status] : {std::pair("升级", "won"), std::pair("扩容", "open")}) {
    Execute("INSERT INTO opportunities (party_id, name, stage, status) VALUES (?, ?, 'proposal', ?)",
            {Value::Int64(party), Value::String(name), Value::String(status)});
  }
  const std::int64_t first = QueryValue("SELECT MIN(id) FROM opportunities").integer();
  const std::int64_t day = 86'400'000;
  for (const auto& [opportunity, stage, at] :
       {std::tuple(first, "qualify", 0 * day), std::tuple(first, "proposal", 2 * day),
        std::tuple(first + 1, "qualify", 1 * day), std::tuple(first + 1, "proposal", 5 * day)}) {
    Execute("INSERT INTO opportunity_stage_history (opportunity_id, to_stage, changed_at) VALUES (?, ?, ?)",
            {Value::Int64(opportunity), Value::String(stage), Value::Timestamp(1'790'000'000'000 + at)});
  }
  EXPECT_EQ(Export("opportunity_funnel"),
            "stage,entered,current,moved_on,won,lost,avg_days_to_move_on,conversion_rate\r\n"
            "qualify,2,0,2,0,0,3.00,1.0000\r\n"
            "proposal,2,1,0,1,0,,1.0000\r\n");
}

TEST_P(ExportKindsTest, MatchesAreThePairsTheMatcherLinkedNamedByTheirSourceRecords) {
  for (const char* name : {"北京华信科技有限公司", "华信科技(北京)有限公司", "华信科技"}) {
    Execute("INSERT INTO parties (kind, name, name_normalized) VALUES ('organization', ?, ?)",
            {Value::String(name), Value::String(name)});
  }
  const std::int64_t first = QueryValue("SELECT MIN(id) FROM parties").integer();
  for (const auto& [system, id, party] :
       {std::tuple("erp", "E1", first), std::tuple("crm", "C1", first + 1), std::tuple("crm", "C2", first + 2)}) {
    Execute(
        "INSERT INTO source_links (source_system, entity, source_id, record_id, party_id, content_hash) "
        "VALUES (?, 'party', ?, ?, ?, 'h')",
        {Value::String(system), Value::String(id), Value::Int64(party), Value::Int64(party)});
  }
  for (const auto& [left, right, probability, decision] :
       {std::tuple(first, first + 1, 0.5, "link"), std::tuple(first, first + 2, 0.75, "review"),
        std::tuple(first + 1, first + 2, 0.25, "no_link")}) {
    Execute(
        "INSERT INTO match_pairs (left_party_id, right_party_id, probability, decision, explanation) "
        "VALUES (?, ?, ?, ?, '{}')",
        {Value::Int64(left), Value::Int64(right), Value::Double(probability), Value::String(decision)});
  }
  EXPECT_EQ(Export("matches"),
            "left_source,left_id,right_source,right_id,score,decision\r\n"
            "erp,E1,crm,C1,0.5,link\r\n");
}

TEST_P(ExportKindsTest, AGoldenRecordShowsItsSurvivingValues) {
  for (const char* name : {"华信科技", "北京华信科技有限公司"}) {
    Execute("INSERT INTO parties (kind, name, name_normalized) VALUES ('organization', ?, ?)",
            {Value::String(name), Value::String(name)});
  }
  const std::int64_t golden = QueryValue("SELECT MIN(id) FROM parties").integer();
  Execute("UPDATE parties SET golden_party_id = ? WHERE id = ?", {Value::Int64(golden), Value::Int64(golden + 1)});
  Execute(
      "INSERT INTO golden_lineage (golden_party_id, field, value, from_party_id, source_system, rule) "
      "VALUES (?, 'name', '北京华信科技有限公司', ?, 'erp', 'source_priority')",
      {Value::Int64(golden), Value::Int64(golden + 1)});
  const std::string csv = Export("customers");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2) << "one row, for the golden record\n" << csv;
  EXPECT_NE(csv.find(std::to_string(golden) + ",organization,北京华信科技有限公司,"), std::string::npos) << csv;
}

INSTANTIATE_TEST_SUITE_P(Engines, ExportKindsTest, test::kBothBackends, test::BackendName);

}  // namespace
}  // namespace hub::exporting
