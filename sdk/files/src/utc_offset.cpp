#include "hub/files/utc_offset.hpp"

#include <charconv>
#include <cstddef>
#include <system_error>

namespace hub::files {

std::optional<std::chrono::minutes> ParseUtcOffset(std::string_view text) {
  std::string_view rest = text;
  int sign = 1;
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    sign = rest.front() == '-' ? -1 : 1;
    rest.remove_prefix(1);
  }
  int hours = 0;
  int minutes = 0;
  auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), hours);
  rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
  if (error == std::errc() && rest.starts_with(":")) {
    rest.remove_prefix(1);
    auto [minutes_end, minutes_error] = std::from_chars(rest.data(), rest.data() + rest.size(), minutes);
    error = minutes_error;
    rest.remove_prefix(static_cast<std::size_t>(minutes_end - rest.data()));
  }
  if (error != std::errc() || !rest.empty() || hours > 14 || minutes > 59) return std::nullopt;
  return std::chrono::minutes(sign * (hours * 60 + minutes));
}

}  // namespace hub::files
