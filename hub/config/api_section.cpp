// <api>: where the HTTP API listens, its limits, TLS, and who may call it.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <limits>
#include <string>

#include "config/element_reader.hpp"
#include "config/network_address.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::int64_t kMaxBodyBytes = std::int64_t{1} << 30;
constexpr std::int64_t kMaxConnections = 1'000'000;
constexpr std::size_t kSha256HexLength = 64;

bool IsTokenName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == '@';
  });
}

// The lowercase hex digest, or nullopt. The value is never echoed: an operator may have pasted the
// token itself instead of its hash.
std::optional<std::string> ReadSha256(LoadContext& context, pugi::xml_node token) {
  auto value = ReadAttribute(context, token, "sha256", Presence::kRequired);
  if (!value) return std::nullopt;
  std::string hex = value->text;
  std::transform(hex.begin(), hex.end(), hex.begin(), [](unsigned char c) { return std::tolower(c); });
  bool valid = hex.size() == kSha256HexLength && std::all_of(hex.begin(), hex.end(), [](char c) {
                 return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
               });
  if (!valid) {
    context.Error(value->location,
                  "<token> attribute 'sha256': expected the token's SHA-256 as 64 hex digits "
                  "(e.g. from: printf %s TOKEN | sha256sum), got " +
                      std::to_string(value->text.size()) + " characters");
    return std::nullopt;
  }
  return hex;
}

std::optional<std::string> ReadTokenName(LoadContext& context, pugi::xml_node token) {
  auto name = ReadAttribute(context, token, "name", Presence::kRequired);
  if (!name) return std::nullopt;
  if (!IsTokenName(name->text)) {
    context.Error(name->location,
                  "<token> attribute 'name': '" + name->shown + "' is not a name (letters, digits, _ - . @ only)");
    return std::nullopt;
  }
  return std::move(name->text);
}

std::optional<TokenConfig> ReadToken(LoadContext& context, pugi::xml_node token) {
  CheckShape(context, token, {.attributes = {"name", "role", "sha256"}});
  auto name = ReadTokenName(context, token);
  auto role = ReadChoice(context, token, "role", {"read", "operate", "admin"}, Presence::kRequired);
  auto sha256 = ReadSha256(context, token);
  if (!name || !role || !sha256) return std::nullopt;
  Role level = *role == "admin" ? Role::kAdmin : *role == "operate" ? Role::kOperate : Role::kRead;
  return TokenConfig{std::move(*name), std::move(*sha256), level};
}

void ParseAuth(LoadContext& context, pugi::xml_node auth, const ReadValue& address, ApiConfig* out) {
  CheckShape(context, auth, {.attributes = {"required"}, .children = {"token"}});
  if (auto required = ReadBoolean(context, auth, "required")) out->auth_required = *required;
  if (!out->auth_required && !IsLoopbackAddress(address.text)) {
    context.Error(context.At(auth),
                  "<auth required=\"false\"> is allowed only when <api address> is a loopback "
                  "address (127.0.0.0/8, ::1, localhost), and '" +
                      address.shown + "' is not; remove it or listen on 127.0.0.1");
  }
  UniqueNames names("token name");
  UniqueNames digests("token sha256");
  for (pugi::xml_node element : auth.children("token")) {
    auto token = ReadToken(context, element);
    if (!token || !names.Add(context, token->name, context.At(element))) continue;
    if (!digests.Add(context, token->sha256_hex, context.At(element))) continue;
    out->tokens.push_back(std::move(*token));
  }
}

// The path of a <tls> file, which must be readable now so that a typo fails at load rather than at the
// first connection.
std::optional<std::filesystem::path> ReadTlsFile(LoadContext& context, pugi::xml_node tls, const char* name) {
  auto path = ReadPath(context, tls, name, Presence::kRequired);
  if (!path) return std::nullopt;
  std::error_code error;
  if (!std::filesystem::is_regular_file(*path, error) || !std::ifstream(*path).is_open()) {
    context.Error(context.At(tls.attribute(name)), std::string("<tls> attribute '") + name + "': cannot read '" +
                                                       path->string() + "' (missing, not a file, or no permission)");
    return std::nullopt;
  }
  return path;
}

void ParseTls(LoadContext& context, pugi::xml_node tls, ApiConfig* out) {
  CheckShape(context, tls, {.attributes = {"certificate", "key"}});
  auto certificate = ReadTlsFile(context, tls, "certificate");
  auto key = ReadTlsFile(context, tls, "key");
  if (certificate && key) out->tls = TlsConfig{std::move(*certificate), std::move(*key)};
}

ReadValue ReadAddress(LoadContext& context, pugi::xml_node api, const std::string& fallback) {
  auto address = ReadAttribute(context, api, "address", Presence::kOptional);
  if (!address) return {fallback, fallback, context.At(api)};
  if (!IsValidListenAddress(address->text)) {
    context.Error(address->location,
                  "<api> attribute 'address': '" + address->shown + "' is not an IP address or host name");
  }
  return *address;
}

void ParseConnectionLimits(LoadContext& context, pugi::xml_node api, ApiConfig* out) {
  if (auto count = ReadInteger(context, api, "max_connections", 1, kMaxConnections)) {
    out->max_connections = static_cast<std::size_t>(*count);
  }
  if (auto count = ReadInteger(context, api, "max_connections_per_client", 1, kMaxConnections)) {
    out->max_connections_per_client = static_cast<std::size_t>(*count);
  }
}

}  // namespace

void ParseApi(LoadContext& context, pugi::xml_node api, ApiConfig* out) {
  CheckShape(context, api,
             {.attributes = {"address", "port", "max_body_bytes", "request_timeout", "idle_timeout", "max_connections",
                             "max_connections_per_client", "calls_source_system", "leads_source_system"},
              .children = {"tls", "auth"}});
  ReadValue address = ReadAddress(context, api, out->address);
  out->address = address.text;
  if (auto port = ReadInteger(context, api, "port", 0, std::numeric_limits<std::uint16_t>::max())) {
    out->port = static_cast<std::uint16_t>(*port);
  }
  if (auto bytes = ReadInteger(context, api, "max_body_bytes", 1, kMaxBodyBytes)) {
    out->max_body_bytes = static_cast<std::size_t>(*bytes);
  }
  if (auto timeout = ReadDuration(context, api, "request_timeout")) out->request_timeout = *timeout;
  auto idle = ReadDuration(context, api, "idle_timeout");
  out->idle_timeout = idle ? *idle : out->request_timeout;
  ParseConnectionLimits(context, api, out);
  if (api.attribute("calls_source_system")) {
    if (auto system = ReadIdentifier(context, api, "calls_source_system")) out->calls_source_system = *system;
  }
  if (api.attribute("leads_source_system")) {
    if (auto system = ReadIdentifier(context, api, "leads_source_system")) out->leads_source_system = *system;
  }
  if (pugi::xml_node tls = SingleChild(context, api, "tls")) ParseTls(context, tls, out);
  if (pugi::xml_node auth = SingleChild(context, api, "auth")) ParseAuth(context, auth, address, out);
}

}  // namespace hub::config
