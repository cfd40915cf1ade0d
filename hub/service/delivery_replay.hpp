// An operator's replay of a subscriber's dead letters, with its audit_log row.
#ifndef HUB_SERVICE_DELIVERY_REPLAY_HPP_
#define HUB_SERVICE_DELIVERY_REPLAY_HPP_

#include <cstddef>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

struct DeliveryReplayRequest {
  std::string subscriber;              // a delivery job's name
  std::vector<std::string> event_ids;  // "<store identity>-<outbox id>"; empty: every open dead letter
  std::string actor;                   // for the audit log: an API token's name, "operator:<login>"
};

// Asks the subscriber's next delivery run to deliver the dead letters chosen again
// (delivery::RequestReplay) and answers how many are now requested; ids that are not open dead letters of
// the subscriber are passed over. Audited in audit_log: actor `request.actor`, action "delivery.replay",
// entity "delivery", entity_id the subscriber, after_data {"event_ids":[...]|"all","requested":N,
// "outcome":"ok"|"failed: <message>"}; the row is written first with outcome "unfinished", so a replay
// whose process died midway is still on record. Errors: InvalidArgument naming an event id that is not
// this store's; the store's Status (the audit row then says failed). `clock` stamps the request. Thread-safe.
sdk::Result<std::size_t> ReplayDeadLetters(odbc::Database& store, const DeliveryReplayRequest& request,
                                           const Clock& clock);

}  // namespace hub::service

#endif  // HUB_SERVICE_DELIVERY_REPLAY_HPP_
