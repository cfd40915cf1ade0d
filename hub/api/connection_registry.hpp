// Tracks the open API connections: caps their number and closes them on Stop. Private to hub_api.
#ifndef HUB_API_CONNECTION_REGISTRY_HPP_
#define HUB_API_CONNECTION_REGISTRY_HPP_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace hub::api {

// One open connection as the registry sees it.
class Connection {
 public:
  virtual ~Connection() = default;
  // Asks the connection to close once it is idle: at once when waiting for a request, after writing the
  // response when one is in flight. Called from any thread; must not block.
  virtual void Shutdown() = 0;
};

// Thread-safe. Connections register when accepted and unregister when destroyed.
class ConnectionRegistry {
 public:
  explicit ConnectionRegistry(std::size_t max_connections) : max_connections_(max_connections) {}

  // Registers `connection` and returns its id; nullopt when the cap is reached or CloseAll was called.
  std::optional<std::uint64_t> Register(std::weak_ptr<Connection> connection);
  void Unregister(std::uint64_t id);

  // Refuses further registrations and asks every open connection to shut down.
  void CloseAll();

  // Blocks until no connection is open or `timeout` passed; true when none is open. Never call it from a
  // thread the connections need to make progress (an I/O thread).
  bool WaitUntilEmpty(std::chrono::milliseconds timeout);

  std::size_t size() const;

 private:
  const std::size_t max_connections_;
  mutable std::mutex mutex_;
  std::condition_variable emptied_;
  bool closed_ = false;                                      // guarded by mutex_
  std::uint64_t next_id_ = 1;                                // guarded by mutex_
  std::map<std::uint64_t, std::weak_ptr<Connection>> open_;  // guarded by mutex_
};

}  // namespace hub::api

#endif  // HUB_API_CONNECTION_REGISTRY_HPP_
