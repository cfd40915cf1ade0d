// Several hubs on one store: lanes claimed with row leases while the sink writes, lanes of a killed hub of
// this host taken over at once, and (PostgreSQL) the outbox read only up to what is committed, whatever
// order the writers commit in.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "common/lease_owner.hpp"
#include "delivery/lanes.hpp"
#include "delivery_fixture.hpp"
#include "hub/odbc/transaction.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "support/local_process.hpp"

namespace hub::delivery::test {
namespace {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::GonePid;
using hub::test::LocalOwner;

class DeliveryHubsTest : public DeliveryTest {
 protected:
  std::unique_ptr<odbc::Database> OpenDatabase() {
    odbc::DatabaseOptions options;
    options.connection_strings = {connection_string_};
    options.pool_size = 1;
    auto database = odbc::Database::Open(std::move(options));
    EXPECT_TRUE(database.ok()) << database.status().ToString();
    return database.ok() ? std::move(database).value() : nullptr;
  }

  // Appends an outbox event for party `party_id` in `connection`'s open transaction, as a writer does.
  static void AppendEvent(odbc::Connection& connection, const std::string& party_id) {
    ASSERT_TRUE(odbc::TakeOutboxWriterTurn(connection).ok());
    auto added = connection.ExecuteUpdate(
        "INSERT INTO outbox_events (aggregate, aggregate_id, kind, payload) VALUES ('party', ?, 'party.created', '{}')",
        {sdk::Value::String(party_id)});
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }

  // Every lane of `subscription` held by `owner` with a lease from now, as a hub killed while it delivered
  // leaves them.
  void HoldLanes(const Subscription& subscription, const std::string& owner) {
    ASSERT_TRUE(CreateLanes(*connection_, subscription.name, subscription.lanes, 0).ok());
    auto held =
        ClaimLanes(*connection_, subscription.name, {owner, NowMs() + DeliveryRunOptions{}.lease.count()}, NowMs());
    ASSERT_TRUE(held.ok()) << held.status().ToString();
    ASSERT_EQ(held->size(), static_cast<std::size_t>(subscription.lanes));
  }

