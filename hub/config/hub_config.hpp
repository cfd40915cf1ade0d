// The service's configuration as loaded from one XML file (see docs/CONFIGURATION.md).
#ifndef HUB_CONFIG_HUB_CONFIG_HPP_
#define HUB_CONFIG_HUB_CONFIG_HPP_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/logging.hpp"

namespace hub::config {

// Where something was written: "config/hub.xml:12".
struct SourceLocation {
  std::filesystem::path file;
  int line = 0;
  std::string ToString() const { return file.string() + ":" + std::to_string(line); }
};

struct StoreConfig {
  std::vector<std::string> connection_strings;  // priority order; secrets already resolved
};

enum class Role { kRead = 1, kOperate = 2, kAdmin = 3 };  // each role includes the ones below it

struct TokenConfig {
  std::string name;        // who holds it, for logs and audit
  std::string sha256_hex;  // lowercase hex SHA-256 of the bearer token; the token itself is never configured
  Role role = Role::kRead;
};

struct TlsConfig {
  std::filesystem::path certificate_chain;  // PEM, absolute
  std::filesystem::path private_key;        // PEM, absolute
};

struct ApiConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t max_body_bytes = 1 << 20;
  std::chrono::milliseconds request_timeout{30'000};
  std::optional<TlsConfig> tls;
  // false only when <auth required="false"/> is written, and allowed only on a loopback address.
  bool auth_required = true;
  std::vector<TokenConfig> tokens;
};

struct RuntimeConfig {
  int io_threads = 2;      // Asio threads serving the API and timers
  int worker_threads = 4;  // blocking work: connector reads, store access
};

// One configured connector instance: <connector name="crm" plugin="file"> with its option elements.
struct ConnectorConfig {
  std::string name;
  std::string plugin;
  SourceLocation location;
  struct Option {
    std::string name;
    std::string value;  // ${env:..}/${file:..} already resolved
    SourceLocation location;
  };
  std::vector<Option> options;  // as written; validated against the plugin's schema separately
};

// <job name="customers" connector="crm" cron="*/5 * * * *"/> or every="5m"; neither: run on demand only.
struct JobConfig {
  std::string name;
  std::string connector;
  std::string cron;                                // empty unless a cron expression was given
  std::optional<std::chrono::milliseconds> every;  // set when an interval was given
  std::size_t batch_size = 1000;
  SourceLocation location;
};

struct HubConfig {
  std::filesystem::path file;      // absolute path of the file loaded
  std::filesystem::path base_dir;  // its folder: relative paths inside are resolved against it
  std::string instance_name = "hub";
  StoreConfig store;
  std::filesystem::path plugin_dir;  // absolute
  ApiConfig api;
  RuntimeConfig runtime;
  LogSettings logging;
  std::vector<ConnectorConfig> connectors;
  std::vector<JobConfig> jobs;

  const ConnectorConfig* FindConnector(std::string_view name) const {
    for (const auto& connector : connectors) {
      if (connector.name == name) return &connector;
    }
    return nullptr;
  }
};

}  // namespace hub::config

#endif  // HUB_CONFIG_HUB_CONFIG_HPP_
