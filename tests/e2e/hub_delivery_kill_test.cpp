// `hub run` killed (SIGKILL) at 20 random moments while it delivers customers' events to the webhook
// connector, a real HTTP server on loopback that answers some requests 503 at random: once it is let
// finish, every event of the outbox has arrived, nothing else has, every repeat carries the same event id
// and body, and each customer's events were first accepted in commit order. On SQLite and on PostgreSQL.
#include <signal.h>

#include <fstream>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "delivery_e2e.hpp"
#include "hub_process.hpp"
#include "support/recording_server.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {
namespace {

using std::chrono::seconds;

constexpr int kCustomers = 1500;
constexpr int kKills = 20;
constexpr int kUpdatedCustomers = 60;  // the first 60 change again and again, so they have many events each
constexpr int kUpdatesPerKill = 15;

class HubDeliveryKillTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    std::string csv = "id,name\n";
    for (int i = 0; i < kCustomers; ++i) csv += Line(i, 0);
    csv_ = files_.Write("customers.csv", csv);
    config_ = files_.Write(
        "hub.xml",
        DeliveryConfigXml(
            {.store = connection_string_, .csv = csv_.string(), .webhook_url = server_.Url(), .sync_every = "500ms"}));
  }

  // A customer's line at `version`, remembered as its latest name.
  std::string Line(int customer, int version) {
    const std::string name = "Customer " + std::to_string(customer) + " v" + std::to_string(version);
    latest_names_[customer] = name;
    return "C" + std::to_string(customer) + "," + name + "\n";
  }

  // Appends a new version of kUpdatesPerKill of the frequently changed customers.
  void AppendChanges(int round) {
    std::ofstream out(csv_, std::ios::binary | std::ios::app);
    for (int j = 0; j < kUpdatesPerKill; ++j) out << Line((round * kUpdatesPerKill + j) % kUpdatedCustomers, round + 1);
  }

  // True once the store holds every customer at its latest name: the sync has read the whole file. Another
  // process writes the store, so a failed read (SQLite busy) means "not yet".
  bool SyncedAll() {
    auto rows = connection_->Query("SELECT name FROM parties");
    if (!rows.ok()) return false;
    std::set<std::string> stored;
    for (const odbc::Row& row : rows->rows) stored.insert(row[0].text());
    std::set<std::string> latest;
    for (const auto& [customer, name] : latest_names_) latest.insert(name);
    return stored == latest;
  }

  // True once every event of the outbox was accepted by the server.
  bool DeliveredAll() {
    auto expected = OutboxEventIds(*connection_);
    return expected.ok() && JudgeDelivery(server_.requests(), *expected).missing.empty();
  }

  RecordingServer server_;
  TempDir files_;
  std::filesystem::path csv_;
  std::filesystem::path config_;
  std::map<int, std::string> latest_names_;
};

TEST_P(HubDeliveryKillTest, EveryEventArrivesAfterTwentyKillsAndRepeatsCarryTheSameIdAndBody) {
  const std::uint32_t seed = std::random_device()();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 random(seed);
  server_.FailAtRandom(0.1, seed);
  // About 300 requests a second: the hub is killed a few requests after the one it waits for, not a batch.
  server_.AnswerAfter(std::chrono::milliseconds(3));
  std::uniform_int_distribution<std::size_t> requests_before_kill(1, 40);

  for (int round = 0; round < kKills; ++round) {
    auto hub = HubProcess::Start({"run", "--config", config_.string()});
    ASSERT_NE(hub, nullptr);
    // Kill it while it delivers: after a random number of requests more.
    const std::size_t target = server_.request_count() + requests_before_kill(random);
    ASSERT_TRUE(PollUntil([&] { return server_.request_count() >= target; }, seconds(30)))
        << "round " << round << ": nothing delivered\n"
        << hub->Output();
    hub->Signal(SIGKILL);
    ASSERT_TRUE(hub->WaitForExit(seconds(10)).has_value());
    AppendChanges(round);
  }

  auto hub = HubProcess::Start({"run", "--config", config_.string()});
  ASSERT_NE(hub, nullptr);
  ASSERT_TRUE(PollUntil([&] { return SyncedAll(); }, seconds(60))) << hub->Output();
  ASSERT_TRUE(PollUntil([&] { return DeliveredAll(); }, seconds(60))) << hub->Output();
  hub->Signal(SIGTERM);
  ASSERT_EQ(hub->WaitForExit(seconds(10)), 0) << hub->Output();

  auto expected = OutboxEventIds(*connection_);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  EXPECT_EQ(expected->size(), static_cast<std::size_t>(kCustomers + kKills * kUpdatesPerKill))
      << "one event per created customer and per change";
  const std::vector<RecordedRequest> received = server_.requests();
  const DeliveryVerdict verdict = JudgeDelivery(received, *expected);
  EXPECT_TRUE(verdict.Complete()) << verdict.Describe();
  EXPECT_TRUE(verdict.out_of_order.empty()) << verdict.Describe();
  RecordProperty("requests", static_cast<int>(received.size()));
  RecordProperty("accepted_again", static_cast<int>(verdict.accepted_again));
}

INSTANTIATE_TEST_SUITE_P(Engines, HubDeliveryKillTest, kBothBackends, BackendName);

}  // namespace
}  // namespace hub::test
