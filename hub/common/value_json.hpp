// One typed value as JSON, the same way everywhere the hub writes JSON (exports, quarantine, events).
#ifndef HUB_COMMON_VALUE_JSON_HPP_
#define HUB_COMMON_VALUE_JSON_HPP_

#include <boost/json/value.hpp>

#include "hub/sdk/record.hpp"

namespace hub {

// null; integers and doubles as JSON numbers; booleans as true/false; strings, exact decimals and dates as
// JSON strings (decimals keep every digit); timestamps as ISO 8601 UTC strings. Thread-safe.
boost::json::value ValueToJson(const sdk::Value& value);

}  // namespace hub

#endif  // HUB_COMMON_VALUE_JSON_HPP_
