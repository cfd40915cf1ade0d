// The Database: failover over the connection strings, masked errors, the pool, SQLite read through a memory map,
// reconnect after a kill.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <spdlog/sinks/ostream_sink.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "hub/odbc/connection_string.hpp"
#include "store/odbc/database.hpp"
#include "support/store_fixture.hpp"

namespace hub::odbc::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::PostgresConnectionString;
using hub::test::StoreTest;

namespace {

using sdk::Value;
using namespace std::chrono_literals;

constexpr const char* kSecret = "t0p-s3cret";

// A loopback TCP port nothing listens on: bound, then closed.
int ClosedLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  EXPECT_TRUE(bound) << "cannot bind a loopback port";
  ::close(fd);
  return ntohs(address.sin_port);
}

// A connection string of the same driver that cannot connect, carrying a password.
std::string UnreachableConnectionString(Backend backend) {
  if (backend == Backend::kSqlite) {
    return std::string("Driver=SQLite3;Database=/nonexistent-hub-folder/store.db;Pwd=") + kSecret + ";";
  }
  return "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=" + std::to_string(ClosedLoopbackPort()) +
         ";Database=hub_test;Uid=postgres;Pwd=" + kSecret + ";";
}

class DatabaseTest : public StoreTest {
 protected:
  DatabaseOptions Options(std::vector<std::string> connection_strings, std::size_t pool_size = 2) {
    DatabaseOptions options;
    options.connection_strings = std::move(connection_strings);
    options.pool_size = pool_size;
    options.acquire_timeout = 200ms;
    options.connect.login_timeout = 2s;
    options.logger = std::make_shared<spdlog::logger>("store", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_));
    return options;
  }

  std::ostringstream log_;
};

TEST_P(DatabaseTest, FailsOverToTheNextConnectionStringAndMasksThePassword) {
  auto database = Database::Open(Options({UnreachableConnectionString(GetParam()), connection_string_}));
  ASSERT_TRUE(database.ok()) << database.status().ToString();
  auto lease = (*database)->Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status().ToString();
  auto answer = (*lease)->Query("SELECT 1");
  ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  EXPECT_EQ(answer->rows[0][0], Value::Int64(1));
  EXPECT_EQ((*database)->dialect(), connection_->dialect());
  const std::string log = log_.str();
  EXPECT_NE(log.find("failed over to connection string [2]"), std::string::npos) << log;
  EXPECT_NE(log.find("[1] connecting to "), std::string::npos) << log;
  EXPECT_NE(log.find("Pwd=***"), std::string::npos) << log;
  EXPECT_EQ(log.find(kSecret), std::string::npos) << log;
}

TEST_P(DatabaseTest, ReportsEveryAttemptMaskedWhenNoneConnects) {
  auto database =
      Database::Open(Options({UnreachableConnectionString(GetParam()), UnreachableConnectionString(GetParam())}));
  ASSERT_FALSE(database.ok());
  const sdk::Status& status = database.status();
  EXPECT_EQ(status.code(), sdk::StatusCode::kUnavailable);
  EXPECT_NE(status.message().find("no store connection could be opened: [1] connecting to "), std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find("; [2] connecting to "), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("SQLSTATE "), std::string::npos) << status.message();
  EXPECT_EQ(status.message().find(kSecret), std::string::npos) << status.message();
}

TEST_P(DatabaseTest, RefusesAnEmptyListAndAZeroPool) {
  EXPECT_EQ(Database::Open(Options({})).status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_EQ(Database::Open(Options({connection_string_}, 0)).status().code(), sdk::StatusCode::kInvalidArgument);
}

TEST_P(DatabaseTest, LeasesAtMostPoolSizeAndReusesReturnedConnections) {
  auto database = Database::Open(Options({connection_string_}, 2));
  ASSERT_TRUE(database.ok()) << database.status().ToString();
  auto first = (*database)->Acquire();
  auto second = (*database)->Acquire();
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ((*database)->open_connections(), 2u);
  auto third = (*database)->Acquire();
  EXPECT_EQ(third.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_NE(third.status().message().find("all 2 are in use"), std::string::npos) << third.status().message();

  Connection* reused = &first->get();
  { ConnectionLease done = std::move(*first); }
  auto again = (*database)->Acquire();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(&again->get(), reused);
  EXPECT_EQ((*database)->open_connections(), 2u);
}

TEST_P(DatabaseTest, AnSqliteStoreIsReadThroughAMemoryMap) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "PostgreSQL keeps its own buffers";
  auto database = Database::Open(Options({connection_string_}, 2));
  ASSERT_TRUE(database.ok()) << database.status().ToString();
  auto first = (*database)->Acquire();
  auto second = (*database)->Acquire();
  ASSERT_TRUE(first.ok() && second.ok());
  for (const ConnectionLease* lease : {&*first, &*second}) {
    auto mapped = (*lease)->Query("PRAGMA mmap_size");
    ASSERT_TRUE(mapped.ok()) << mapped.status().ToString();
    EXPECT_EQ(mapped->rows.at(0).at(0), Value::Int64(std::int64_t{1} << 30));
  }
}

TEST_P(DatabaseTest, RollsBackATransactionLeftOpenByALease) {
  const std::string table = CreateTable("lease_tx", "id BIGINT PRIMARY KEY");
  auto database = Database::Open(Options({connection_string_}, 1));
  ASSERT_TRUE(database.ok());
  {
    auto lease = (*database)->Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->BeginTransaction().ok());
    ASSERT_TRUE((*lease)->ExecuteUpdate("INSERT INTO " + table + " (id) VALUES (?)", {Value::Int64(1)}).ok());
  }
  auto lease = (*database)->Acquire();
  ASSERT_TRUE(lease.ok());
  EXPECT_FALSE((*lease)->in_transaction());
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM " + table), Value::Int64(0));
}

