#include "email/imap_cursor.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace hub::email {
namespace {

constexpr std::string_view kVersion = "imap1";

bool Escaped(unsigned char c) { return c == '%' || c == ';' || c == '=' || c <= 0x20 || c >= 0x7f; }

std::string PercentEncoded(std::string_view folder) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : folder) {
    const auto byte = static_cast<unsigned char>(c);
    if (!Escaped(byte)) {
      out.push_back(c);
      continue;
    }
    out.push_back('%');
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return out;
}

std::optional<std::string> PercentDecoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    unsigned value = 0;
    if (i + 2 >= text.size()) return std::nullopt;
    const auto [end, error] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
    if (error != std::errc() || end != text.data() + i + 3) return std::nullopt;
    out.push_back(static_cast<char>(value));
    i += 2;
  }
  return out;
}

std::optional<std::uint32_t> Number(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

sdk::Status Invalid(std::string_view entry, std::string_view why) {
  return sdk::Status::InvalidArgument("IMAP cursor entry '" + std::string(entry) + "' " + std::string(why) +
                                      " (expected <folder>=<uidvalidity>:<last uid>)");
}

}  // namespace

std::string FormatImapCursor(const ImapCursor& cursor) {
  std::string text(kVersion);
  for (const auto& [folder, position] : cursor) {
    text += ';' + PercentEncoded(folder) + '=' + std::to_string(position.uidvalidity) + ':' +
            std::to_string(position.last_uid);
  }
  return text;
}

sdk::Result<ImapCursor> ParseImapCursor(std::string_view text) {
  ImapCursor cursor;
  if (text.empty()) return cursor;
  if (text.substr(0, text.find(';')) != kVersion) {
    return sdk::Status::InvalidArgument("'" + std::string(text.substr(0, 40)) + "' is not an IMAP cursor (it starts " +
                                        std::string(kVersion) + ")");
  }
  std::size_t start = kVersion.size();
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(';', start + 1), text.size());
    const std::string_view entry = text.substr(start + 1, end - start - 1);
    start = end;
    const std::size_t equals = entry.rfind('=');
    const std::size_t colon = entry.rfind(':');
    if (equals == std::string_view::npos || colon == std::string_view::npos || colon < equals) {
      return Invalid(entry, "is not of the form");
    }
    const std::optional<std::string> folder = PercentDecoded(entry.substr(0, equals));
    const std::optional<std::uint32_t> uidvalidity = Number(entry.substr(equals + 1, colon - equals - 1));
    const std::optional<std::uint32_t> last_uid = Number(entry.substr(colon + 1));
    if (!folder || folder->empty()) return Invalid(entry, "has no folder name");
    if (!uidvalidity || !last_uid) return Invalid(entry, "has a UIDVALIDITY or UID that is not a number");
    cursor[*folder] = ImapFolderPosition{*uidvalidity, *last_uid};
  }
  return cursor;
}

}  // namespace hub::email
