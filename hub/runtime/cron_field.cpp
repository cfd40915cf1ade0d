#include "runtime/cron_field.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <system_error>

namespace hub::cron {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                          "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> kDayNames = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string Quoted(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text);
  quoted.push_back('\'');
  return quoted;
}

// A number or a symbolic name, checked against the field's range.
sdk::Result<unsigned> ParseValue(std::string_view token, const FieldSpec& spec) {
  for (std::size_t i = 0; i < spec.names.size(); ++i) {
    if (EqualsIgnoreCase(token, spec.names[i])) return static_cast<unsigned>(spec.first_named + i);
  }
  unsigned value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  const bool is_number = !token.empty() && end == token.data() + token.size() &&
                         (error == std::errc() || error == std::errc::result_out_of_range);
  if (!is_number) {
    const char* expected = spec.names.empty() ? "a number" : "a number or a name";
    return sdk::Status::InvalidArgument(std::string(spec.name) + " " + Quoted(token) + " is not " + expected);
  }
  if (error != std::errc() || value < spec.min || value > spec.max) {
    return sdk::Status::InvalidArgument(std::string(spec.name) + " " + std::string(token) + " is out of range " +
                                        std::to_string(spec.min) + "-" + std::to_string(spec.max));
  }
  return value;
}

sdk::Result<unsigned> ParseStep(std::string_view token, const FieldSpec& spec) {
  unsigned step = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), step);
  if (token.empty() || error != std::errc() || end != token.data() + token.size() || step == 0) {
    return sdk::Status::InvalidArgument(std::string(spec.name) + " step " + Quoted(token) +
                                        " must be a whole number of at least 1");
  }
  return step;
}

struct Range {
  unsigned first;
  unsigned last;
};

// "*", "a", "a-b"; a lone value with a step ("5/15") runs to the end of the field.
sdk::Result<Range> ParseRange(std::string_view text, bool has_step, const FieldSpec& spec) {
  if (text == "*") return Range{spec.min, spec.max};
  const std::size_t dash = text.find('-');
  auto first = ParseValue(text.substr(0, dash), spec);
  if (!first.ok()) return first.status();
  if (dash == std::string_view::npos) return Range{*first, has_step ? spec.max : *first};
  auto last = ParseValue(text.substr(dash + 1), spec);
  if (!last.ok()) return last.status();
  if (*first > *last) {
    return sdk::Status::InvalidArgument(std::string(spec.name) + " range " + Quoted(text) +
                                        " is reversed: its start is after its end");
  }
  return Range{*first, *last};
}

sdk::Result<std::uint64_t> ParseItem(std::string_view item, const FieldSpec& spec) {
  if (item.empty()) {
    return sdk::Status::InvalidArgument(std::string(spec.name) + " has an empty list item");
  }
  const std::size_t slash = item.find('/');
  const bool has_step = slash != std::string_view::npos;
  auto range = ParseRange(item.substr(0, slash), has_step, spec);
  if (!range.ok()) return range.status();
  unsigned step = 1;
  if (has_step) {
    auto parsed = ParseStep(item.substr(slash + 1), spec);
    if (!parsed.ok()) return parsed.status();
    step = *parsed;
  }
  std::uint64_t bits = 0;
  for (unsigned value = range->first; value <= range->last; value += step) bits |= std::uint64_t{1} << value;
  return bits;
}

}  // namespace

const FieldSpec kMinute{"minute", 0, 59, {}};
const FieldSpec kHour{"hour", 0, 23, {}};
const FieldSpec kDayOfMonth{"day-of-month", 1, 31, {}};
const FieldSpec kMonth{"month", 1, 12, kMonthNames, 1};
const FieldSpec kDayOfWeek{"day-of-week", 0, 7, kDayNames, 0};

sdk::Result<std::uint64_t> ParseField(std::string_view text, const FieldSpec& spec) {
  std::uint64_t bits = 0;
  while (true) {
    const std::size_t comma = text.find(',');
    auto item = ParseItem(text.substr(0, comma), spec);
    if (!item.ok()) return item.status();
    bits |= *item;
    if (comma == std::string_view::npos) return bits;
    text.remove_prefix(comma + 1);
  }
}

}  // namespace hub::cron
