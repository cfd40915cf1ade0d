#include "store/model/staff_cache.hpp"

#include <algorithm>
#include <utility>

#include "store/model/routing_candidates.hpp"

namespace hub::store_model {

StaffCache::StaffCache(const Clock& clock, std::chrono::milliseconds max_age, Reader reader)
    : clock_(clock), max_age_(max_age), reader_(reader ? std::move(reader) : Reader(ReadRoutingCandidates)) {}

sdk::Result<std::vector<leads::RoutingCandidate>> StaffCache::Staff(odbc::Connection& connection) {
  const TimePoint now = clock_.Now();
  {
    std::lock_guard lock(mutex_);
    if (read_at_ && now - *read_at_ < max_age_) return staff_;
    // One writer reads the staff again; the others meanwhile route with the copy kept, rather than each
    // reading the same rows at once.
    if (read_at_ && refreshing_) return staff_;
    refreshing_ = true;
  }
  // Read outside the lock: a slow statement must not hold back the writers that find a copy.
  sdk::Result<std::vector<leads::RoutingCandidate>> staff = reader_(connection);
  std::lock_guard lock(mutex_);
  refreshing_ = false;
  if (!staff.ok()) return staff.status();
  staff_ = *staff;
  read_at_ = now;
  return staff;
}

leads::RoutingCandidate* StaffCache::Kept(std::int64_t employee_id) {
  const auto kept = std::find_if(staff_.begin(), staff_.end(), [&](const leads::RoutingCandidate& member) {
    return member.employee_id == employee_id;
  });
  return kept == staff_.end() ? nullptr : &*kept;
}

void StaffCache::Count(std::int64_t employee_id, int leads) {
  std::lock_guard lock(mutex_);
  leads::RoutingCandidate* kept = Kept(employee_id);
  if (kept == nullptr) return;
  kept->open_holdings += leads;
  kept->intake_today += leads;
}

void StaffCache::Remember(const leads::RoutingCandidate& candidate) {
  std::lock_guard lock(mutex_);
  leads::RoutingCandidate* kept = Kept(candidate.employee_id);
  if (kept == nullptr) return;
  kept->availability = candidate.availability;
  kept->open_holdings = candidate.open_holdings;
  kept->intake_today = candidate.intake_today;
  kept->signings = candidate.signings;
}

}  // namespace hub::store_model
