#include "store/odbc/database.hpp"

#include <condition_variable>
#include <mutex>
#include <utility>

#include "hub/odbc/connection_string.hpp"

namespace hub::odbc {
namespace {

// How much of an SQLite store each connection reads through a memory map instead of read calls.
constexpr std::int64_t kSqliteMappedBytes = std::int64_t{1} << 30;

}  // namespace

// The shared state behind a Database and its leases: the connection strings, the idle connections and
// the count of open ones. Kept by shared_ptr so that a lease may outlive the Database.
class ConnectionPool : public std::enable_shared_from_this<ConnectionPool> {
 public:
  ConnectionPool(DatabaseOptions options, std::shared_ptr<Environment> environment)
      : options_(std::move(options)), environment_(std::move(environment)) {}

  // Opens one connection at start-up and keeps it idle.
  sdk::Status OpenFirst() {
    sdk::Result<std::unique_ptr<Connection>> connection = OpenFirstReachable();
    if (!connection.ok()) return connection.status();
    std::lock_guard lock(mutex_);
    ++open_;
    idle_.push_back(std::move(*connection));
    return sdk::Status::Ok();
  }

  sdk::Result<ConnectionLease> Acquire();
  void Return(std::unique_ptr<Connection> connection);

  Dialect dialect() const {
    std::lock_guard lock(mutex_);
    return dialect_;
  }
  std::size_t open_connections() const {
    std::lock_guard lock(mutex_);
    return open_;
  }

 private:
  // Tries the connection strings in order; the first that connects wins. Called without the lock held.
  sdk::Result<std::unique_ptr<Connection>> OpenFirstReachable();

  const DatabaseOptions options_;
  const std::shared_ptr<Environment> environment_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;               // signalled when a connection goes idle or closes
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
  std::size_t open_ = 0;                           // idle + leased + being opened; guarded by mutex_
  Dialect dialect_ = Dialect::kOther;              // of the last connection opened; guarded by mutex_
};

sdk::Result<std::unique_ptr<Connection>> ConnectionPool::OpenFirstReachable() {
  std::string failures;
  for (std::size_t i = 0; i < options_.connection_strings.size(); ++i) {
    sdk::Result<std::unique_ptr<Connection>> connection =
        Connection::Open(environment_, options_.connection_strings[i], options_.connect);
    if (connection.ok() && (*connection)->dialect() == Dialect::kSqlite) {
      sdk::Status mapped = (*connection)->ExecuteDirect("PRAGMA mmap_size=" + std::to_string(kSqliteMappedBytes));
      if (!mapped.ok()) return mapped;
    }
    if (connection.ok()) {
      if (!failures.empty() && options_.logger) {
        options_.logger->warn("store: failed over to connection string [{}] ({}); {}", i + 1,
                              (*connection)->masked_connection_string(), failures);
      }
      std::lock_guard lock(mutex_);
      dialect_ = (*connection)->dialect();
      return connection;
    }
    failures.append(failures.empty() ? "[" : "; [").append(std::to_string(i + 1)).append("] ");
    failures.append(connection.status().message());
  }
  return sdk::Status::Unavailable("no store connection could be opened: " + failures);
}

sdk::Result<ConnectionLease> ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  const bool ready = returned_.wait_for(lock, options_.acquire_timeout,
                                        [this] { return !idle_.empty() || open_ < options_.pool_size; });
  if (!ready) {
    return sdk::Status::Unavailable("no store connection came free within " +
                                    std::to_string(options_.acquire_timeout.count()) + " ms (all " +
                                    std::to_string(options_.pool_size) + " are in use)");
  }
  if (!idle_.empty()) {
    std::unique_ptr<Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return ConnectionLease(shared_from_this(), std::move(connection));
  }
  ++open_;
  lock.unlock();  // connecting may take up to the login timeout: never under the lock
  sdk::Result<std::unique_ptr<Connection>> connection = OpenFirstReachable();
  if (!connection.ok()) {
    lock.lock();
    --open_;
    returned_.notify_one();
    return connection.status();
  }
  return ConnectionLease(shared_from_this(), std::move(*connection));
}

void ConnectionPool::Return(std::unique_ptr<Connection> connection) {
  if (connection->in_transaction()) static_cast<void>(connection->Rollback());
  if (connection->broken()) {
    if (options_.logger) {
      options_.logger->warn("store: discarding a lost connection ({})", connection->masked_connection_string());
    }
    connection.reset();  // disconnects outside the lock
    std::lock_guard lock(mutex_);
    --open_;
  } else {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

ConnectionLease::ConnectionLease(std::shared_ptr<ConnectionPool> pool, std::unique_ptr<Connection> connection)
    : pool_(std::move(pool)), connection_(std::move(connection)) {}

ConnectionLease::ConnectionLease(ConnectionLease&& other) noexcept
    : pool_(std::move(other.pool_)), connection_(std::move(other.connection_)) {}

ConnectionLease& ConnectionLease::operator=(ConnectionLease&& other) noexcept {
  if (this != &other) {
    Return();
    pool_ = std::move(other.pool_);
    connection_ = std::move(other.connection_);
  }
  return *this;
}

ConnectionLease::~ConnectionLease() { Return(); }

void ConnectionLease::Return() {
  if (pool_ && connection_) pool_->Return(std::move(connection_));
  pool_.reset();
}

sdk::Result<std::unique_ptr<Database>> Database::Open(DatabaseOptions options) {
  if (options.connection_strings.empty()) return sdk::Status::InvalidArgument("the store has no connection string");
  if (options.pool_size == 0) return sdk::Status::InvalidArgument("the store's pool size must be at least 1");
  sdk::Result<std::shared_ptr<Environment>> environment = Environment::Create();
  if (!environment.ok()) return environment.status();
  auto pool = std::make_shared<ConnectionPool>(std::move(options), std::move(*environment));
  HUB_RETURN_IF_ERROR(pool->OpenFirst());
  return std::unique_ptr<Database>(new Database(std::move(pool)));
}

Database::~Database() = default;

sdk::Result<ConnectionLease> Database::Acquire() { return pool_->Acquire(); }

Dialect Database::dialect() const { return pool_->dialect(); }

std::size_t Database::open_connections() const { return pool_->open_connections(); }

}  // namespace hub::odbc
