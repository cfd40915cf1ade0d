#include "delivery/offer.hpp"

#include <algorithm>
#include <string>

namespace hub::delivery {

bool RefusedForGood(const sdk::Status& error) {
  return error.code() == sdk::StatusCode::kInvalidArgument || error.code() == sdk::StatusCode::kDataError;
}

void OfferInOrder(const Deliver& deliver, const std::vector<sdk::OutboundEvent>& events,
                  const OfferCallbacks& callbacks) {
  std::vector<std::size_t> offered;  // indexes into `events` of this call
  std::vector<sdk::OutboundEvent> subset;
  std::size_t next = 0;                // every event before it is settled
  std::size_t window = events.size();  // the most events offered in one call
  while (next < events.size()) {
    offered.clear();
    std::size_t end = next;
    for (; end < events.size() && offered.size() < window; ++end) {
      if (!callbacks.held(end)) offered.push_back(end);
    }
    if (offered.empty()) return;  // the rest is held
    // The common case hands the caller's vector over as it is; otherwise only the window is copied.
    const bool whole = offered.size() == events.size();
    if (!whole) {
      subset.clear();
      for (std::size_t i : offered) subset.push_back(events[i]);
    }
    sdk::Result<std::size_t> taken = deliver(whole ? events : subset);
    const std::size_t count = taken.ok() ? std::min(*taken, offered.size()) : 0;
    for (std::size_t k = 0; k < count; ++k) callbacks.taken(offered[k]);
    if (count == offered.size()) {
      next = end;
      window = std::min(events.size(), window * 2);  // it took the whole window: offer more
      continue;
    }
    if (count > 0) {
      // A connector that takes a few at a time gets a window of twice what it took, not the whole rest
      // copied again on every call (quadratic in the batch for small prefixes).
      next = offered[count];
      window = 2 * count;
      continue;
    }
    const sdk::Status error = taken.ok() ? sdk::Status::Unavailable("the connector took none of the " +
                                                                    std::to_string(offered.size()) + " events offered")
                                         : taken.status();
    if (!callbacks.failed(offered[0], error)) return;
    next = offered[0] + 1;
  }
}

}  // namespace hub::delivery
