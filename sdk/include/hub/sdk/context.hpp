// What the hub lends a connector: logging, time, cancellation, secrets and counters.
#ifndef HUB_SDK_CONTEXT_HPP_
#define HUB_SDK_CONTEXT_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hub/sdk/abi.h"
#include "hub/sdk/status.hpp"

namespace hub::sdk {

enum class LogLevel : int {
  kTrace = HUB_LOG_TRACE,
  kDebug = HUB_LOG_DEBUG,
  kInfo = HUB_LOG_INFO,
  kWarn = HUB_LOG_WARN,
  kError = HUB_LOG_ERROR,
};

// The connector's view of its host. Lives longer than the connector; every method is thread-safe.
// Log lines are tagged by the host with the connector instance's name. Check LogEnabled before building
// an expensive message. Long reads should poll Cancelled() and return Status::Cancelled promptly.
class Context {
 public:
  virtual ~Context() = default;
  virtual bool LogEnabled(LogLevel level) const = 0;
  virtual void Log(LogLevel level, std::string_view message) const = 0;
  // Milliseconds since the Unix epoch, UTC; tests inject a fixed clock through it.
  virtual std::int64_t NowUnixMs() const = 0;
  virtual bool Cancelled() const = 0;
  // Resolves "${env:NAME}" or "${file:PATH}" now (for secrets that rotate while the hub runs).
  virtual Result<std::string> ResolveSecret(std::string_view reference) const = 0;
  // Adds `delta` to the connector instance's counter `counter` ("files_archived", "bytes_read"), which the
  // hub publishes in /metrics as hub_connector_events_total{connector,counter}. Does nothing on a hub too old
  // to count (before ABI 1.2). Counter names are [a-z0-9_]+ by convention; keep their number small and fixed.
  virtual void Count(std::string_view counter, std::int64_t delta) const {
    (void)counter;
    (void)delta;
  }

  void Info(std::string_view message) const { LogIf(LogLevel::kInfo, message); }
  void Warn(std::string_view message) const { LogIf(LogLevel::kWarn, message); }
  void Error(std::string_view message) const { LogIf(LogLevel::kError, message); }
  void Debug(std::string_view message) const { LogIf(LogLevel::kDebug, message); }

 private:
  void LogIf(LogLevel level, std::string_view message) const {
    if (LogEnabled(level)) Log(level, message);
  }
};

}  // namespace hub::sdk

#endif  // HUB_SDK_CONTEXT_HPP_
