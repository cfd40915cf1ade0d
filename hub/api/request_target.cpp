#include "api/request_target.hpp"

namespace hub::api {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Adds "name=value" (either side still encoded) to `query`; false when an escape is malformed.
bool AddQueryParameter(std::string_view pair, std::map<std::string, std::string>& query) {
  if (pair.empty()) return true;
  auto equals = pair.find('=');
  auto name = PercentDecode(pair.substr(0, equals), true);
  auto value = PercentDecode(equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
  if (!name || !value) return false;
  query[*name] = std::move(*value);
  return true;
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      decoded.push_back(' ');
    } else if (c != '%') {
      decoded.push_back(c);
    } else {
      int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
      int low = high >= 0 ? HexValue(text[i + 2]) : -1;
      if (low < 0 || (high == 0 && low == 0)) return std::nullopt;
      decoded.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    }
  }
  return decoded;
}

sdk::Result<RequestTarget> ParseTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return sdk::Status::InvalidArgument("request target must start with '/'");
  }
  auto question = target.find('?');
  RequestTarget parsed;
  parsed.path = std::string(target.substr(0, question));
  if (!PercentDecode(parsed.path, false)) return sdk::Status::InvalidArgument("malformed %-escape in the path");
  if (question == std::string_view::npos) return parsed;
  std::string_view rest = target.substr(question + 1);
  while (true) {
    auto ampersand = rest.find('&');
    if (!AddQueryParameter(rest.substr(0, ampersand), parsed.query)) {
      return sdk::Status::InvalidArgument("malformed %-escape in the query string");
    }
    if (ampersand == std::string_view::npos) break;
    rest.remove_prefix(ampersand + 1);
  }
  return parsed;
}

}  // namespace hub::api
