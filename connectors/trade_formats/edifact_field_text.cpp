#include "trade_formats/edifact_field_text.hpp"

#include <algorithm>

namespace hub::trade_formats {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<std::string> EdifactDate(std::string_view value, std::string_view format) {
  std::string_view digits = value;
  if (format == "102" || format.empty()) {
    if (digits.size() != 8) return std::nullopt;
  } else if (format == "203" || format == "204") {
    if (digits.size() != (format == "203" ? 12u : 14u)) return std::nullopt;
    digits = digits.substr(0, 8);
  } else if (format == "718") {
    if (digits.size() != 17 || digits[8] != '-') return std::nullopt;
    digits = digits.substr(0, 8);
  } else if (format == "101") {
    if (digits.size() != 6 || !AllDigits(digits)) return std::nullopt;
    std::string century = digits.substr(0, 2) >= "70" ? "19" : "20";
    return century + std::string(digits.substr(0, 2)) + "-" + std::string(digits.substr(2, 2)) + "-" +
           std::string(digits.substr(4, 2));
  } else {
    return std::nullopt;
  }
  if (!AllDigits(digits)) return std::nullopt;
  std::string_view month = digits.substr(4, 2);
  std::string_view day = digits.substr(6, 2);
  if (month < "01" || month > "12" || day < "01" || day > "31") return std::nullopt;
  std::string iso;
  iso.reserve(10);
  iso.append(digits.substr(0, 4)).append(1, '-').append(month).append(1, '-').append(day);
  return iso;
}

std::string_view JoinComponents(const EdifactSegment& segment, std::size_t element, std::size_t from, std::size_t to,
                                std::string_view glue, std::string* scratch) {
  std::string_view joined;
  bool in_scratch = false;
  for (std::size_t c = from; c < to; ++c) {
    std::string_view part = segment.Get(element, c);
    if (part.empty()) continue;
    if (joined.empty()) {
      joined = part;
      continue;
    }
    if (!in_scratch) scratch->assign(joined);
    in_scratch = true;
    scratch->append(glue).append(part);
    joined = *scratch;
  }
  return joined;
}

std::string RawName(std::string_view tag, std::string_view qualifier, std::string_view suffix) {
  std::string name;
  name.reserve(tag.size() + qualifier.size() + suffix.size());
  name.append(tag).append(qualifier).append(suffix);
  return name;
}

std::string PartnerRole(std::string_view qualifier) {
  if (qualifier == "BY") return "sold_to";
  if (qualifier == "DP" || qualifier == "ST") return "ship_to";
  if (qualifier == "IV") return "bill_to";
  if (qualifier == "PR" || qualifier == "PE") return "payer";
  if (qualifier == "SU" || qualifier == "SE") return "supplier";
  return "other";
}

}  // namespace hub::trade_formats
