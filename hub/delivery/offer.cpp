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
  std::size_t next = 0;
  while (next < events.size()) {
    offered.clear();
    for (std::size_t i = next; i < events.size(); ++i) {
      if (!callbacks.held(i)) offered.push_back(i);
    }
    if (offered.empty()) return;
    // The common case hands the caller's vector over as it is; only a remainder is copied.
    const bool whole = offered.size() == events.size();
    if (!whole) {
      subset.clear();
      for (std::size_t i : offered) subset.push_back(events[i]);
    }
    sdk::Result<std::size_t> taken = deliver(whole ? events : subset);
    const std::size_t count = taken.ok() ? std::min(*taken, offered.size()) : 0;
    for (std::size_t k = 0; k < count; ++k) callbacks.taken(offered[k]);
    if (count == offered.size()) return;
    if (count > 0) {
      next = offered[count];
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
