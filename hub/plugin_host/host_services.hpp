// What the hub lends each connector instance: logging, time, cancellation, secrets and counters.
#ifndef HUB_PLUGIN_HOST_HOST_SERVICES_HPP_
#define HUB_PLUGIN_HOST_HOST_SERVICES_HPP_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "hub/sdk/status.hpp"

namespace hub::plugin_host {

// Resolves a secret reference ("${env:NAME}", "${file:PATH}") to its value, or says why it cannot.
// Called from whichever thread the connector uses: must be thread-safe.
using SecretResolver = std::function<sdk::Result<std::string>(std::string_view reference)>;

// Adds `delta` to the instance's counter `counter` (Context::Count). Called from whichever thread the connector
// uses: must be thread-safe and must not throw.
using CounterSink = std::function<void(std::string_view counter, std::int64_t delta)>;

// The services behind one connector instance's hub_host_api. `clock` must outlive the instance.
// A null `logger` becomes MakeLogger("connector.<instance>"); an empty `resolve_secret` fails every
// reference with NotFound; an empty `add_count` drops every count.
struct HostServices {
  Logger logger;  // tagged "connector.<instance>"
  const Clock& clock;
  CancellationToken cancellation;
  SecretResolver resolve_secret;
  CounterSink add_count = {};
};

}  // namespace hub::plugin_host

#endif  // HUB_PLUGIN_HOST_HOST_SERVICES_HPP_