  void SyncFourParties() {
    SyncParties({{"C1", "Acme", "CN"}, {"C2", "Beta", "US"}, {"C3", "Gamma", "CN"}, {"C4", "Delta", "HK"}});
  }
};

TEST_P(DeliveryHubsTest, LanesHeldByAGoneProcessOfThisHostAreClaimedAtOnce) {
  SyncFourParties();
  const pid_t gone = GonePid();
  ASSERT_GT(gone, 0);
  const Subscription erp = Subscriber("erp");
  HoldLanes(erp, LocalOwner("hub", gone));  // the hub was killed; restarted, it is a new holder
  auto connector = Connector("erp");
  DeliveryRunResult run = Run(erp, *connector, MakeLeaseOwner("hub"));
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  EXPECT_EQ(run.counts.delivered, 4u) << "the lanes of the gone process were taken without waiting for the lease";
  ExpectOnceInOrder(Recorded("erp"), OutboxEventIds());
}

TEST_P(DeliveryHubsTest, LanesHeldByALiveProcessOfThisHostOrByAnotherHostWaitForTheLease) {
  SyncFourParties();
  const pid_t gone = GonePid();
  ASSERT_GT(gone, 0);
  std::string other_host = LocalOwner("hub", gone);
  other_host.insert(other_host.find('@') + 1, "not-");
  const std::vector<std::pair<std::string, std::string>> holders = {
      {"erp", LocalOwner("hub", getpid(), "11111111")},  // a live process: this one, as another hub
      {"crm", other_host},                               // a pid gone here says nothing of another host
  };
  std::vector<std::unique_ptr<plugin_host::ConnectorInstance>> connectors;
  for (const auto& [name, owner] : holders) {
    HoldLanes(Subscriber(name), owner);
    connectors.push_back(Connector(name));
    DeliveryRunResult run = Run(Subscriber(name), *connectors.back(), MakeLeaseOwner("hub"));
    ASSERT_TRUE(run.status.ok()) << run.status.ToString();
    EXPECT_EQ(run.counts.delivered, 0u) << name << "'s lanes are held by " << owner;
  }
  clock_.Advance(DeliveryRunOptions{}.lease);
  for (std::size_t i = 0; i < holders.size(); ++i) {
    DeliveryRunResult run = Run(Subscriber(holders[i].first), *connectors[i], MakeLeaseOwner("hub"));
    ASSERT_TRUE(run.status.ok()) << run.status.ToString();
    EXPECT_EQ(run.counts.delivered, 4u) << holders[i].first << ": the lease lapsed";
  }
}

TEST_P(DeliveryHubsTest, TwoHubsDeliverEachEventOnceInTotalInOrderPerAggregate) {
  SyncParties({{"C1", "Acme", "CN"}, {"C2", "Beta", "US"}, {"C3", "Gamma", "CN"}, {"C4", "Delta", "HK"}});
  std::unique_ptr<odbc::Database> stores[] = {OpenDatabase(), OpenDatabase()};
  ASSERT_NE(stores[0], nullptr);
  ASSERT_NE(stores[1], nullptr);
  // Both record to one file (one O_APPEND write per call), so its order is the order of delivery.
  auto connectors = std::array{Connector("shared"), Connector("shared")};
  std::atomic<bool> writing{true};
  std::atomic<int> failures{0};
  auto hub = [&](int index) {
    SystemClock clock;
    DeliveryRunOptions options;
    options.owner = "hub-" + std::to_string(index) + "@test:1:0000000" + std::to_string(index);
    options.batch_size = 3;
    Subscription subscription = Subscriber("erp");
    bool last = false;
    while (!last) {
      last = !writing.load();  // one more run after the writer is done
      DeliveryRunResult result = RunDelivery(
          *stores[index], subscription,
          [&](const std::vector<sdk::OutboundEvent>& events) { return connectors[index]->WriteEvents(events); },
          options, clock, cancel_);
      if (!result.status.ok()) ++failures;
    }
  };
  std::thread first(hub, 0);
  std::thread second(hub, 1);
  for (int version = 2; version <= 6; ++version) {  // written while both hubs deliver
    const std::string v = " v" + std::to_string(version);
    SyncParties(
        {{"C1", "Acme" + v, "CN"}, {"C2", "Beta" + v, "US"}, {"C3", "Gamma" + v, "CN"}, {"C4", "Delta" + v, "HK"}});
  }
  writing = false;
  first.join();
  second.join();
  EXPECT_EQ(failures.load(), 0);
  ASSERT_EQ(OutboxEventIds().size(), 24u);
  ExpectOnceInOrder(Recorded("shared"), OutboxEventIds());
}

TEST_P(DeliveryHubsTest, AnIdleRunDoesNotWaitForTheWritersTurns) {
  SyncParties({{"C1", "Acme", "CN"}, {"C2", "Beta", "US"}});
  auto erp = Connector("erp");
  ASSERT_TRUE(Run(Subscriber("erp"), *erp).status.ok());
  // A writer holds its turn (a long sink batch, say): only a run that takes the barrier waits for it.
  std::unique_ptr<odbc::Connection> writer = OpenConnection();
  ASSERT_NE(writer, nullptr);
  auto writing = odbc::Transaction::Begin(*writer);
  ASSERT_TRUE(writing.ok());
  ASSERT_TRUE(odbc::TakeOutboxWriterTurn(*writer).ok());
  std::future<DeliveryRunResult> idle = std::async(std::launch::async, [&] { return Run(Subscriber("erp"), *erp); });
  const bool finished = idle.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
  ASSERT_TRUE(writing->Commit().ok());  // lets a run that waits go on
  EXPECT_TRUE(finished) << "the idle run waited for the writer's turn";
  DeliveryRunResult result = idle.get();
  EXPECT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.delivered, 0u);
}

class DeliveryBarrierTest : public DeliveryHubsTest {};

TEST_P(DeliveryBarrierTest, AnEventWhoseTransactionCommitsAfterALaterIdIsNotSkipped) {
  std::unique_ptr<odbc::Connection> slow = OpenConnection();
  std::unique_ptr<odbc::Connection> fast = OpenConnection();
  ASSERT_NE(slow, nullptr);
  ASSERT_NE(fast, nullptr);
  auto slow_transaction = odbc::Transaction::Begin(*slow);
  ASSERT_TRUE(slow_transaction.ok());
  AppendEvent(*slow, "1");  // takes outbox id 1, not committed yet
  {
    auto fast_transaction = odbc::Transaction::Begin(*fast);
    ASSERT_TRUE(fast_transaction.ok());
    AppendEvent(*fast, "2");  // id 2, committed first
    ASSERT_TRUE(fast_transaction->Commit().ok());
  }
  auto erp = Connector("erp");
  std::future<DeliveryRunResult> run = std::async(std::launch::async, [&] { return Run(Subscriber("erp"), *erp); });
  // The delivery waits for the slow writer's turn to end: its lock request shows in pg_locks.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (run.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready &&
         std::chrono::steady_clock::now() < deadline) {
    if (QueryValue("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND objid = 1 "
                   "AND NOT granted")
            .integer() > 0) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(slow_transaction->Commit().ok());
  DeliveryRunResult result = run.get();
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  DeliveryRunResult later = Run(Subscriber("erp"), *erp);
  ASSERT_TRUE(later.status.ok()) << later.status.ToString();
  ExpectOnceInOrder(Recorded("erp"), OutboxEventIds());
  EXPECT_EQ(Recorded("erp").size(), 2u);
}

// Two hubs on one SQLite file (the embedded default is one hub, but a second process must not break it),
// and on PostgreSQL.
INSTANTIATE_TEST_SUITE_P(Engines, DeliveryHubsTest, hub::test::kBothBackends, BackendName);
// Only PostgreSQL commits outbox ids out of order.
INSTANTIATE_TEST_SUITE_P(Engines, DeliveryBarrierTest, ::testing::Values(Backend::kPostgres), BackendName);

}  // namespace
}  // namespace hub::delivery::test
