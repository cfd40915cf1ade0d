// Dates as Chinese HR exports write them: 2023年3月15日, 2023/3/15, 2023-03-15, 2023.3.15.
#ifndef HUB_CONNECTORS_HR_HR_DATES_HPP_
#define HUB_CONNECTORS_HR_HR_DATES_HPP_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hub::hr {

// The forms IsoDate reads, for messages.
inline constexpr std::string_view kDateForms = "2023年3月15日, 2023/3/15, 2023-03-15 or 2023.3.15";

// `text` (white space around it ignored) as "YYYY-MM-DD": a four-digit year, then a month and a day of one or
// two digits, written Y年M月D日 (the 日 may be left out) or separated by '/', '-' or '.'; a time after the
// date ("2023/3/15 0:00:00", as spreadsheets export it) is ignored. nullopt when it is no such date or
// names a day that does not exist (2023年2月29日). Pure; thread-safe.
std::optional<std::string> IsoDate(std::string_view text);

// The calendar day of `now` as "YYYY-MM-DD", in UTC shifted by `utc_offset` (China: +8 h). Pure.
std::string IsoDay(std::chrono::system_clock::time_point now, std::chrono::minutes utc_offset);

}  // namespace hub::hr

#endif  // HUB_CONNECTORS_HR_HR_DATES_HPP_
