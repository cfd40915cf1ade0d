// The mapping the call_center connector ships, embedded from mappings/*.xml at build time.
#ifndef HUB_CONNECTORS_CALL_CENTER_DEFAULT_MAPPINGS_HPP_
#define HUB_CONNECTORS_CALL_CENTER_DEFAULT_MAPPINGS_HPP_

#include <vector>

#include "hub/sdk/options.hpp"

namespace hub::call_center {

// `asterisk_call`: a call out of Asterisk's CDRs onto activity (mappings/asterisk_call.xml). Pure; thread-safe.
std::vector<sdk::DefaultMapping> DefaultMappings();

}  // namespace hub::call_center

#endif  // HUB_CONNECTORS_CALL_CENTER_DEFAULT_MAPPINGS_HPP_
