// Events synced from a file reach a department's drop folder: the real `hub run` syncs a CSV, and its
// delivery job hands the change events its subscription matches to the `file` connector's outbound side
// as JSON Lines files; `hub deliveries list` then shows the subscriber caught up. On SQLite and PostgreSQL.
#include <signal.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

class HubDeliveryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    files_.Write("customers.csv",
                 "id,name,country\nC1,上海华腾贸易有限公司,CN\nC2,Northwind Traders,GB\nC3,海诚物流,HK\n");
    std::filesystem::create_directories(drop());
    config_ = files_.Write("hub.xml", R"(<hub>
  <store><connection>)" + connection_string_ +
                                          R"(</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                                          R"("/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="crm" plugin="file"><path>customers.csv</path></connector>
    <connector name="erp_drop" plugin="file"><events_dir>drop</events_dir><events_prefix>customers</events_prefix></connector>
  </connectors>
  <jobs>
    <job name="customers" connector="crm" every="1h">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
        <field target="country" source="country"/>
      </mapping>
    </job>
    <job name="erp_feed" kind="delivery" connector="erp_drop" every="1s">
      <subscribe entity="party" kinds="party.created"/>
      <filter field="country" in="CN HK"/>
    </job>
  </jobs>
</hub>
)");
  }

  std::filesystem::path drop() const { return files_.path() / "drop"; }

  // The lines of every finished .jsonl file in the drop folder, in file name order.
  std::vector<std::string> DroppedLines() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(drop())) {
      if (entry.path().extension() == ".jsonl" && entry.path().filename().string().front() != '.') {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> lines;
    for (const auto& file : files) {
      std::ifstream in(file);
      for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    return lines;
  }

  TempDir files_;
  std::filesystem::path config_;
};

TEST_P(HubDeliveryTest, EventsSyncedFromAFileArriveInTheDropFolderAsJsonLines) {
  auto hub = HubProcess::Start({"run", "--config", config_.string()});
  ASSERT_NE(hub, nullptr);
  const auto deadline = std::chrono::steady_clock::now() + seconds(60);
  std::vector<std::string> lines;
  while ((lines = DroppedLines()).size() < 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(lines.size(), 2u) << hub->Output();
  std::vector<std::string> names;
  for (const std::string& line : lines) {
    boost::json::object event = boost::json::parse(line).as_object();
    EXPECT_EQ(event.at("kind").as_string(), "party.created");
    EXPECT_EQ(event.at("entity").as_string(), "party");
    EXPECT_FALSE(event.at("event_id").as_string().empty());
    names.push_back(boost::json::serialize(event.at("payload")));
  }
  EXPECT_THAT(names[0], HasSubstr("上海华腾贸易有限公司")) << "in commit order";
  EXPECT_THAT(names[1], HasSubstr("海诚物流"));
  ASSERT_TRUE(hub->WaitForOutput("job erp_feed: delivered=2 ", seconds(30))) << hub->Output();
  hub->Signal(SIGTERM);
  EXPECT_EQ(hub->WaitForExit(seconds(30)), 0) << hub->Output();

  CommandResult list = RunHub({"deliveries", "list", "--config", config_.string()});
  EXPECT_EQ(list.exit_status, 0) << list.output;
  EXPECT_THAT(list.output, HasSubstr("erp_feed lanes=8 position="));
  EXPECT_THAT(list.output, HasSubstr(" pending=0 delivered=2 dead_letters=0 retrying=0"));
  CommandResult dead = RunHub({"deliveries", "dead", "erp_feed", "--config", config_.string()});
  EXPECT_EQ(dead.exit_status, 0) << dead.output;
  EXPECT_THAT(dead.output, HasSubstr("0 dead letters"));

  CommandResult unsaid = RunHub({"deliveries", "replay", "erp_feed", "--config", config_.string()});
  EXPECT_EQ(unsaid.exit_status, 2) << unsaid.output;
  EXPECT_THAT(unsaid.output, HasSubstr("--event ID (any number) or --all"));
  CommandResult unknown = RunHub({"deliveries", "dead", "customers", "--config", config_.string()});
  EXPECT_EQ(unknown.exit_status, 2) << unknown.output;
  EXPECT_THAT(unknown.output, HasSubstr("no delivery job named 'customers' (delivery jobs: erp_feed)"));
  CommandResult replay =
      RunHub({"deliveries", "replay", "erp_feed", "--all", "--actor", "wang.fang", "--config", config_.string()});
  EXPECT_EQ(replay.exit_status, 0) << replay.output;
  EXPECT_THAT(replay.output, HasSubstr("requested=0"));
  EXPECT_EQ(QueryValue("SELECT actor FROM audit_log WHERE action = 'delivery.replay'").text(), "operator:wang.fang");
}

INSTANTIATE_TEST_SUITE_P(Engines, HubDeliveryTest, kBothBackends, BackendName);

}  // namespace
}  // namespace hub::test
