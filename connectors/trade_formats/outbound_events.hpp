// What connectors that send the hub's events out share: an event's payload and the document the hub composed
// for it (<subscribe document="true">), read as text, and the accepted-prefix rule of Connector::WriteEvents.
#ifndef HUB_TRADE_FORMATS_OUTBOUND_EVENTS_HPP_
#define HUB_TRADE_FORMATS_OUTBOUND_EVENTS_HPP_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::trade_formats {

// "event <event id> (<kind> <record id>)": how messages name an event.
std::string EventName(const sdk::OutboundEvent& event);

// An event's payload, parsed, with its member "document" (the record as the hub composed it at delivery: its
// columns, and for an order, delivery or invoice its lines, partners, party and source_links). A plain value.
class EventPayload {
 public:
  // DataError naming the event (EventName) when the payload is not a JSON object or has no "document" object
  // (the subscription lacks document="true", or the record is no longer in the store).
  static sdk::Result<EventPayload> Parse(const sdk::OutboundEvent& event);

  const boost::json::object& payload() const { return value_.get_object(); }
  const boost::json::object& document() const { return payload().at("document").get_object(); }

 private:
  explicit EventPayload(boost::json::value value) : value_(std::move(value)) {}
  boost::json::value value_;
};

// A member as text: strings as they are, numbers and booleans written out; "" when absent or null.
std::string JsonText(const boost::json::object& object, std::string_view name);
// A record's fields: under "fields" when the object nests them so (an event payload), else the object itself.
const boost::json::object& FieldsOf(const boost::json::object& object);
// The member `name` when it is an array / an object; nullptr otherwise.
const boost::json::array* JsonArray(const boost::json::object& object, std::string_view name);
const boost::json::object* JsonObject(const boost::json::object& object, std::string_view name);
// The source_id of the first of `record`'s "source_links" whose source_system is `system` (the record's id in
// that system: a customer's number there); "" when it has none.
std::string SourceIdIn(const boost::json::object& record, std::string_view system);

// Writes `events` in order with `write_one` and answers how many were accepted, as WriteEvents does: all of
// them, or the prefix before the first that failed; when the first event fails, its Status (so the hub
// retries it, or, told DataError or InvalidArgument, makes it a dead letter).
sdk::Result<std::size_t> WriteEachEvent(const std::vector<sdk::OutboundEvent>& events,
                                        const std::function<sdk::Status(const sdk::OutboundEvent&)>& write_one);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_OUTBOUND_EVENTS_HPP_
