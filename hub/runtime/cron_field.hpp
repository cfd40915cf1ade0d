// One field of a cron expression (private to the runtime layer).
#ifndef HUB_RUNTIME_CRON_FIELD_HPP_
#define HUB_RUNTIME_CRON_FIELD_HPP_

#include <cstdint>
#include <span>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::cron {

// What a field accepts: its name for messages, its value range, and optional symbolic names where
// names[i] stands for the value first_named + i.
struct FieldSpec {
  std::string_view name;
  unsigned min;
  unsigned max;
  std::span<const std::string_view> names;
  unsigned first_named = 0;
};

extern const FieldSpec kMinute;
extern const FieldSpec kHour;
extern const FieldSpec kDayOfMonth;
extern const FieldSpec kMonth;
extern const FieldSpec kDayOfWeek;  // 0-7; the caller folds 7 into 0

// Parses one field ("*/5", "1,15", "MON-FRI") into a bit mask where bit v is set if value v matches.
// Errors (InvalidArgument) name the field and the problem, without the expression: the caller adds it.
sdk::Result<std::uint64_t> ParseField(std::string_view text, const FieldSpec& spec);

}  // namespace hub::cron

#endif  // HUB_RUNTIME_CRON_FIELD_HPP_
