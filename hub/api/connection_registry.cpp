#include "api/connection_registry.hpp"

#include <vector>

namespace hub::api {

std::optional<std::uint64_t> ConnectionRegistry::Register(std::weak_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (closed_ || open_.size() >= max_connections_) return std::nullopt;
  std::uint64_t id = next_id_++;
  open_.emplace(id, std::move(connection));
  return id;
}

void ConnectionRegistry::Unregister(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  open_.erase(id);
  if (open_.empty()) emptied_.notify_all();
}

void ConnectionRegistry::CloseAll() {
  // Shutdown runs outside the lock: dropping the last reference to a connection unregisters it.
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    for (const auto& [id, weak] : open_) {
      if (auto connection = weak.lock()) live.push_back(std::move(connection));
    }
  }
  for (const auto& connection : live) connection->Shutdown();
}

bool ConnectionRegistry::WaitUntilEmpty(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return emptied_.wait_for(lock, timeout, [this] { return open_.empty(); });
}

std::size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return open_.size();
}

}  // namespace hub::api
