#include "model/identifier.hpp"

namespace hub::model {
namespace {

// GB 32100-2015's alphabet: a character's value is its index (31 characters; no I, O, S, V or Z).
constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::size_t kUsccLength = 18;
constexpr int kUsccWeights[kUsccLength - 1] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// Characters 3 to 8: the administrative division code of the registering authority.
constexpr std::size_t kDivisionStart = 2;
constexpr std::size_t kDivisionLength = 6;
constexpr std::size_t kDunsLength = 9;
constexpr std::size_t kOrganizationCodeLength = 9;
constexpr int kOrganizationCodeWeights[kOrganizationCodeLength - 1] = {3, 7, 9, 10, 5, 8, 4, 2};

bool AllDigits(std::string_view text) { return text.find_first_not_of("0123456789") == std::string_view::npos; }

sdk::Status CheckUscc(std::string_view code) {
  if (code.size() != kUsccLength) {
    return sdk::Status::InvalidArgument("a unified social credit code has 18 characters, not " +
                                        std::to_string(code.size()));
  }
  const std::size_t foreign = code.find_first_not_of(kUsccAlphabet);
  if (foreign != std::string_view::npos) {
    return sdk::Status::InvalidArgument("character " + std::to_string(foreign + 1) + " ('" +
                                        std::string(1, code[foreign]) +
                                        "') is not used in unified social credit codes (0-9, A-Y without I O S V)");
  }
  if (!AllDigits(code.substr(kDivisionStart, kDivisionLength))) {
    return sdk::Status::InvalidArgument("characters 3 to 8 (the division code " +
                                        std::string(code.substr(kDivisionStart, kDivisionLength)) + ") must be digits");
  }
  const std::optional<char> expected = UsccCheckCharacter(code.substr(0, kUsccLength - 1));
  if (expected && *expected != code.back()) {
    return sdk::Status::InvalidArgument("check character is " + std::string(1, code.back()) + ", expected " +
                                        std::string(1, *expected));
  }
  return sdk::Status::Ok();
}

sdk::Status CheckDuns(std::string_view number) {
  if (number.size() == kDunsLength && AllDigits(number)) return sdk::Status::Ok();
  return sdk::Status::InvalidArgument("a D-U-N-S number has 9 digits");
}

sdk::Status CheckOrganizationCode(std::string_view code) {
  if (code.size() != kOrganizationCodeLength) {
    return sdk::Status::InvalidArgument("an organization code has 9 characters, not " + std::to_string(code.size()));
  }
  const std::optional<char> expected = OrganizationCodeCheckCharacter(code.substr(0, kOrganizationCodeLength - 1));
  if (!expected) {
    return sdk::Status::InvalidArgument("an organization code's first 8 characters are digits or capitals A-Z");
  }
  if (*expected != code.back()) {
    return sdk::Status::InvalidArgument("check character is " + std::string(1, code.back()) + ", expected " +
                                        std::string(1, *expected));
  }
  return sdk::Status::Ok();
}

struct IdentifierRule {
  std::string_view scheme;
  sdk::Status (*check)(std::string_view normalized);
};
constexpr IdentifierRule kRules[] = {
    {"uscc", CheckUscc}, {"organization_code", CheckOrganizationCode}, {"duns", CheckDuns}};

}  // namespace

std::string NormalizeIdentifier(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '\t') continue;
    out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  }
  return out;
}

sdk::Status CheckIdentifier(std::string_view scheme, std::string_view normalized) {
  for (const IdentifierRule& rule : kRules) {
    if (rule.scheme == scheme) return rule.check(normalized);
  }
  return sdk::Status::Ok();
}

std::optional<char> UsccCheckCharacter(std::string_view first17) {
  if (first17.size() != kUsccLength - 1) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < first17.size(); ++i) {
    const std::size_t value = kUsccAlphabet.find(first17[i]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kUsccWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return kUsccAlphabet[static_cast<std::size_t>(check)];
}

std::optional<char> OrganizationCodeCheckCharacter(std::string_view first8) {
  if (first8.size() != kOrganizationCodeLength - 1) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < first8.size(); ++i) {
    const char c = first8[i];
    int value = 0;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      value = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    sum += value * kOrganizationCodeWeights[i];
  }
  const int check = 11 - sum % 11;
  if (check == 10) return 'X';
  return static_cast<char>('0' + check % 11);
}

}  // namespace hub::model
