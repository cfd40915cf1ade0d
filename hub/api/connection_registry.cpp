#include "api/connection_registry.hpp"

#include <algorithm>

namespace hub::api {

ConnectionRegistry::Registration ConnectionRegistry::Register(std::weak_ptr<Connection> connection,
                                                              const std::string& client) {
  Registration registration;
  std::vector<std::shared_ptr<Connection>> displaced;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return registration;
    auto [place, admission] = Choose(client, displaced);
    registration.admission = admission;
    registration.shed = displaced.size();
    if (place != Place::kNone) {
      registration.id = next_id_++;
      Entry& entry = open_[registration.id];
      entry.connection = std::move(connection);
      entry.client = client;
      entry.idle_since = next_idle_++;
      Take(entry, place);
    }
  }
  // Shed runs outside the lock: it may drop the last reference to a connection, which unregisters it.
  for (const auto& victim : displaced) victim->Shed();
  return registration;
}

std::pair<ConnectionRegistry::Place, Admission> ConnectionRegistry::Choose(
    const std::string& client, std::vector<std::shared_ptr<Connection>>& displaced) {
  auto refusing = [this](Admission why) {
    return refusing_ < limits_.refusing_connections ? std::pair{Place::kRefusing, why}
                                                    : std::pair{Place::kNone, Admission::kDropped};
  };
  // A limit at or above max_connections limits no address (one proxy's connections may use the reserve).
  const bool per_client = limits_.max_connections_per_client < limits_.max_connections;
  auto held = per_client_.find(client);
  if (per_client && held != per_client_.end() && held->second >= limits_.max_connections_per_client) {
    // A client reconnecting without closing its old connections makes room only at its own expense: it
    // takes the place its own connection gave up, unless an ordinary one is free.
    auto own = [&client](const Entry& entry) { return entry.client == client; };
    const Place freed = TakeOldestIdle(own, displaced);
    if (freed == Place::kNone) return refusing(Admission::kClientLimit);
    if (freed == Place::kReserve && ordinary_ >= limits_.max_connections) return {Place::kReserve, Admission::kReserve};
  }
  auto in = [](Place place) { return [place](const Entry& entry) { return entry.place == place; }; };
  if (ordinary_ < limits_.max_connections) return {Place::kOrdinary, Admission::kOrdinary};
  if (TakeOldestIdle(in(Place::kOrdinary), displaced) != Place::kNone) return {Place::kOrdinary, Admission::kOrdinary};
  if (per_client && ReserveHeldBy(client) >= ReserveShare()) {
    // A storm of connections from one address churns only its own share of the reserve, so that another
    // address's health check keeps its place between its connect and its request.
    auto own_reserve = [&client](const Entry& entry) {
      return entry.client == client && entry.place == Place::kReserve;
    };
    if (TakeOldestIdle(own_reserve, displaced) != Place::kNone) return {Place::kReserve, Admission::kReserve};
    return refusing(Admission::kClientLimit);
  }
  if (reserve_ < limits_.reserved_connections) return {Place::kReserve, Admission::kReserve};
  if (TakeOldestIdle(in(Place::kReserve), displaced) != Place::kNone) return {Place::kReserve, Admission::kReserve};
  return refusing(Admission::kOverloaded);
}

std::size_t ConnectionRegistry::ReserveShare() const {
  return std::max<std::size_t>(1, limits_.reserved_connections / 4);
}

std::size_t ConnectionRegistry::ReserveHeldBy(const std::string& client) const {
  // A linear scan, like TakeOldestIdle: only when every ordinary place is taken.
  std::size_t held = 0;
  for (const auto& [id, entry] : open_) held += entry.client == client && entry.place == Place::kReserve ? 1 : 0;
  return held;
}

ConnectionRegistry::Place ConnectionRegistry::TakeOldestIdle(const std::function<bool(const Entry&)>& eligible,
                                                             std::vector<std::shared_ptr<Connection>>& displaced) {
  // A linear scan: it runs only when a limit is reached, over at most the configured number of places.
  Entry* oldest = nullptr;
  for (auto& [id, entry] : open_) {
    const bool sheddable = entry.place == Place::kOrdinary || entry.place == Place::kReserve;
    if (!sheddable || entry.idle_since == 0 || !eligible(entry)) continue;
    if (!oldest || entry.idle_since < oldest->idle_since) oldest = &entry;
  }
  if (!oldest) return Place::kNone;
  // Already expired: it is being destroyed and will unregister; its place is free all the same.
  if (auto connection = oldest->connection.lock()) displaced.push_back(std::move(connection));
  const Place freed = oldest->place;
  Release(*oldest);
  return freed;
}

std::size_t& ConnectionRegistry::Count(Place place) {
  switch (place) {
    case Place::kOrdinary:
      return ordinary_;
    case Place::kReserve:
      return reserve_;
    case Place::kRefusing:
    case Place::kNone:
      break;
  }
  return refusing_;
}

void ConnectionRegistry::Take(Entry& entry, Place place) {
  entry.place = place;
  ++Count(place);
  if (place != Place::kRefusing) ++per_client_[entry.client];
}

void ConnectionRegistry::Release(Entry& entry) {
  if (entry.place == Place::kNone) return;
  --Count(entry.place);
  if (entry.place != Place::kRefusing) {
    auto held = per_client_.find(entry.client);
    if (--held->second == 0) per_client_.erase(held);
  }
  entry.place = Place::kNone;
}

void ConnectionRegistry::SetIdle(std::uint64_t id, bool idle) {
  std::lock_guard lock(mutex_);
  auto found = open_.find(id);
  if (found != open_.end()) found->second.idle_since = idle ? next_idle_++ : 0;
}

void ConnectionRegistry::Unregister(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  auto found = open_.find(id);
  if (found == open_.end()) return;
  Release(found->second);
  open_.erase(found);
  if (open_.empty()) emptied_.notify_all();
}

void ConnectionRegistry::CloseAll() {
  // Shutdown runs outside the lock: dropping the last reference to a connection unregisters it.
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    for (const auto& [id, entry] : open_) {
      if (auto connection = entry.connection.lock()) live.push_back(std::move(connection));
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
