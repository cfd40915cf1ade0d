// Several hubs on one store: lanes claimed with row leases while the sink writes, and (PostgreSQL) the
// outbox read only up to what is committed, whatever order the writers commit in.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "delivery_fixture.hpp"
#include "hub/odbc/transaction.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::delivery::test {
namespace {

using hub::test::Backend;
using hub::test::BackendName;

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
};

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