TEST_P(DatabaseTest, ServesSeveralThreadsAtOnce) {
  const std::string table = CreateTable("threads", "id BIGINT PRIMARY KEY");
  DatabaseOptions options = Options({connection_string_}, 3);
  options.acquire_timeout = 30s;
  auto database = Database::Open(std::move(options));
  ASSERT_TRUE(database.ok());
  constexpr std::int64_t kThreads = 6;
  constexpr std::int64_t kPerThread = 20;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  std::atomic<int> failures{0};
  for (std::int64_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (std::int64_t i = 0; i < kPerThread; ++i) {
        auto lease = (*database)->Acquire();
        if (!lease.ok() ||
            !(*lease)->ExecuteUpdate("INSERT INTO " + table + " (id) VALUES (?)", {Value::Int64(t * 1000 + i)}).ok()) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE((*database)->open_connections(), 3u);
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM " + table), Value::Int64(kThreads * kPerThread));
}

INSTANTIATE_TEST_SUITE_P(Drivers, DatabaseTest, hub::test::kBothBackends, BackendName);

// PostgreSQL only: the server ends the session under a pooled connection.
TEST(DatabaseReconnect, ReconnectsAfterTheServerTerminatesTheSession) {
  const std::optional<std::string> postgres = PostgresConnectionString();
  ASSERT_TRUE(postgres.has_value()) << "HUB_TEST_PG_ODBC is not set: run scripts/test.sh";
  DatabaseOptions options;
  options.connection_strings = {*postgres};
  options.pool_size = 2;
  auto database = Database::Open(options);
  ASSERT_TRUE(database.ok()) << database.status().ToString();

  auto victim = (*database)->Acquire();
  ASSERT_TRUE(victim.ok());
  const std::int64_t pid = (*victim)->Query("SELECT pg_backend_pid()")->rows[0][0].integer();
  {
    auto killer = (*database)->Acquire();
    ASSERT_TRUE(killer.ok());
    auto killed = (*killer)->Query("SELECT pg_terminate_backend(?)", {Value::Int64(pid)});
    ASSERT_TRUE(killed.ok()) << killed.status().ToString();
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    bool gone = false;
    while (!gone && std::chrono::steady_clock::now() < deadline) {
      auto left = (*killer)->Query("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?", {Value::Int64(pid)});
      ASSERT_TRUE(left.ok()) << left.status().ToString();
      gone = left->rows[0][0] == Value::Int64(0);
    }
    ASSERT_TRUE(gone) << "the backend did not exit";
  }

  auto failed = (*victim)->Query("SELECT 1");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), sdk::StatusCode::kUnavailable) << failed.status().ToString();
  EXPECT_TRUE((*victim)->broken());
  { ConnectionLease discarded = std::move(*victim); }
  EXPECT_EQ((*database)->open_connections(), 1u);

  // Both the idle killer connection and a fresh one work; take them both to reach the new one.
  auto first = (*database)->Acquire();
  auto second = (*database)->Acquire();
  ASSERT_TRUE(first.ok() && second.ok()) << second.status().ToString();
  for (ConnectionLease* lease : {&*first, &*second}) {
    auto alive = (*lease)->Query("SELECT 1");
    ASSERT_TRUE(alive.ok()) << alive.status().ToString();
  }
}

}  // namespace
}  // namespace hub::odbc::test
