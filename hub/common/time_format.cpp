#include "common/time_format.hpp"

#include <cstdio>
#include <ctime>

namespace hub {

std::string FormatIsoUtc(TimePoint when) {
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  long remainder = static_cast<long>(millis % 1000);
  if (remainder < 0) {
    remainder += 1000;
    --seconds;
  }
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[64];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", parts.tm_year + 1900, parts.tm_mon + 1,
                parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, remainder);
  return text;
}

}  // namespace hub
