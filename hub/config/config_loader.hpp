// Loading the service's XML configuration file into a validated HubConfig (format: docs/CONFIGURATION.md).
#ifndef HUB_CONFIG_CONFIG_LOADER_HPP_
#define HUB_CONFIG_CONFIG_LOADER_HPP_

#include <filesystem>
#include <optional>
#include <vector>

#include "config/config_error.hpp"
#include "config/hub_config.hpp"
#include "config/secret_resolver.hpp"

namespace hub::config {

// A HubConfig when the file is valid; otherwise every error found, in line order, and no config.
struct ConfigLoadResult {
  std::optional<HubConfig> config;
  std::vector<ConfigError> errors;

  bool ok() const { return config.has_value() && errors.empty(); }
};

// Reads, validates and resolves the configuration file `file`.
//
// Every element and attribute is checked (unknown ones are refused), secret references ${env:NAME} and
// ${file:PATH} are resolved through `env` and the file's folder, relative paths are made absolute against
// that folder, and cross-references (a job's connector) are checked. Errors are collected, not stopped at:
// each is located at `file` as given (relative paths stay relative in messages) and its line; a missing,
// unreadable or malformed file yields one error. On success HubConfig::file is absolute and base_dir is its
// folder. Connector options are kept as written; validate them with ValidateConnectorOptions once the
// plugins are loaded.
//
// Never throws; thread-safe when `env` is (the default reads the process environment).
ConfigLoadResult LoadConfig(const std::filesystem::path& file, const EnvLookup& env = ProcessEnvironment());

}  // namespace hub::config

#endif  // HUB_CONFIG_CONFIG_LOADER_HPP_
