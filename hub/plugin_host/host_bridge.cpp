#include "plugin_host/host_bridge.hpp"

#include <chrono>
#include <exception>
#include <string>
#include <utility>

#include "hub/sdk/detail/c_bridge.hpp"

namespace hub::plugin_host {
namespace {

// Out-of-range levels from a plugin are clamped rather than refused: a log line is never worth an error.
spdlog::level::level_enum ToSpdlog(int32_t level) {
  if (level <= HUB_LOG_TRACE) return spdlog::level::trace;
  switch (level) {
    case HUB_LOG_DEBUG:
      return spdlog::level::debug;
    case HUB_LOG_INFO:
      return spdlog::level::info;
    case HUB_LOG_WARN:
      return spdlog::level::warn;
    default:
      return spdlog::level::err;
  }
}

HostBridge& Self(void* host) { return *static_cast<HostBridge*>(host); }

}  // namespace

HostBridge::HostBridge(HostServices services) : services_(std::move(services)), cancellation_(services_.cancellation) {
  api_.struct_size = sizeof(api_);
  api_.host = this;
  api_.log_enabled = &HostBridge::LogEnabled;
  api_.log = &HostBridge::Log;
  api_.now_unix_ms = &HostBridge::NowUnixMs;
  api_.is_cancelled = &HostBridge::IsCancelled;
  api_.resolve_secret = &HostBridge::ResolveSecret;
  api_.add_count = &HostBridge::AddCount;
}

void HostBridge::SetCancellation(CancellationToken token) {
  std::lock_guard lock(cancellation_mutex_);
  cancellation_ = std::move(token);
}

int32_t HostBridge::LogEnabled(void* host, int32_t level) noexcept {
  return Self(host).services_.logger->should_log(ToSpdlog(level)) ? 1 : 0;
}

void HostBridge::Log(void* host, int32_t level, hub_str message) noexcept {
  std::string_view text = sdk::detail::FromC(message);
  try {
    Self(host).services_.logger->log(ToSpdlog(level), spdlog::string_view_t(text.data(), text.size()));
  } catch (...) {
    // A log line that cannot be written must not take the connector down.
  }
}

int64_t HostBridge::NowUnixMs(void* host) noexcept {
  auto since_epoch = Self(host).services_.clock.Now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
}

int32_t HostBridge::IsCancelled(void* host) noexcept {
  HostBridge& self = Self(host);
  std::lock_guard lock(self.cancellation_mutex_);
  return self.cancellation_.Cancelled() ? 1 : 0;
}

int32_t HostBridge::ResolveSecret(void* host, hub_str reference, hub_string_sink sink, void* sink_context,
                                  hub_error* error) noexcept {
  const SecretResolver& resolve = Self(host).services_.resolve_secret;
  try {
    if (!resolve) return sdk::detail::ExportError(sdk::Status::NotFound("this hub resolves no secrets"), error);
    sdk::Result<std::string> value = resolve(sdk::detail::FromC(reference));
    if (!value.ok()) return sdk::detail::ExportError(value.status(), error);
    sink(sink_context, sdk::detail::ToC(*value));
    return HUB_STATUS_OK;
  } catch (const std::exception& e) {
    return sdk::detail::ExportError(sdk::Status::Internal(std::string("secret resolver failed: ") + e.what()), error);
  }
}

void HostBridge::AddCount(void* host, hub_str counter, int64_t delta) noexcept {
  const CounterSink& add = Self(host).services_.add_count;
  if (!add) return;
  try {
    add(sdk::detail::FromC(counter), delta);
  } catch (...) {
    // A count that cannot be kept must not take the connector down.
  }
}

}  // namespace hub::plugin_host
