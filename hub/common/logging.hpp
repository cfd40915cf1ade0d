// Structured logging for the whole service: one line per event, text or JSON, tagged by component.
#ifndef HUB_COMMON_LOGGING_HPP_
#define HUB_COMMON_LOGGING_HPP_

#include <memory>
#include <string>
#include <string_view>

#include <spdlog/logger.h>

namespace hub {

using Logger = std::shared_ptr<spdlog::logger>;

enum class LogFormat { kText, kJson };

struct LogSettings {
  spdlog::level::level_enum level = spdlog::level::info;
  LogFormat format = LogFormat::kText;
  std::string file;  // empty: stderr
};

// Replaces the sinks and format of every logger made by MakeLogger, now and later. Thread-safe.
void ConfigureLogging(const LogSettings& settings);

// A logger tagged with `component` (e.g. "api", "connector.crm"), sharing the configured sinks.
// Loggers made before a ConfigureLogging call follow it.
Logger MakeLogger(std::string_view component);

// Parses "trace", "debug", "info", "warn", "error", "off".
bool ParseLogLevel(std::string_view text, spdlog::level::level_enum* level);

}  // namespace hub

#endif  // HUB_COMMON_LOGGING_HPP_
