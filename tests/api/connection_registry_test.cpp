// Where the registry lets a new connection in, and which connection it sheds to make room.
#include "api/connection_registry.hpp"

#include <memory>
#include <vector>

#include <gtest/gtest.h>

namespace hub::api {
namespace {

// Records what the registry asked of it.
class RecordingConnection final : public Connection {
 public:
  void Shutdown() override { ++shutdowns; }
  void Shed() override { ++sheds; }
  int shutdowns = 0;
  int sheds = 0;
};

class ConnectionRegistryTest : public ::testing::Test {
 protected:
  ConnectionRegistry::Registration Add(const std::string& client) {
    auto connection = std::make_shared<RecordingConnection>();
    connections_.push_back(connection);
    return registry_.Register(connection, client);
  }
  int Sheds(std::size_t index) const { return connections_.at(index)->sheds; }

  ConnectionRegistry registry_{ConnectionLimits{
      .max_connections = 2, .max_connections_per_client = 3, .reserved_connections = 1, .refusing_connections = 1}};
  std::vector<std::shared_ptr<RecordingConnection>> connections_;
};

TEST_F(ConnectionRegistryTest, AtTheLimitTheLongestIdleConnectionIsShed) {
  auto first = Add("a");
  auto second = Add("b");
  registry_.SetIdle(first.id, false);
  registry_.SetIdle(first.id, true);  // idle again after a request: now idle for less time than `second`
  auto third = Add("c");
  EXPECT_EQ(third.admission, Admission::kOrdinary);
  EXPECT_EQ(third.shed, 1u);
  EXPECT_EQ(Sheds(0), 0);
  EXPECT_EQ(Sheds(1), 1);
}

TEST_F(ConnectionRegistryTest, BusyConnectionsAreNeverShedAndTheNextGoesToTheReserveThenIsRefused) {
  for (int i = 0; i < 2; ++i) registry_.SetIdle(Add("a" + std::to_string(i)).id, false);
  auto reserve = Add("b");
  EXPECT_EQ(reserve.admission, Admission::kReserve);
  registry_.SetIdle(reserve.id, false);
  EXPECT_EQ(Add("c").admission, Admission::kOverloaded);
  EXPECT_EQ(Add("d").admission, Admission::kDropped);  // the one refusing place is taken
  for (std::size_t i = 0; i < connections_.size(); ++i) EXPECT_EQ(Sheds(i), 0) << i;
}

TEST_F(ConnectionRegistryTest, AnIdleReserveConnectionMakesRoomForTheNext) {
  for (int i = 0; i < 2; ++i) registry_.SetIdle(Add("a" + std::to_string(i)).id, false);
  EXPECT_EQ(Add("b").admission, Admission::kReserve);
  auto next = Add("c");
  EXPECT_EQ(next.admission, Admission::kReserve);
  EXPECT_EQ(Sheds(2), 1);
}

TEST_F(ConnectionRegistryTest, AClientAtItsLimitShedsOnlyItsOwnIdleConnections) {
  ConnectionRegistry registry{ConnectionLimits{.max_connections = 10, .max_connections_per_client = 2}};
  auto other = std::make_shared<RecordingConnection>();
  auto own_idle = std::make_shared<RecordingConnection>();
  auto own_busy = std::make_shared<RecordingConnection>();
  auto newest = std::make_shared<RecordingConnection>();
  ASSERT_EQ(registry.Register(other, "other").admission, Admission::kOrdinary);  // idle longest of all
  ASSERT_EQ(registry.Register(own_idle, "a").admission, Admission::kOrdinary);
  registry.SetIdle(registry.Register(own_busy, "a").id, false);

  auto admitted = registry.Register(newest, "a");
  EXPECT_EQ(admitted.admission, Admission::kOrdinary);
  EXPECT_EQ(own_idle->sheds, 1);
  EXPECT_EQ(other->sheds, 0);
  EXPECT_EQ(own_busy->sheds, 0);

  registry.SetIdle(admitted.id, false);
  EXPECT_EQ(registry.Register(std::make_shared<RecordingConnection>(), "a").admission, Admission::kClientLimit);
  EXPECT_EQ(registry.Register(std::make_shared<RecordingConnection>(), "b").admission, Admission::kOrdinary);
}

TEST_F(ConnectionRegistryTest, AClientAtItsLimitDisplacesOnlyItsOwnConnectionEvenWhenThatOneHeldAReservePlace) {
  ConnectionRegistry registry{ConnectionLimits{.max_connections = 3, .max_connections_per_client = 2}};
  auto other_busy = std::make_shared<RecordingConnection>();
  auto other_idle = std::make_shared<RecordingConnection>();
  auto own_busy = std::make_shared<RecordingConnection>();
  auto own_reserve = std::make_shared<RecordingConnection>();
  registry.SetIdle(registry.Register(other_busy, "b").id, false);
  auto other = registry.Register(other_idle, "b");
  registry.SetIdle(other.id, false);
  registry.SetIdle(registry.Register(own_busy, "a").id, false);
  ASSERT_EQ(registry.Register(own_reserve, "a").admission, Admission::kReserve);  // idle, on a reserve place
  registry.SetIdle(other.id, true);  // b's request ends: its connection waits for the next

  auto admitted = registry.Register(std::make_shared<RecordingConnection>(), "a");
  EXPECT_EQ(admitted.admission, Admission::kReserve);  // the place its own idle connection gave up
  EXPECT_EQ(admitted.shed, 1u);
  EXPECT_EQ(own_reserve->sheds, 1);
  EXPECT_EQ(other_idle->sheds, 0);
}

TEST_F(ConnectionRegistryTest, APerClientLimitAtMaxConnectionsLimitsNoAddressSoTheReserveStaysOpenToIt) {
  // Behind a reverse proxy every connection has the proxy's address (docs/CONFIGURATION.md).
  ConnectionRegistry registry{ConnectionLimits{.max_connections = 2, .max_connections_per_client = 2}};
  for (int i = 0; i < 2; ++i) {
    registry.SetIdle(registry.Register(std::make_shared<RecordingConnection>(), "proxy").id, false);
  }
  EXPECT_EQ(registry.Register(std::make_shared<RecordingConnection>(), "proxy").admission, Admission::kReserve);
}

TEST_F(ConnectionRegistryTest, OneAddressStormingTheReserveShedsOnlyItsOwnReserveConnections) {
  // As by default, one address may hold more connections than there are reserve places.
  ConnectionRegistry registry{ConnectionLimits{
      .max_connections = 8, .max_connections_per_client = 6, .reserved_connections = 4, .refusing_connections = 4}};
  for (int i = 0; i < 8; ++i) {  // every ordinary place busy
    registry.SetIdle(registry.Register(std::make_shared<RecordingConnection>(), "busy" + std::to_string(i)).id, false);
  }
  // A health check has connected and is about to send its request (or is in its TLS handshake).
  auto health = std::make_shared<RecordingConnection>();
  ASSERT_EQ(registry.Register(health, "monitor").admission, Admission::kReserve);
  // One address opens connection after connection and sends nothing.
  std::vector<std::shared_ptr<RecordingConnection>> storm;
  for (int i = 0; i < 10; ++i) {
    storm.push_back(std::make_shared<RecordingConnection>());
    EXPECT_EQ(registry.Register(storm.back(), "storm").admission, Admission::kReserve) << i;
  }
  EXPECT_EQ(health->sheds, 0);
  EXPECT_EQ(registry.Register(std::make_shared<RecordingConnection>(), "other").admission, Admission::kReserve);
  EXPECT_EQ(health->sheds, 0);
}

TEST_F(ConnectionRegistryTest, AShedConnectionsPlaceIsGivenAwayOnceWhileItIsStillClosing) {
  auto first = Add("a");
  Add("b");
  auto third = Add("c");  // sheds `first`, which stays registered until it is destroyed
  EXPECT_EQ(third.admission, Admission::kOrdinary);
  EXPECT_EQ(registry_.size(), 3u);
  registry_.Unregister(first.id);  // frees no second place
  EXPECT_EQ(registry_.size(), 2u);
  registry_.SetIdle(third.id, false);
  auto fourth = Add("d");
  EXPECT_EQ(fourth.admission, Admission::kOrdinary);
  EXPECT_EQ(fourth.shed, 1u);
  EXPECT_EQ(Sheds(1), 1);  // `b`, the only idle one
}

TEST_F(ConnectionRegistryTest, CloseAllShutsEveryConnectionAndRefusesNewOnes) {
  Add("a");
  Add("b");
  registry_.CloseAll();
  EXPECT_EQ(connections_[0]->shutdowns, 1);
  EXPECT_EQ(connections_[1]->shutdowns, 1);
  EXPECT_EQ(Add("c").admission, Admission::kDropped);
}

}  // namespace
}  // namespace hub::api
