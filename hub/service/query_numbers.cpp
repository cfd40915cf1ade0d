#include "service/query_numbers.hpp"

#include <charconv>
#include <limits>

namespace hub::service {

std::optional<std::int64_t> ParseWholeNumber(std::string_view text, std::int64_t min, std::int64_t max) {
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || text.front() == '-' || error != std::errc() || end != text.data() + text.size() || number < min ||
      number > max) {
    return std::nullopt;
  }
  return number;
}

std::optional<std::int64_t> ParseRowId(std::string_view text) {
  return ParseWholeNumber(text, 1, std::numeric_limits<std::int64_t>::max());
}

std::optional<std::size_t> ParseLimit(std::string_view text, std::size_t fallback, std::size_t max) {
  if (text.empty()) return fallback;
  std::optional<std::int64_t> limit = ParseWholeNumber(text, 1, static_cast<std::int64_t>(max));
  if (!limit) return std::nullopt;
  return static_cast<std::size_t>(*limit);
}

std::string LimitProblem(std::size_t max) { return "limit must be a whole number from 1 to " + std::to_string(max); }

sdk::Result<IdPage> ParseIdPage(std::string_view after_text, std::string_view limit_text, std::string_view what_id,
                                std::size_t fallback, std::size_t max) {
  IdPage page;
  if (!after_text.empty()) {
    std::optional<std::int64_t> after = ParseWholeNumber(after_text, 0, std::numeric_limits<std::int64_t>::max());
    if (!after) return sdk::Status::InvalidArgument("after must be " + std::string(what_id));
    page.after = *after;
  }
  std::optional<std::size_t> limit = ParseLimit(limit_text, fallback, max);
  if (!limit) return sdk::Status::InvalidArgument(LimitProblem(max));
  page.limit = *limit;
  return page;
}

}  // namespace hub::service
