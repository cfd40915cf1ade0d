// The accepted-prefix protocol of a delivery: offering events in order until each is taken or has failed.
#ifndef HUB_DELIVERY_OFFER_HPP_
#define HUB_DELIVERY_OFFER_HPP_

#include <cstddef>
#include <functional>
#include <vector>

#include "delivery/delivery_run.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::delivery {

// What the offer hears about event i of its list.
struct OfferCallbacks {
  // Event i was taken.
  std::function<void(std::size_t)> taken;
  // Event i failed with `error`; answers false to stop offering anything more.
  std::function<bool(std::size_t, const sdk::Status&)> failed;
  // Whether event i is held back now (its lane stopped after an earlier failure): not offered.
  std::function<bool(std::size_t)> held;
};

// Offers `events` to `deliver`, in order: the first call gets every event not held; a call that takes
// n < all has the rest offered again at once, at most 2n of them per call (the window doubles again each
// time a call takes all it was offered), so each event is copied a bounded number of times; a call that
// fails (or takes none) fails its first event, and the offer goes on after it unless `failed` says stop. Every event
// ends taken, failed, held or — after a stop — not offered. Threads: the caller's.
void OfferInOrder(const Deliver& deliver, const std::vector<sdk::OutboundEvent>& events,
                  const OfferCallbacks& callbacks);

// True when `error` says the system refuses the event for good (InvalidArgument, DataError).
bool RefusedForGood(const sdk::Status& error);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_OFFER_HPP_
