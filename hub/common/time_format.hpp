// Time points as text for APIs and logs.
#ifndef HUB_COMMON_TIME_FORMAT_HPP_
#define HUB_COMMON_TIME_FORMAT_HPP_

#include <string>

#include "common/clock.hpp"

namespace hub {

// ISO 8601 in UTC with milliseconds: "2026-11-23T13:05:00.250Z". Thread-safe.
std::string FormatIsoUtc(TimePoint when);

}  // namespace hub

#endif  // HUB_COMMON_TIME_FORMAT_HPP_
