// The class a connector author writes.
#ifndef HUB_SDK_CONNECTOR_HPP_
#define HUB_SDK_CONNECTOR_HPP_

#include <cstddef>
#include <string_view>
#include <vector>

#include "hub/sdk/context.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::sdk {

// A connection to one source or target system. The hub creates one per configured instance, calls
// Configure once with validated options, then ReadBatch repeatedly from the last committed cursor (an
// empty cursor means "from the beginning"). Calls on one object never overlap; the object may move
// between threads. Configure validates and prepares without reaching the system (no connection, no
// request): `hub check-config` configures every connector to report what it refuses, with no system up.
// Exceptions are caught at the plugin boundary and reported as internal errors, but
// returning a Status is the expected way to fail. A bad source record is not a failure of the read:
// return it with `rejection` set so the hub quarantines it and goes on.
//
// A subclass has a constructor taking `Context&` (which outlives it) and a static
// `PluginDescription Describe()`, and is exported with HUB_EXPORT_CONNECTOR (see export.hpp).
class Connector {
 public:
  virtual ~Connector() = default;

  virtual Status Configure(const Options& options) = 0;

  // At most max_records records after `cursor`. Must be idempotent for a given cursor: the hub may
  // re-read after a crash, and relies on that to lose nothing. A connector that only delivers events
  // (Capabilities::reads false) leaves it out.
  virtual Result<Batch> ReadBatch(std::string_view cursor, std::size_t max_records) {
    (void)cursor;
    (void)max_records;
    return Status::Unimplemented("this connector does not read records");
  }

  // Delivers changes to the system, in order; answers how many were accepted (a prefix of `events`; fewer
  // than all: the rest are handed over again later). A failed Status says what to do with the batch:
  // Unavailable or IoError (the system is down, a timeout) — try again later; InvalidArgument or
  // DataError — the system refuses the event for good (the hub hands over a failed batch again one event
  // at a time to find it). Every event may come more than once: let the system deduplicate on event_id.
  virtual Result<std::size_t> WriteEvents(const std::vector<OutboundEvent>& events) {
    (void)events;
    return Status::Unimplemented("this connector does not accept outbound events");
  }

  // OK when the system is reachable and usable.
  virtual Status CheckHealth() { return Status::Ok(); }
};

}  // namespace hub::sdk

#endif  // HUB_SDK_CONNECTOR_HPP_
