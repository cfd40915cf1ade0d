#include "config/secret_resolver.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

namespace hub::config {
namespace {

constexpr std::string_view kEnvPrefix = "env:";
constexpr std::string_view kFilePrefix = "file:";
constexpr std::uintmax_t kMaxSecretFileBytes = 1 << 20;
constexpr std::string_view kSyntaxHint = "use ${env:NAME}, ${file:PATH}, or $${ for a literal ${";

bool IsEnvName(std::string_view name) {
  if (name.empty() || (name.front() >= '0' && name.front() <= '9')) return false;
  for (char c : name) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && !(c >= '0' && c <= '9') && c != '_') return false;
  }
  return true;
}

std::string TrimTrailingNewlines(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

EnvLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

SecretResolver::SecretResolver(std::filesystem::path base_dir, EnvLookup env)
    : base_dir_(std::move(base_dir)), env_(std::move(env)) {}

bool SecretResolver::HasReference(std::string_view text) { return text.find("${") != std::string_view::npos; }

sdk::Result<std::string> SecretResolver::Expand(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text.compare(pos, 3, "$${") == 0) {
      out += "${";
      pos += 3;
      continue;
    }
    if (text.compare(pos, 2, "${") != 0) {
      out += text[pos++];
      continue;
    }
    std::size_t close = text.find('}', pos + 2);
    if (close == std::string_view::npos) {
      return sdk::Status::InvalidArgument("unterminated '${' (missing '}'); " + std::string(kSyntaxHint));
    }
    auto value = ResolveBody(text.substr(pos + 2, close - pos - 2));
    if (!value.ok()) return value.status();
    out += *value;
    pos = close + 1;
  }
  return out;
}

sdk::Result<std::string> SecretResolver::Resolve(std::string_view reference) const {
  bool whole = reference.size() > 3 && reference.substr(0, 2) == "${" && reference.back() == '}' &&
               reference.find('}') == reference.size() - 1;
  if (!whole) {
    return sdk::Status::InvalidArgument("a secret reference must be exactly ${env:NAME} or ${file:PATH}");
  }
  return ResolveBody(reference.substr(2, reference.size() - 3));
}

sdk::Result<std::string> SecretResolver::ResolveBody(std::string_view body) const {
  if (body.substr(0, kEnvPrefix.size()) == kEnvPrefix) return ReadEnv(body.substr(kEnvPrefix.size()));
  if (body.substr(0, kFilePrefix.size()) == kFilePrefix) return ReadFile(body.substr(kFilePrefix.size()));
  return sdk::Status::InvalidArgument("unknown reference '${" + std::string(body) + "}'; " + std::string(kSyntaxHint));
}

sdk::Result<std::string> SecretResolver::ReadEnv(std::string_view name) const {
  if (!IsEnvName(name)) {
    return sdk::Status::InvalidArgument("'${env:" + std::string(name) +
                                        "}' does not name an environment variable (letters, digits, _)");
  }
  std::optional<std::string> value = env_(std::string(name));
  if (!value) return sdk::Status::NotFound("environment variable '" + std::string(name) + "' is not set");
  return std::move(*value);
}

sdk::Result<std::string> SecretResolver::ReadFile(std::string_view path_text) const {
  if (path_text.empty()) return sdk::Status::InvalidArgument("'${file:}' names no file");
  std::filesystem::path path = (base_dir_ / std::filesystem::path(path_text)).lexically_normal();
  std::string shown = "secret file '" + path.string() + "'";
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return sdk::Status::NotFound(shown + " does not exist or is not a regular file");
  }
  if (std::filesystem::file_size(path, error) > kMaxSecretFileBytes) {
    return sdk::Status::InvalidArgument(shown + " is larger than 1 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return sdk::Status::IoError("cannot open " + shown + ": " + std::strerror(errno));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return sdk::Status::IoError("cannot read " + shown + ": " + std::strerror(errno));
  return TrimTrailingNewlines(std::move(content));
}

}  // namespace hub::config
