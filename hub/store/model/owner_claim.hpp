// Giving a lead to the owner routing chose, exactly within their quota and daily cap while other writers — other
// connections, other hubs on the same PostgreSQL — route leads at the same time: the counts routing read may be
// stale by the time it decides, so the winner is counted again under a lock of their own before the lead is theirs.
#ifndef HUB_STORE_MODEL_OWNER_CLAIM_HPP_
#define HUB_STORE_MODEL_OWNER_CLAIM_HPP_

#include <span>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/lead_router.hpp"
#include "store/model/staff_cache.hpp"

namespace hub::store_model {

// How a claim on a chosen owner ended.
enum class ClaimOutcome {
  kClaimed,  // still available, within quota and cap: the lead is theirs, and their lock is held to the end
  kFull,     // counted again, they are not (their fresh availability and load are in the candidate)
  kBusy,     // another transaction holds their lock, and this one may not wait for it (PostgreSQL)
};

// Claims `candidate` for one more lead in the caller's transaction: reads their availability and load again
// (RereadLoad) and answers kClaimed when they are active, hold fewer than their quota and were given fewer than the
// daily cap today, kFull otherwise (the fresh figures then in `candidate`, for routing again). On PostgreSQL it
// first takes the person's lock — a transaction-level advisory lock keyed by the schema and the employee id, held
// until the transaction ends; waited for when `may_wait`, else only tried (kBusy when another transaction holds
// it) — so that the figures read after it count every claim committed before. On SQLite, one writer at a time,
// the write transaction is the lock. A lock whose person was full stays held until the transaction ends, so a
// transaction that made one claim must not wait for another (two of them could wait for each other): `may_wait`
// only for its first. Threads: as the connection. Errors: the driver's Status.
sdk::Result<ClaimOutcome> ClaimOwner(odbc::Connection& connection, leads::RoutingCandidate& candidate,
                                     const leads::RoutingRules& rules, bool may_wait);

// Routes `lead` among `staff` (leads::Route) and claims the owner it chose (ClaimOwner); an owner found full is
// routed again with their fresh counts (the gates then eliminate them, saying why), one found busy is eliminated
// as busy, until an owner is claimed or nobody is left. With a `cache`, each owner chosen is reserved in it before
// the claim (StaffCache::Reserve: writers routing at the same moment see them one lead busier), the reservation
// kept for the owner claimed, replaced by the fresh figures for one found full, released for one found busy. `may_wait`
// is ClaimOwner's for the first claim, and false on return once this call made one. The trace is the last routing's.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<leads::RoutingDecision> RouteAndClaim(odbc::Connection& connection, const leads::RoutingRequest& lead,
                                                  std::span<leads::RoutingCandidate> staff,
                                                  const leads::RoutingRules& rules, bool& may_wait, StaffCache* cache);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_OWNER_CLAIM_HPP_
