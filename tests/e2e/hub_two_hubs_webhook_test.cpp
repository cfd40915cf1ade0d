// Two `hub run` processes with one configuration on one PostgreSQL store: every event reaches the webhook
// once in total, and the sync job starts once per schedule tick across both (a trigger of the test records
// every tick a hub takes in job_leases). When the hub that has been running the sync job is killed
// (SIGKILL) while it holds lanes of the delivery job with events still to deliver, the other takes over
// its leases: the sync job runs on its ticks and loads what was appended, the lanes the killed hub held
// move on, and every event arrives.
#include <signal.h>

#include <fstream>
#include <map>
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

constexpr int kFirstCustomers = 400;
constexpr int kAppended = 100;  // customers appended to the file at a time
constexpr std::int64_t kSyncIntervalMs = 1000;

// One tick of the sync job as job_leases recorded it when a hub took it.
struct Tick {
  std::string owner;
  std::int64_t started_ms = 0;
};

class HubTwoHubsWebhookTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    csv_ = files_.Write("customers.csv", "id,name\n" + Customers(0, kFirstCustomers));
    // Small delivery batches, so a run holds its lanes over many batches. A lease long enough that a hub
    // stalled by a loaded machine does not lose its lanes between two batches (the other hub would then
    // rightly send that batch again); the killed hub's leases are taken over at once all the same, since
    // both hubs run on this host and find its process gone.
    config_ = files_.Write("hub.xml", DeliveryConfigXml({.store = connection_string_,
                                                         .csv = csv_.string(),
                                                         .webhook_url = server_.Url(),
                                                         .lease = "10s",
                                                         .sync_every = std::to_string(kSyncIntervalMs) + "ms",
                                                         .delivery_every = "100ms",
                                                         .delivery_batch = 10}));
    // A slow receiver (about 200 events a second): a delivery run holds its lanes long enough to be seen.
    server_.AnswerAfter(std::chrono::milliseconds(5));
    CommandResult migrated = RunHub({"db", "migrate", "--config", config_.string()});
    ASSERT_EQ(migrated.exit_status, 0) << migrated.output;
    RecordTicks();
  }

  static std::string Customers(int from, int to) {
    std::string lines;
    for (int i = from; i < to; ++i) lines += "C" + std::to_string(i) + ",Customer " + std::to_string(i) + "\n";
    return lines;
  }

  // Every time a hub takes the sync job's lease for a new tick (last_started_ms changes), the trigger copies
  // the holder and the start into tick_history: the whole history, which job_leases itself overwrites.
  void RecordTicks() {
    for (const char* sql :
         {"CREATE TABLE tick_history (n BIGSERIAL PRIMARY KEY, job TEXT, owner TEXT, started_ms BIGINT)",
          "CREATE FUNCTION record_tick() RETURNS trigger AS $$ BEGIN "
          "IF NEW.last_started_ms IS DISTINCT FROM OLD.last_started_ms THEN "
          "INSERT INTO tick_history (job, owner, started_ms) VALUES (NEW.job, NEW.lease_owner, NEW.last_started_ms); "
          "END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
          "CREATE TRIGGER job_lease_ticks AFTER INSERT OR UPDATE ON job_leases FOR EACH ROW "
          "EXECUTE FUNCTION record_tick()"}) {
      auto done = connection_->ExecuteUpdate(sql);
      ASSERT_TRUE(done.ok()) << sql << ": " << done.status().ToString();
    }
  }

  std::vector<Tick> Ticks() {
    std::vector<Tick> ticks;
    for (const odbc::Row& row :
         QueryRows("SELECT owner, started_ms FROM tick_history WHERE job = 'customers' ORDER BY n")) {
      ticks.push_back({row[0].text(), row[1].integer()});
    }
    return ticks;
  }

  std::int64_t AuditedSyncRuns() {
    return QueryValue("SELECT COUNT(*) FROM audit_log WHERE actor = 'job:customers' AND action = 'sync'").integer();
  }

  // True once every event of the outbox was accepted by the server.
  bool DeliveredAll() {
    auto expected = OutboxEventIds(*connection_);
    return expected.ok() && JudgeDelivery(server_.requests(), *expected).missing.empty();
  }

  std::int64_t Parties() { return QueryValue("SELECT COUNT(*) FROM parties").integer(); }

  // The owner id of a hub holding a lane of `feed` right now, or "".
  std::string LaneHolder() {
    std::vector<odbc::Row> rows = QueryRows(
        "SELECT lease_owner FROM delivery_lanes WHERE subscriber = 'feed' AND lease_owner IS NOT NULL LIMIT 1");
    return rows.empty() ? std::string() : rows[0][0].text();
  }

  // The lanes of `feed` that `owner` holds right now, by lane number, with their positions.
  std::map<std::int64_t, std::int64_t> LanesHeldBy(const std::string& owner) {
    std::map<std::int64_t, std::int64_t> lanes;
    for (const odbc::Row& row : QueryRows("SELECT lane, position FROM delivery_lanes WHERE subscriber = 'feed' AND "
                                          "lease_owner = ?",
                                          {sdk::Value::String(owner)})) {
      lanes[row[0].integer()] = row[1].integer();
    }
    return lanes;
  }

  std::int64_t LanePosition(std::int64_t lane) {
    return QueryValue("SELECT position FROM delivery_lanes WHERE subscriber = 'feed' AND lane = ?",
                      {sdk::Value::Int64(lane)})
        .integer();
  }

  void AppendCustomers(int from, int to) const {
    std::ofstream(csv_, std::ios::binary | std::ios::app) << Customers(from, to);
  }

  RecordingServer server_;
  TempDir files_;
  std::filesystem::path csv_;
  std::filesystem::path config_;
};

