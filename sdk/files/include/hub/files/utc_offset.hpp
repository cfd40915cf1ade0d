// Offsets from UTC as connectors' options give them ("+08:00"): the zone a source writes its local times in.
#ifndef HUB_FILES_UTC_OFFSET_HPP_
#define HUB_FILES_UTC_OFFSET_HPP_

#include <chrono>
#include <optional>
#include <string_view>

namespace hub::files {

// `text` as an offset from UTC: an optional sign, hours (at most 14), optionally ':' and minutes (at most
// 59): "+08:00", "-05:30", "+8", "0". nullopt for anything else. Pure; thread-safe.
std::optional<std::chrono::minutes> ParseUtcOffset(std::string_view text);

}  // namespace hub::files

#endif  // HUB_FILES_UTC_OFFSET_HPP_
