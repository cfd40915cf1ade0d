// The call_center connector end to end on each store engine: `hub sync` of the demo Master.csv through the
// plugin's default mapping asterisk_call stores its ten calls once, as activities with the customer's number
// in E.164 and the agent's extension; a second sync stores nothing. (The growing file, rows appended between
// syncs and the last call held back, is call_center_sync.sh's, on SQLite.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "e2e/hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::call_center {
namespace {

namespace fs = std::filesystem;

class CallCenterSync : public hub::test::StoreTest {
 protected:
  // A configuration whose connector `pbx` reads a copy of the demo Master.csv with job `calls`.
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const fs::path master = files_.path() / "Master.csv";
    fs::copy_file(fs::path(HUB_SOURCE_DIR) / "config/demo/call_center/Master.csv", master);
    config_ = files_.path() / "hub.xml";
    std::ofstream(config_) << "<hub>\n  <store><connection>" << connection_string_ << "</connection></store>\n"
                           << "  <plugins dir=\"" << HUB_PLUGIN_DIR << "\"/>\n"
                           << "  <connectors><connector name=\"pbx\" plugin=\"call_center\"><path>" << master.string()
                           << "</path><final>true</final></connector></connectors>\n"
                           << "  <jobs><job name=\"calls\" connector=\"pbx\"><mapping use=\"asterisk_call\"/></job>"
                           << "</jobs>\n</hub>\n";
  }

  // The counts line of `hub sync calls`, which must succeed.
  std::string Sync() {
    hub::test::CommandResult result = hub::test::RunHub({"sync", "calls", "--config", config_.string()});
    EXPECT_EQ(result.exit_status, 0) << result.output;
    const std::size_t line = result.output.rfind("read=");
    return line == std::string::npos ? result.output
                                     : result.output.substr(line, result.output.find('\n', line) - line);
  }

  std::string Text(const std::string& sql) { return QueryValue(sql).text(); }

  hub::test::TempDir files_;
  fs::path config_;
};

TEST_P(CallCenterSync, TheDemoCallsAreStoredOnceAsActivities) {
  EXPECT_EQ(Sync(), "read=10 inserted=10 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM activities WHERE kind = 'call'").integer(), 10);
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM activities WHERE direction = 'outbound'").integer(), 3);
  // The first call rang 301, then 302 answered; the caller asked for a quote.
  EXPECT_EQ(Text("SELECT phone_e164 FROM activities WHERE summary = '询价：20台水泵'"), "+8613800138000");
  EXPECT_EQ(Text("SELECT agent_extension FROM activities WHERE summary = '询价：20台水泵'"), "302");
  EXPECT_EQ(Text("SELECT outcome FROM activities WHERE summary = '询价：20台水泵'"), "answered");
  EXPECT_EQ(QueryValue("SELECT duration_seconds FROM activities WHERE summary = '询价：20台水泵'").integer(), 205);
  // An outbound call: the customer is the number dialled (with the trunk's 0), the agent the caller.
  EXPECT_EQ(Text("SELECT agent_extension FROM activities WHERE phone_e164 = '+8613812345678'"), "301");
  EXPECT_EQ(Sync(), "read=0 inserted=0 updated=0 merged=0 quarantined=0 deleted=0");
}

INSTANTIATE_TEST_SUITE_P(Engines, CallCenterSync, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::call_center
