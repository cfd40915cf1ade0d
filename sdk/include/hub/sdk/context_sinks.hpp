// The hub's Context as the plain callables a connector's parts take (a log sink, a clock, counters, a
// cancellation check), so that those parts are written and tested without a Context. Header-only.
#ifndef HUB_SDK_CONTEXT_SINKS_HPP_
#define HUB_SDK_CONTEXT_SINKS_HPP_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string_view>

#include "hub/sdk/context.hpp"

namespace hub::sdk {

// Each callable holds a reference to `context`, which must outlive it (the plugin's Context outlives the
// connector instance and so whatever the connector makes in Configure). Thread-safe as the Context is.

// Logs through the context, asking LogEnabled first so that a message below the level costs nothing more.
inline std::function<void(LogLevel, std::string_view)> ContextLog(const Context& context) {
  return [&context](LogLevel level, std::string_view message) {
    if (context.LogEnabled(level)) context.Log(level, message);
  };
}

// The context's clock (which tests set), as a time point.
inline std::function<std::chrono::system_clock::time_point()> ContextClock(const Context& context) {
  return [&context] { return std::chrono::system_clock::time_point(std::chrono::milliseconds(context.NowUnixMs())); };
}

// The context's counters, for the hub's /metrics.
inline std::function<void(std::string_view, std::int64_t)> ContextCount(const Context& context) {
  return [&context](std::string_view counter, std::int64_t delta) { context.Count(counter, delta); };
}

// Whether the hub asks the current call to stop.
inline std::function<bool()> ContextCancelled(const Context& context) {
  return [&context] { return context.Cancelled(); };
}

}  // namespace hub::sdk

#endif  // HUB_SDK_CONTEXT_SINKS_HPP_
