// The hr connector end to end: `hub sync` of roster exports, and of an employee table over ODBC, into a store
// of each engine through the plugin's default mapping cn_hr — the demo roster, a manager listed after the
// employees reporting to him, and a change of status that appends exactly one employee.status_changed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "e2e/hub_process.hpp"
#include "hr_test_support.hpp"
#include "support/source_database.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::hr {
namespace {

namespace fs = std::filesystem;

class HrSync : public hub::test::StoreTest {
 protected:
  // A configuration whose connector `hr` reads the folder `in` (exports declared final) with job `hr`.
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    fs::create_directories(in());
    WriteConfig("<path>" + in().string() + "</path><final>true</final>");
  }

  // A configuration whose connector `hr` has the options `options_xml`, read by job `hr`.
  void WriteConfig(const std::string& options_xml) {
    config_ = files_.path() / "hub.xml";
    std::ofstream(config_) << "<hub>\n  <store><connection>" << connection_string_ << "</connection></store>\n"
                           << "  <plugins dir=\"" << HUB_PLUGIN_DIR << "\"/>\n"
                           << "  <connectors><connector name=\"hr\" plugin=\"hr\">" << options_xml
                           << "</connector></connectors>\n"
                           << "  <jobs><job name=\"hr\" connector=\"hr\"><mapping use=\"cn_hr\"/></job></jobs>\n"
                           << "</hub>\n";
  }

  fs::path in() const { return files_.path() / "in"; }

  void Drop(const std::string& name, const std::string& utf8) const {
    std::ofstream(in() / name, std::ios::binary) << testing::Encode(utf8, "GB18030");
  }

  // The counts line of `hub sync hr`, which must succeed.
  std::string Sync() {
    hub::test::CommandResult result = hub::test::RunHub({"sync", "hr", "--config", config_.string()});
    EXPECT_EQ(result.exit_status, 0) << result.output;
    const std::size_t line = result.output.rfind("read=");
    return line == std::string::npos ? result.output
                                     : result.output.substr(line, result.output.find('\n', line) - line);
  }

  std::int64_t Count(const std::string& sql) { return QueryValue(sql).integer(); }

  hub::test::TempDir files_;
  fs::path config_;
};

TEST_P(HrSync, TheDemoRosterStoresItsEmployeesTeamsAndTerritoriesWithNoneQuarantined) {
  fs::copy_file(fs::path(HUB_SOURCE_DIR) / "config/demo/hr/花名册_gb18030.csv", in() / "花名册_gb18030.csv");
  const std::string counts = Sync();
  EXPECT_NE(counts.find("quarantined=0"), std::string::npos) << counts;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employees"), 30);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM teams"), 5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM territories"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employees WHERE status = 'on_leave'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employees WHERE status = 'left'"), 1);
  // E1029's manager E1030 comes in a later row: the reference is resolved once he is stored.
  EXPECT_EQ(QueryValue("SELECT m.employee_number FROM employees e JOIN employees m ON m.id = e.manager_employee_id "
                       "WHERE e.employee_number = 'E1029'")
                .text(),
            "E1030");
  // 销售一部 and 销售二部 are part of 销售管理部 (上级部门编码 SM).
  EXPECT_EQ(Count("SELECT COUNT(*) FROM teams t JOIN teams p ON p.id = t.parent_team_id WHERE p.code = 'SM'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
}

TEST_P(HrSync, AnEmployeeWhoLeavesGivesExactlyOneStatusChangedEventAndAReReadNone) {
  const std::string header = "员工花名册\n工号,姓名,部门,入职日期,离职日期\n";
  Drop("export_1.csv", header + "E1,张伟,销售一部,2023年3月15日,\nE2,李娜,销售一部,2023/3/15,\n");
  Sync();
  const std::string changed = "SELECT COUNT(*) FROM outbox_events WHERE kind = 'employee.status_changed'";
  EXPECT_EQ(Count(changed), 0);
  Drop("export_2.csv", header + "E1,张伟,销售一部,2023年3月15日,2026年11月30日\nE2,李娜,销售一部,2023/3/15,\n");
  Sync();
  EXPECT_EQ(Count(changed), 1);
  EXPECT_EQ(QueryValue("SELECT status FROM employees WHERE employee_number = 'E1'").text(), "left");
  std::string payload = QueryValue("SELECT payload FROM outbox_events WHERE kind = 'employee.status_changed'").text();
  std::erase(payload, ' ');  // PostgreSQL's json text has a space after each colon
  EXPECT_NE(payload.find("\"previous_status\":\"active\""), std::string::npos) << payload;
  EXPECT_NE(payload.find("\"status\":\"left\""), std::string::npos) << payload;
  // The same roster exported again: nothing changes, no event.
  Drop("export_3.csv", header + "E1,张伟,销售一部,2023年3月15日,2026年11月30日\nE2,李娜,销售一部,2023/3/15,\n");
  Sync();
  EXPECT_EQ(Count(changed), 1);
}

// The HR system's table on the same engine as the store (an SQLite file, or a PostgreSQL schema of its own).
TEST_P(HrSync, AnEmployeeWhoLeavesInTheHrTableGivesExactlyOneStatusChangedEventAndTheOverlapsReReadNone) {
  hub::test::SourceDatabase source(GetParam());
  ASSERT_TRUE(source.ok());
  source.Execute(
      "CREATE TABLE hr_employees (id INTEGER PRIMARY KEY, employee_number VARCHAR(20), name VARCHAR(50), "
      "department VARCHAR(50), status VARCHAR(20), left_on DATE, updated_at TIMESTAMP)");
  source.Execute(
      "INSERT INTO hr_employees (id, employee_number, name, department, status, updated_at) VALUES "
      "(1, 'E1', '张伟', '销售一部', '在职', '2026-11-02 09:00:00'), "
      "(2, 'E2', '李娜', '销售一部', '在职', '2026-11-02 09:01:00')");
  WriteConfig("<connection>" + source.connection_string() +
              "</connection><table>hr_employees</table><timestamp_column>updated_at</timestamp_column>"
              "<id_column>id</id_column><overlap>5m</overlap>");
  EXPECT_EQ(Sync(), "read=3 inserted=3 updated=0 merged=0 quarantined=0 deleted=0");
  const std::string changed = "SELECT COUNT(*) FROM outbox_events WHERE kind = 'employee.status_changed'";
  EXPECT_EQ(Count(changed), 0);
  source.Execute(
      "UPDATE hr_employees SET status = '离职', left_on = '2026-11-30', updated_at = '2026-12-01 09:00:00' "
      "WHERE id = 1");
  // From the watermark (E2, 09:01) less the overlap: E2 again, and E1 changed.
  EXPECT_EQ(Sync(), "read=3 inserted=0 updated=1 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(Count(changed), 1);
  EXPECT_EQ(QueryValue("SELECT status FROM employees WHERE employee_number = 'E1'").text(), "left");
  // The next run starts inside the overlap and reads E1 again: nothing is written, no second event.
  EXPECT_EQ(Sync(), "read=2 inserted=0 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(Count(changed), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, HrSync, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::hr
