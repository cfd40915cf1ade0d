// Everything a hub command needs before it does anything: the configuration, the plugins, and every
// connector's options and job's schedule checked against them.
#ifndef HUB_SERVICE_HUB_SETUP_HPP_
#define HUB_SERVICE_HUB_SETUP_HPP_

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/logging.hpp"
#include "config/config_error.hpp"
#include "config/hub_config.hpp"
#include "hub/sdk/options.hpp"
#include "plugin_host/plugin_registry.hpp"
#include "runtime/schedule.hpp"
#include "sync/mapping/mapping_set.hpp"

namespace hub::service {

// A configuration that passed every check, with what was derived from it. Immutable once built; shared
// (read-only) between the threads of the service.
struct HubSetup {
  config::HubConfig config;
  std::shared_ptr<const plugin_host::PluginRegistry> plugins;
  std::map<std::string, sdk::Options, std::less<>> connector_options;  // by connector name
  std::map<std::string, Schedule, std::less<>> schedules;              // by job name
  // By job name, one for every sync job (its mappings, use= resolved); shared with the store sink's runs in flight.
  std::map<std::string, sync::mapping::MappingSet, std::less<>> mappings;
  // What is valid but most likely not meant ("file:line: warning: ..."), for check-config and the log.
  std::vector<config::ConfigError> warnings;
};

// A HubSetup, or every error found: "file:line: message" for the configuration, one line each.
struct HubSetupResult {
  std::shared_ptr<const HubSetup> setup;
  std::vector<config::ConfigError> errors;
  bool ok() const { return setup != nullptr; }
};

// The plugin folders `config` names, in search order: its configured folders (required to exist), then
// the system folder (skipped when missing) unless <plugins system="false">.
std::vector<plugin_host::PluginFolder> PluginFolders(const config::HubConfig& config);

// Loads `config_file`, loads the plugins of its plugin folders, validates each connector's options against
// its plugin's schema (a connector naming a missing or refused plugin is an error at its line, with the
// refusal reason), checks that each job's connector can do what the job asks (read records, receive
// events), that subscriptions name the model's entities and event kinds and that each customer-care job's
// time zone is known, parses each job's schedule,
// resolves each <mapping use="..."> against the plugin's default mappings (config.jobs[].mappings then hold
// what they took) and compiles each sync job's mappings against the model, and notes the
// warnings (a job whose mapping's id= and connector's record id option name different fields). Never
// throws; thread-safe.
HubSetupResult LoadHubSetup(const std::filesystem::path& config_file, const Logger& log);

}  // namespace hub::service

#endif  // HUB_SERVICE_HUB_SETUP_HPP_
