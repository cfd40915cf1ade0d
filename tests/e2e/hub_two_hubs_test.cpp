// Two `hub run` processes with one configuration on one PostgreSQL share the work: a sync job's tick runs
// on one of them, every event reaches the drop folder, and when one hub is killed the other goes on alone
// (the lanes and jobs the dead one held pass to it once their leases lapse), delivering what comes later.
#include <signal.h>

#include <algorithm>
#include <fstream>
#include <set>
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

constexpr int kCustomers = 300;
constexpr int kMore = 100;  // synced and delivered after one hub was killed

class HubTwoHubsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    std::string csv = "id,name\n";
    for (int i = 0; i < kCustomers; ++i) csv += "C" + std::to_string(i) + ",Customer " + std::to_string(i) + "\n";
    files_.Write("customers.csv", csv);
    files_.Write("more.csv", "id,name\n");
    std::filesystem::create_directories(files_.path() / "drop");
    config_ = files_.Write("hub.xml", R"(<hub>
  <store><connection>)" + connection_string_ +
                                          R"(</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                                          R"("/>
  <runtime lease="2s"/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="crm" plugin="file"><path>customers.csv</path></connector>
    <connector name="more" plugin="file"><path>more.csv</path></connector>
    <connector name="erp_drop" plugin="file"><events_dir>drop</events_dir></connector>
  </connectors>
  <jobs>
    <job name="customers" connector="crm" every="1h">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
      </mapping>
    </job>
    <job name="more_customers" connector="more" every="1s">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
      </mapping>
    </job>
    <job name="erp_feed" kind="delivery" connector="erp_drop" every="1s" batch_size="10"/>
  </jobs>
</hub>
)");
  }

  // The event ids of every line of the finished .jsonl files, repeats included.
  std::vector<std::string> DeliveredIds() const {
    std::vector<std::string> ids;
    for (const auto& entry : std::filesystem::directory_iterator(files_.path() / "drop")) {
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".jsonl" || name.front() == '.') continue;
      std::ifstream in(entry.path());
      for (std::string line; std::getline(in, line);) {
        ids.emplace_back(boost::json::parse(line).at("event_id").as_string());
      }
    }
    return ids;
  }

  std::size_t Distinct(const std::vector<std::string>& ids) const {
    return std::set<std::string>(ids.begin(), ids.end()).size();
  }

  // Waits, with a deadline, until at least `count` distinct events were delivered.
  bool WaitForDistinct(std::size_t count, std::chrono::seconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (Distinct(DeliveredIds()) < count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
  }

  TempDir files_;
  std::filesystem::path config_;
};

TEST_P(HubTwoHubsTest, TwoHubsRunEachTickOnceDeliverEveryEventAndTakeOverFromAKilledOne) {
  auto first = HubProcess::Start({"run", "--config", config_.string()});
  auto second = HubProcess::Start({"run", "--config", config_.string()});
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(WaitForDistinct(kCustomers / 3, seconds(60))) << first->Output() << second->Output();
  first->Signal(SIGKILL);
  std::string more;
  for (int i = 0; i < kMore; ++i) more += "M" + std::to_string(i) + ",Later customer " + std::to_string(i) + "\n";
  std::ofstream(files_.path() / "more.csv", std::ios::app) << more;
  ASSERT_TRUE(WaitForDistinct(kCustomers + kMore, seconds(60))) << second->Output();

  const std::vector<std::string> ids = DeliveredIds();
  EXPECT_EQ(Distinct(ids), static_cast<std::size_t>(kCustomers + kMore)) << "every event, none missing";
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM audit_log WHERE action = 'sync' AND entity_id = 'customers'").integer(), 1)
      << "the start-up tick of the sync job ran on one hub only";
  second->Signal(SIGTERM);
  EXPECT_EQ(second->WaitForExit(seconds(30)), 0) << second->Output();
}

INSTANTIATE_TEST_SUITE_P(Engines, HubTwoHubsTest, ::testing::Values(Backend::kPostgres), BackendName);

}  // namespace
}  // namespace hub::test
