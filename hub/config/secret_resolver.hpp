// Secret references inside configuration values: ${env:NAME} and ${file:PATH}.
#ifndef HUB_CONFIG_SECRET_RESOLVER_HPP_
#define HUB_CONFIG_SECRET_RESOLVER_HPP_

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::config {

// Looks up one environment variable: its value, or nullopt when it is not set. Injected so that tests
// never mutate the process environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// The process environment (std::getenv). Safe to call from any thread as long as nobody calls setenv.
EnvLookup ProcessEnvironment();

// Expands secret references in configuration text, at load time (LoadConfig) and at run time (the
// connector Context's ResolveSecret, for secrets that rotate while the hub runs).
//
//   ${env:NAME}  the value of environment variable NAME (letters, digits, '_'; not starting with a digit);
//                an unset variable is an error naming NAME.
//   ${file:PATH} the content of PATH (relative to base_dir unless absolute), trailing '\r'/'\n' removed;
//                a missing or unreadable file is an error naming PATH. At most 1 MiB.
//   $${          a literal "${".
// Any other "${...}", or a "${" without its '}', is an error. Expanded values are not scanned again.
//
// Error messages name the reference (variable name, file path) and never contain a resolved value.
// Immutable after construction; Expand and Resolve are thread-safe when the EnvLookup is.
class SecretResolver {
 public:
  explicit SecretResolver(std::filesystem::path base_dir, EnvLookup env = ProcessEnvironment());

  // `text` with every reference replaced by its value and every "$${" by "${".
  sdk::Result<std::string> Expand(std::string_view text) const;

  // The value of `reference`, which must be exactly one "${env:NAME}" or "${file:PATH}" and nothing else.
  sdk::Result<std::string> Resolve(std::string_view reference) const;

  // True when `text` holds at least one "${" (a reference, an escape or a malformed one): callers show
  // such text as written, never expanded, in their own messages.
  static bool HasReference(std::string_view text);

  const std::filesystem::path& base_dir() const { return base_dir_; }

 private:
  // The value of the reference body between "${" and "}" (e.g. "env:DB_PASSWORD").
  sdk::Result<std::string> ResolveBody(std::string_view body) const;
  sdk::Result<std::string> ReadEnv(std::string_view name) const;
  sdk::Result<std::string> ReadFile(std::string_view path) const;

  std::filesystem::path base_dir_;
  EnvLookup env_;
};

}  // namespace hub::config

#endif  // HUB_CONFIG_SECRET_RESOLVER_HPP_
