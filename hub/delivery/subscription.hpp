// A subscriber and the events it receives: compiled from a delivery job of the configuration.
#ifndef HUB_DELIVERY_SUBSCRIPTION_HPP_
#define HUB_DELIVERY_SUBSCRIPTION_HPP_

#include <chrono>
#include <string>
#include <vector>

#include "delivery/outbox_event.hpp"

namespace hub::delivery {

// Which events a subscriber receives, and how its delivery retries. Immutable once built; thread-safe to
// share.
struct Subscription {
  // The subscriber: the delivery job's name. Its lanes and dead letters are stored under it.
  std::string name;

  // One <subscribe>: an event matches when its aggregate is `entity` (empty: any) and its kind is one of
  // `kinds` (empty: any). With `document`, the delivery hands the event over with the aggregate's event
  // document (store/model/event_documents.hpp) in its payload.
  struct Events {
    std::string entity;
    std::vector<std::string> kinds;
    bool document = false;
  };
  std::vector<Events> events;  // an event matches one of them; empty: every event

  // One <filter>: the payload's field `field` holds one of `values` (its JSON text for a number or a
  // boolean). The field is the payload's top-level member of that name, or else, for the model's events
  // ({"source_system":…, "source_id":…, "fields":{…}}), the member of `fields`. Missing or null: no match.
  // `excluded` (not_in=) turns it round: the field holds none of `values`, and missing or null matches.
  struct Filter {
    std::string field;
    std::vector<std::string> values;
    bool excluded = false;
  };
  std::vector<Filter> filters;  // all must hold

  // A failing event is tried this many times in all before it becomes a dead letter (≥ 1).
  int max_attempts = 10;
  // The wait before attempt n+1 is min(max_backoff, backoff·2^(n−1)), times a random factor in [0.5, 1).
  std::chrono::milliseconds backoff{1000};
  std::chrono::milliseconds max_backoff{600000};

  // Where a new subscriber starts: every event in the outbox, or only those committed after its first run.
  enum class Start { kBeginning, kLatest };
  Start start = Start::kBeginning;

  // How many lanes the subscriber's events are spread over (by aggregate): one failing aggregate holds back
  // only its own lane. Fixed when the subscriber's lanes are first made.
  int lanes = 8;

  // True when `event` is one this subscriber receives.
  bool Matches(const OutboxEvent& event) const;

  // True when a <subscribe> that `event` matches asks for its document.
  bool WantsDocument(const OutboxEvent& event) const;
};

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_SUBSCRIPTION_HPP_
