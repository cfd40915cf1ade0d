#include "email/imap_replies.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

namespace hub::email {
namespace {

std::optional<std::uint32_t> Uid(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
  });
}

sdk::Status BadFetch(const ImapResponse& response, std::string_view why) {
  return sdk::Status::DataError("the IMAP server's FETCH response '" + response.text.substr(0, 80) + "' " +
                                std::string(why));
}

std::optional<int> Digits(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// One "* <n> FETCH (...)" response: its UID and BODY[] when it has both.
sdk::Result<std::optional<FetchedBody>> ParseFetch(const ImapResponse& response) {
  using Kind = ImapScanner::Kind;
  ImapScanner scanner(response);
  scanner.Next();  // "*"
  scanner.Next();  // the message's sequence number
  if (ImapScanner::Token name = scanner.Next(); !EqualsIgnoringCase(name.value, "FETCH"))
    return std::optional<FetchedBody>();
  if (scanner.Next().kind != Kind::kOpen) return BadFetch(response, "has no list of items");
  std::optional<std::uint32_t> uid;
  std::optional<std::string> body;
  std::optional<std::chrono::sys_seconds> internal_date;
  for (;;) {
    ImapScanner::Token item = scanner.Next();
    if (item.kind == Kind::kClose) break;
    if (item.kind != Kind::kAtom) return BadFetch(response, "does not parse");
    if (EqualsIgnoringCase(item.value, "UID")) {
      uid = Uid(scanner.Next().value);
      if (!uid) return BadFetch(response, "has a UID that is not a number");
    } else if (EqualsIgnoringCase(item.value, "BODY[]")) {
      ImapScanner::Token value = scanner.Next();
      if (value.kind != Kind::kString && value.kind != Kind::kNil)
        return BadFetch(response, "has a BODY[] that is no string");
      body = std::move(value.value);
    } else if (EqualsIgnoringCase(item.value, "INTERNALDATE")) {
      internal_date = ParseInternalDate(scanner.Next().value);
    } else if (!scanner.SkipValue()) {
      return BadFetch(response, "ends inside an item");
    }
  }
  if (!uid || !body) return std::optional<FetchedBody>();
  return std::optional<FetchedBody>(FetchedBody{*uid, std::move(*body), internal_date});
}

}  // namespace

std::optional<std::chrono::sys_seconds> ParseInternalDate(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (text.starts_with(' ')) text.remove_prefix(1);  // a space-padded day
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos || text.size() != dash + 24) return std::nullopt;
  const std::optional<int> day = Digits(text.substr(0, dash));
  const std::string_view month_name = text.substr(dash + 1, 3);
  const std::optional<int> year = Digits(text.substr(dash + 5, 4));
  const std::optional<int> hour = Digits(text.substr(dash + 10, 2));
  const std::optional<int> minute = Digits(text.substr(dash + 13, 2));
  const std::optional<int> second = Digits(text.substr(dash + 16, 2));
  const std::optional<int> zone = Digits(text.substr(dash + 20, 4));
  const char sign = text[dash + 19];
  const auto month = std::find(std::begin(kMonths), std::end(kMonths), month_name);
  if (!day || !year || !hour || !minute || !second || !zone || month == std::end(kMonths) ||
      (sign != '+' && sign != '-')) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(month - std::begin(kMonths) + 1)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  const std::chrono::minutes offset((*zone / 100) * 60 + *zone % 100);
  return std::chrono::sys_seconds(std::chrono::sys_days(date)) + std::chrono::hours(*hour) +
         std::chrono::minutes(*minute) + std::chrono::seconds(*second) - (sign == '+' ? offset : -offset);
}

std::optional<std::uint32_t> UidValidityOf(const ImapReply& reply) {
  constexpr std::string_view kCode = "[UIDVALIDITY ";
  for (const ImapResponse& response : reply.untagged) {
    const std::string_view text = response.text;
    const std::size_t at = text.find(kCode);
    if (!text.starts_with("* OK ") || at == std::string_view::npos) continue;
    const std::size_t start = at + kCode.size();
    const std::size_t end = text.find(']', start);
    if (end == std::string_view::npos) continue;
    if (std::optional<std::uint32_t> value = Uid(text.substr(start, end - start)); value && *value != 0) return value;
  }
  return std::nullopt;
}

sdk::Result<std::vector<std::uint32_t>> SearchedUids(const ImapReply& reply) {
  std::vector<std::uint32_t> uids;
  for (const ImapResponse& response : reply.untagged) {
    ImapScanner scanner(response);
    scanner.Next();  // "*"
    if (!EqualsIgnoringCase(scanner.Next().value, "SEARCH")) continue;
    for (ImapScanner::Token token = scanner.Next(); token.kind != ImapScanner::Kind::kEnd; token = scanner.Next()) {
      const std::optional<std::uint32_t> uid = Uid(token.value);
      if (!uid)
        return sdk::Status::DataError("the IMAP server's SEARCH response holds '" + token.value + "', not a UID");
      uids.push_back(*uid);
    }
  }
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  return uids;
}

sdk::Result<std::vector<FetchedBody>> FetchedBodies(ImapReply& reply) {
  std::vector<FetchedBody> bodies;
  for (ImapResponse& response : reply.untagged) {
    sdk::Result<std::optional<FetchedBody>> fetched = ParseFetch(response);
    if (!fetched.ok()) return fetched.status();
    if (*fetched) bodies.push_back(std::move(**fetched));
    response = ImapResponse();
  }
  return bodies;
}

}  // namespace hub::email
