// The staff lead routing chooses among, kept across transactions, so that a lead posted alone does not read every
// salesperson's teams, specialities, territories and counts again: read whole when older than its maximum age, and
// each owner's load as last counted when a lead was claimed for them (owner_claim.hpp). What it may hold stale is
// safe by construction: the owner routing chooses is counted again, with their availability, under their lock
// before the lead is theirs; a specialist HR added, or a slot a signing freed elsewhere, reaches routing within
// the maximum age.
#ifndef HUB_STORE_MODEL_STAFF_CACHE_HPP_
#define HUB_STORE_MODEL_STAFF_CACHE_HPP_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/lead_router.hpp"

namespace hub::store_model {

// One per store, shared by every writer that routes leads into it (the API's intake, the sync jobs). Thread-safe.
// Lifetime: `clock` outlives it.
class StaffCache {
 public:
  static constexpr std::chrono::seconds kDefaultMaxAge{5};
  // How the staff are read: ReadRoutingCandidates (routing_candidates.hpp) unless a test says otherwise.
  using Reader = std::function<sdk::Result<std::vector<leads::RoutingCandidate>>(odbc::Connection&)>;

  explicit StaffCache(const Clock& clock, std::chrono::milliseconds max_age = kDefaultMaxAge, Reader reader = {});

  // A copy of the staff (ReadRoutingCandidates), read through `connection` — in the caller's transaction — when
  // none is kept or the kept one is older than the maximum age; while one caller reads it again, the others
  // get the copy kept (older than the maximum age by at most that read). Errors: the driver's Status (nothing
  // kept; the next caller reads again).
  sdk::Result<std::vector<leads::RoutingCandidate>> Staff(odbc::Connection& connection);

  // Keeps `candidate`'s availability and load (open_holdings, intake_today, signings) for its employee, as the
  // writer that just gave them a lead counts them; an employee not kept is ignored.
  void Remember(const leads::RoutingCandidate& candidate);

  // Counts one more lead held and given today for `employee_id` (Reserve), or one less (Release), in the kept
  // copy: a writer that chose them tells the writers routing at the same moment, so that the workload principle
  // spreads their leads instead of sending them all to the person who was least loaded, to wait for each other's
  // claim. An employee not kept is ignored.
  void Reserve(std::int64_t employee_id) { Count(employee_id, 1); }
  void Release(std::int64_t employee_id) { Count(employee_id, -1); }

 private:
  void Count(std::int64_t employee_id, int leads);
  // The kept member `employee_id`, or null. Needs mutex_.
  leads::RoutingCandidate* Kept(std::int64_t employee_id);

  const Clock& clock_;
  const std::chrono::milliseconds max_age_;
  const Reader reader_;
  std::mutex mutex_;
  std::vector<leads::RoutingCandidate> staff_;  // guarded by mutex_
  std::optional<TimePoint> read_at_;            // guarded by mutex_; nullopt: nothing kept
  bool refreshing_ = false;                     // guarded by mutex_; a caller is reading the staff again
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_STAFF_CACHE_HPP_
