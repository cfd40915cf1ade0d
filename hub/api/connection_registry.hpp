// Tracks the open API connections: decides where a new one may go, makes room by closing idle ones, and
// closes them all on Stop. Private to hub_api.
#ifndef HUB_API_CONNECTION_REGISTRY_HPP_
#define HUB_API_CONNECTION_REGISTRY_HPP_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace hub::api {

// One open connection as the registry sees it. Both calls come from any thread and must not block.
class Connection {
 public:
  virtual ~Connection() = default;
  // The server is stopping: close at once unless a request is in flight, else after writing its response.
  virtual void Shutdown() = 0;
  // Make room: close at once if still waiting for a request (or its TLS handshake), else after the
  // response to the request that has begun.
  virtual void Shed() = 0;
};

// Where a new connection was let in.
enum class Admission {
  kOrdinary,     // one of max_connections: serves every route, keep-alive
  kReserve,      // beyond max_connections: serves only the routes kept under load, one request
  kOverloaded,   // no place: answer 503 to its one request and close
  kClientLimit,  // its address holds max_connections_per_client: answer 429 to its one request and close
  kDropped,      // not even a place to answer from, or the server is stopping: close at once
};

struct ConnectionLimits {
  std::size_t max_connections = 256;            // ordinary places
  std::size_t max_connections_per_client = 64;  // ordinary and reserve places one address may hold
  std::size_t reserved_connections = 16;        // reserve places
  std::size_t refusing_connections = 64;        // connections answering kOverloaded / kClientLimit at once
};

// Thread-safe. Connections register when accepted and unregister when destroyed; in between they tell
// when they wait for a request (idle) and when one has begun (active). A new connection takes an ordinary
// place, else the place of the oldest idle ordinary connection (which is shed), else a reserve place (or
// the oldest idle reserve connection's), else a refusing place. An address at its own limit first sheds
// its own oldest idle connection, and takes the place it held unless an ordinary one is free (so it never
// displaces another address's connection); without one it is refused kClientLimit. Of the reserve, one
// address holds at most a quarter (at least one place): beyond it, it takes its own idle reserve
// connection's place or is refused kClientLimit. A per-client limit at or above max_connections limits no
// address, in either way.
class ConnectionRegistry {
 public:
  explicit ConnectionRegistry(ConnectionLimits limits) : limits_(limits) {}

  struct Registration {
    Admission admission = Admission::kDropped;
    std::uint64_t id = 0;  // 0 when dropped
    std::size_t shed = 0;  // connections shed to make room for this one
  };
  // Registers `connection` from `client` (its address), counted as idle. Calls Shed on the connections
  // it displaces (outside the lock).
  Registration Register(std::weak_ptr<Connection> connection, const std::string& client);
  // Idle connections may be shed; active ones are not.
  void SetIdle(std::uint64_t id, bool idle);
  void Unregister(std::uint64_t id);

  // Refuses further registrations and asks every open connection to shut down.
  void CloseAll();

  // Blocks until no connection is open or `timeout` passed; true when none is open. Never call it from a
  // thread the connections need to make progress (an I/O thread).
  bool WaitUntilEmpty(std::chrono::milliseconds timeout);

  // Open connections, shed ones still closing included.
  std::size_t size() const;

 private:
  enum class Place { kOrdinary, kReserve, kRefusing, kNone };  // kNone: shed, its place given away
  struct Entry {
    std::weak_ptr<Connection> connection;
    std::string client;
    Place place = Place::kNone;
    std::uint64_t idle_since = 0;  // order of becoming idle (smaller is older); 0 while active
  };

  // The place for a new connection from `client`, and its admission; the connections displaced to make
  // room are added to `displaced` (their places already given up).
  std::pair<Place, Admission> Choose(const std::string& client, std::vector<std::shared_ptr<Connection>>& displaced);
  // Gives up the place of the oldest idle connection for which `eligible` holds, adds it to `displaced`
  // to be shed, and answers the place it held; kNone when there is none.
  Place TakeOldestIdle(const std::function<bool(const Entry&)>& eligible,
                       std::vector<std::shared_ptr<Connection>>& displaced);
  // Reserve places one address may hold while the per-client limit applies: a quarter of them, at least 1.
  std::size_t ReserveShare() const;
  // Reserve places `client` holds.
  std::size_t ReserveHeldBy(const std::string& client) const;
  void Take(Entry& entry, Place place);
  void Release(Entry& entry);
  std::size_t& Count(Place place);

  const ConnectionLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable emptied_;
  bool closed_ = false;                            // guarded by mutex_
  std::uint64_t next_id_ = 1;                      // guarded by mutex_
  std::uint64_t next_idle_ = 1;                    // guarded by mutex_
  std::map<std::uint64_t, Entry> open_;            // guarded by mutex_
  std::map<std::string, std::size_t> per_client_;  // guarded by mutex_: ordinary and reserve places held
  std::size_t ordinary_ = 0;                       // guarded by mutex_
  std::size_t reserve_ = 0;                        // guarded by mutex_
  std::size_t refusing_ = 0;                       // guarded by mutex_
};

}  // namespace hub::api

#endif  // HUB_API_CONNECTION_REGISTRY_HPP_