// The hub of `hubs` whose process id the owner id "<instance>@<host>:<pid>:<random>" names, or nullptr.
HubProcess* HubOf(const std::string& owner, const std::vector<std::unique_ptr<HubProcess>>& hubs) {
  for (const auto& hub : hubs) {
    if (owner.find(":" + std::to_string(hub->pid()) + ":") != std::string::npos) return hub.get();
  }
  return nullptr;
}

// Each tick started at least half an interval after the one before it, whichever hub ran either: no tick
// ran twice (two hubs' interval ticks fall at most half an interval apart).
void ExpectOneRunPerTick(const std::vector<Tick>& ticks) {
  for (std::size_t i = 1; i < ticks.size(); ++i) {
    EXPECT_GE(ticks[i].started_ms - ticks[i - 1].started_ms, kSyncIntervalMs / 2)
        << "tick " << i << " by " << ticks[i].owner << " after tick " << i - 1 << " by " << ticks[i - 1].owner;
  }
}

TEST_P(HubTwoHubsWebhookTest, DeliverEachEventOnceRunEachTickOnceAndTakeOverAKilledHubsLeases) {
  std::vector<std::unique_ptr<HubProcess>> hubs;
  // The second hub starts once the first has delivered a few events: their interval ticks fall at different
  // moments (started together, the first hub's run would still hold the lease at the second's tick, and
  // a tick run twice could not be seen).
  hubs.push_back(HubProcess::Start({"run", "--config", config_.string()}));
  ASSERT_NE(hubs.back(), nullptr);
  ASSERT_TRUE(PollUntil([&] { return server_.request_count() >= 50; }, seconds(60))) << hubs[0]->Output();
  hubs.push_back(HubProcess::Start({"run", "--config", config_.string()}));
  ASSERT_NE(hubs.back(), nullptr);
  auto outputs = [&] { return "first hub:\n" + hubs[0]->Output() + "\nsecond hub:\n" + hubs[1]->Output(); };

  // Both running: every event of the first load once, and a few ticks of the sync job.
  ASSERT_TRUE(PollUntil([&] { return Parties() == kFirstCustomers && DeliveredAll(); }, seconds(60))) << outputs();
  ASSERT_TRUE(PollUntil([&] { return Ticks().size() >= 6; }, seconds(60))) << outputs();
  {
    auto expected = OutboxEventIds(*connection_);
    ASSERT_TRUE(expected.ok()) << expected.status().ToString();
    const std::vector<RecordedRequest> received = server_.requests();
    const DeliveryVerdict verdict = JudgeDelivery(received, *expected);
    EXPECT_TRUE(verdict.Complete()) << verdict.Describe();
    EXPECT_EQ(received.size(), expected->size()) << "each event sent once in total\n" << verdict.Describe();
    EXPECT_TRUE(verdict.out_of_order.empty()) << verdict.Describe();
  }
  std::set<std::string> owners;
  for (const Tick& tick : Ticks()) owners.insert(tick.owner);
  RecordProperty("ticks_by_distinct_hubs", static_cast<int>(owners.size()));

  // The hub that runs the sync job's ticks is killed at a moment it holds lanes of the feed with events still
  // to deliver. Which hub's delivery run claims the lanes of new events is a race (the winner keeps them
  // until nothing is due), so customers are appended a hundred at a time until that hub has them.
  const std::string victim_owner = Ticks().back().owner;
  HubProcess* victim = HubOf(victim_owner, hubs);
  ASSERT_NE(victim, nullptr) << victim_owner;
  int customers = kFirstCustomers;
  std::map<std::int64_t, std::int64_t> victim_lanes;
  bool victim_delivers = false;
  for (int attempt = 0; attempt < 20 && !victim_delivers; ++attempt) {
    AppendCustomers(customers, customers + kAppended);
    customers += kAppended;
    ASSERT_TRUE(PollUntil(
        [&] {
          const std::int64_t events = QueryValue("SELECT COUNT(*) FROM outbox_events").integer();
          victim_lanes = LanesHeldBy(victim_owner);
          victim_delivers = !victim_lanes.empty() && static_cast<std::int64_t>(server_.request_count()) < events;
          return victim_delivers || (Parties() == customers && DeliveredAll());
        },
        seconds(60)))
        << outputs();
  }
  ASSERT_TRUE(victim_delivers) << "the hub running the sync job never held the feed's lanes\n" << outputs();
  victim->Signal(SIGKILL);
  ASSERT_TRUE(victim->WaitForExit(seconds(10)).has_value());
  {
    // What both hubs sent while both ran (the killed hub's lanes pass on only once its leases lapse).
    const std::vector<RecordedRequest> received = server_.requests();
    auto expected = OutboxEventIds(*connection_);
    ASSERT_TRUE(expected.ok()) << expected.status().ToString();
    EXPECT_EQ(JudgeDelivery(received, *expected).accepted_again, 0u) << "no event sent twice while both ran";
  }
  HubProcess* survivor = victim == hubs[0].get() ? hubs[1].get() : hubs[0].get();
  const std::size_t ticks_at_kill = Ticks().size();
  AppendCustomers(customers, customers + 2 * kAppended);
  customers += 2 * kAppended;

  // The survivor syncs the rest on its ticks and delivers every event, those of the killed hub's lanes too.
  ASSERT_TRUE(PollUntil([&] { return Parties() == customers && DeliveredAll(); }, seconds(60))) << outputs();
  ASSERT_TRUE(PollUntil([&] { return Ticks().size() >= ticks_at_kill + 3; }, seconds(60))) << outputs();
  for (const auto& [lane, position] : victim_lanes) {
    EXPECT_GT(LanePosition(lane), position) << "lane " << lane << " of the killed hub was taken over and delivered";
  }
  EXPECT_TRUE(LanesHeldBy(victim_owner).empty()) << "no lane still names the killed hub";
  survivor->Signal(SIGTERM);
  ASSERT_EQ(survivor->WaitForExit(seconds(10)), 0) << outputs();

  const std::vector<Tick> ticks = Ticks();
  ExpectOneRunPerTick(ticks);
  for (std::size_t i = ticks_at_kill; i < ticks.size(); ++i) {
    EXPECT_EQ(HubOf(ticks[i].owner, hubs), survivor) << "tick " << i << " after the kill by " << ticks[i].owner;
  }
  // A tick the killed hub had started may have no audit row; every other one has exactly one.
  const std::int64_t audited = AuditedSyncRuns();
  EXPECT_LE(audited, static_cast<std::int64_t>(ticks.size()));
  EXPECT_GE(audited, static_cast<std::int64_t>(ticks.size()) - 1);

  auto expected = OutboxEventIds(*connection_);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  EXPECT_EQ(expected->size(), static_cast<std::size_t>(customers));
  const DeliveryVerdict verdict = JudgeDelivery(server_.requests(), *expected);
  EXPECT_TRUE(verdict.Complete()) << "repeats after the kill carry the same id and body\n" << verdict.Describe();
  EXPECT_TRUE(verdict.out_of_order.empty()) << verdict.Describe();
  RecordProperty("accepted_again_after_the_kill", static_cast<int>(verdict.accepted_again));
}

// Several hubs share work only on PostgreSQL; SQLite is the single-hub embedded store.
INSTANTIATE_TEST_SUITE_P(Engines, HubTwoHubsWebhookTest, ::testing::Values(Backend::kPostgres), BackendName);

}  // namespace
}  // namespace hub::test
