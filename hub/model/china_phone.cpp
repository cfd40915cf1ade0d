#include "model/china_phone.hpp"

#include <string>

namespace hub::model::internal {
namespace {

// Area codes by their leading digits (after the trunk 0): the two-digit ones (Beijing 10, and 20-29 for
// the largest cities) take 8-digit subscriber numbers; every three-digit code (3XX-9XX) takes 7 or 8.
struct AreaCodeRule {
  std::string_view leading;
  std::size_t area_digits;
  std::size_t min_subscriber_digits;
  std::size_t max_subscriber_digits;
};
constexpr AreaCodeRule kAreaCodes[] = {
    {"10", 2, 8, 8}, {"2", 2, 8, 8}, {"3", 3, 7, 8}, {"4", 3, 7, 8}, {"5", 3, 7, 8},
    {"6", 3, 7, 8},  {"7", 3, 7, 8}, {"8", 3, 7, 8}, {"9", 3, 7, 8},
};

// Nationwide numbers dialled without an area code or trunk prefix.
constexpr std::string_view kServicePrefixes[] = {"400", "800"};
constexpr std::size_t kServiceDigits = 10;
constexpr std::size_t kMobileDigits = 11;

bool AllDigits(std::string_view text) { return text.find_first_not_of("0123456789") == std::string_view::npos; }

bool IsMobile(std::string_view national) {
  return national.size() == kMobileDigits && national[0] == '1' && national[1] >= '3' && national[1] <= '9';
}

bool IsServiceNumber(std::string_view national) {
  if (national.size() != kServiceDigits) return false;
  for (std::string_view prefix : kServicePrefixes) {
    if (national.starts_with(prefix)) return true;
  }
  return false;
}

const AreaCodeRule* AreaCodeOf(std::string_view national) {
  for (const AreaCodeRule& rule : kAreaCodes) {
    if (national.starts_with(rule.leading)) return &rule;
  }
  return nullptr;
}

PhoneNumber Number(std::string_view national, PhoneType type) {
  return PhoneNumber{"+86" + std::string(national), type, ""};
}

// Why digits that start with 1 (the mobile range, apart from Beijing's 10) are no mobile number.
sdk::Status NotAMobile(std::string_view national) {
  if (national.size() != kMobileDigits) {
    return sdk::Status::InvalidArgument("a Chinese mobile number has 11 digits, not " +
                                        std::to_string(national.size()) + " (" + std::string(national) + ")");
  }
  return sdk::Status::InvalidArgument("1" + std::string(1, national[1]) + " is not a Chinese mobile prefix (" +
                                      std::string(national) + "): mobiles start with 13 to 19");
}

sdk::Result<PhoneNumber> FixedLine(std::string_view national) {
  const AreaCodeRule* rule = AreaCodeOf(national);
  if (rule == nullptr) {
    return sdk::Status::InvalidArgument("no Chinese area code starts with 0" + std::string(national.substr(0, 1)));
  }
  const std::string area = "0" + std::string(national.substr(0, rule->area_digits));
  const std::string_view subscriber = national.substr(rule->area_digits);
  if (subscriber.size() < rule->min_subscriber_digits || subscriber.size() > rule->max_subscriber_digits) {
    const std::string expected =
        rule->min_subscriber_digits == rule->max_subscriber_digits
            ? std::to_string(rule->min_subscriber_digits)
            : std::to_string(rule->min_subscriber_digits) + " or " + std::to_string(rule->max_subscriber_digits);
    return sdk::Status::InvalidArgument("area code " + area + " takes a subscriber number of " + expected +
                                        " digits, not " + std::to_string(subscriber.size()) + " (" +
                                        std::string(subscriber) + ")");
  }
  if (subscriber[0] == '0' || subscriber[0] == '1') {
    return sdk::Status::InvalidArgument("area code " + area + " is followed by " + std::string(subscriber) +
                                        ": a subscriber number cannot start with 0 or 1");
  }
  return Number(national, PhoneType::kFixedLine);
}

}  // namespace

sdk::Result<PhoneNumber> ParseChineseNational(std::string_view national, bool area_code_given) {
  if (national.empty() || !AllDigits(national)) {
    return sdk::Status::InvalidArgument("no Chinese number follows the calling code or trunk prefix");
  }
  if (IsMobile(national)) return Number(national, PhoneType::kMobile);
  if (IsServiceNumber(national)) return Number(national, PhoneType::kFixedLine);
  const bool beijing = national.starts_with("10");
  if (national[0] == '1' && !(beijing && area_code_given)) return NotAMobile(national);
  if (!area_code_given) {
    return sdk::Status::InvalidArgument("a Chinese landline needs its area code with the leading 0 (or +86): " +
                                        std::string(national));
  }
  return FixedLine(national);
}

}  // namespace hub::model::internal
