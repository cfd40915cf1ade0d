// The one line that turns a Connector subclass into a hub plugin:
//
//   HUB_EXPORT_CONNECTOR(my_ns::MyConnector)
//
// Write it once, at global scope, in one .cpp file of the plugin. It exports, through Boost.DLL, the ABI
// record (read by the hub before anything else) and the entry point returning the plugin's C function table.
#ifndef HUB_SDK_EXPORT_HPP_
#define HUB_SDK_EXPORT_HPP_

#include <boost/dll/alias.hpp>

#include "hub/sdk/detail/plugin_adapter.hpp"

#define HUB_EXPORT_CONNECTOR(ConnectorClass)                                                                \
  namespace hub_plugin_export_internal {                                                                    \
  inline const hub_plugin_api* Entry() { return ::hub::sdk::detail::PluginAdapter<ConnectorClass>::Api(); } \
  }                                                                                                         \
  BOOST_DLL_ALIAS(::hub::sdk::detail::kAbiRecord, hub_plugin_abi)                                           \
  BOOST_DLL_ALIAS(hub_plugin_export_internal::Entry, hub_plugin_entry)

#endif  // HUB_SDK_EXPORT_HPP_
