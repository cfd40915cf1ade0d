// The host side of hub_host_api: routes a plugin's callbacks to HostServices. Private to plugin_host.
#ifndef HUB_PLUGIN_HOST_HOST_BRIDGE_HPP_
#define HUB_PLUGIN_HOST_HOST_BRIDGE_HPP_

#include <cstdint>
#include <mutex>

#include "hub/sdk/abi.h"
#include "plugin_host/host_services.hpp"

namespace hub::plugin_host {

// Owns the hub_host_api table lent to one hub_connector. The plugin keeps the table's address, so this
// object never moves and must outlive the connector. Every callback is thread-safe and never throws:
// log levels map to spdlog levels, now_unix_ms reads the Clock, is_cancelled the current token, and
// resolve_secret goes through the resolver with failures returned as hub_error, and add_count goes to the
// services' counter sink (dropped when there is none).
class HostBridge {
 public:
  explicit HostBridge(HostServices services);
  HostBridge(const HostBridge&) = delete;
  HostBridge& operator=(const HostBridge&) = delete;

  const hub_host_api* api() const { return &api_; }

  // Replaces the token is_cancelled reads (a new run gets a fresh token). Thread-safe.
  void SetCancellation(CancellationToken token);

 private:
  static int32_t LogEnabled(void* host, int32_t level) noexcept;
  static void Log(void* host, int32_t level, hub_str message) noexcept;
  static int64_t NowUnixMs(void* host) noexcept;
  static int32_t IsCancelled(void* host) noexcept;
  static int32_t ResolveSecret(void* host, hub_str reference, hub_string_sink sink, void* sink_context,
                               hub_error* error) noexcept;
  static void AddCount(void* host, hub_str counter, int64_t delta) noexcept;

  HostServices services_;
  // The plugin may poll is_cancelled from its own threads while the owner swaps the token.
  mutable std::mutex cancellation_mutex_;
  CancellationToken cancellation_;  // guarded by cancellation_mutex_
  hub_host_api api_{};
};

}  // namespace hub::plugin_host

#endif  // HUB_PLUGIN_HOST_HOST_BRIDGE_HPP_
