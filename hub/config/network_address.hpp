// Checks on the API's listening address.
#ifndef HUB_CONFIG_NETWORK_ADDRESS_HPP_
#define HUB_CONFIG_NETWORK_ADDRESS_HPP_

#include <string_view>

namespace hub::config {

// True for addresses reachable only from this machine: IPv4 127.0.0.0/8, IPv6 ::1 (and ::ffff:127.x.y.z),
// and the name "localhost" in any case. Pure function, thread-safe.
bool IsLoopbackAddress(std::string_view address);

// True for an IPv4 or IPv6 literal, or a host name made of dot-separated labels of letters, digits and
// '-' (at most 253 characters). Pure function, thread-safe.
bool IsValidListenAddress(std::string_view address);

}  // namespace hub::config

#endif  // HUB_CONFIG_NETWORK_ADDRESS_HPP_
