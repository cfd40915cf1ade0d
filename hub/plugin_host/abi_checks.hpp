// The loader's and the connector wrapper's checks of what a plugin hands over the C ABI, before the host
// trusts it. Pure functions over plain structs: no plugin code runs here. Private to plugin_host.
#ifndef HUB_PLUGIN_HOST_ABI_CHECKS_HPP_
#define HUB_PLUGIN_HOST_ABI_CHECKS_HPP_

#include <cstdint>
#include <string>

#include "hub/sdk/abi.h"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::plugin_host {

// "1.0".
std::string AbiVersionText(std::uint32_t major, std::uint32_t minor);

// The exported ABI record is large enough to hold its 1.0 members; only then are its versions readable.
sdk::Status CheckAbiRecordSize(const hub_abi_record& record);

// The record's ABI against this hub's: same major, minor not newer. An error says what to rebuild or upgrade.
sdk::Status CheckAbiVersion(const hub_abi_record& record);

// The table the entry point returned: present, large enough, versions equal to the ABI record's, every
// function present.
sdk::Status CheckApiTable(const hub_plugin_api* api, const hub_abi_record& record);

// The raw info from get_info, before it is copied: present, large enough, option table present, and (ABI 1.2)
// a default mapping table present when it declares mappings, each entry large enough.
sdk::Status CheckInfo(const hub_plugin_info* info);

// The copied description: a name of [a-z0-9_]+, a version, kind "connector", well-formed unique options, a
// record id option (when declared) that is one of its string options, and default mappings with unique names of
// [a-z0-9_]+ and a document each.
sdk::Status CheckDescription(const sdk::PluginDescription& description);

// A batch from read_batch, before it is copied: present, well-formed (every record's operation one the ABI
// defines), at most max_records records.
sdk::Status CheckBatch(const hub_batch* batch, std::uint64_t max_records);

}  // namespace hub::plugin_host

#endif  // HUB_PLUGIN_HOST_ABI_CHECKS_HPP_
