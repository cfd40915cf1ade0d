#include "plugin_host/abi_checks.hpp"

#include <cstddef>
#include <set>
#include <string_view>
#include <utility>

#include "hub/sdk/detail/c_bridge.hpp"
#include "hub/sdk/version.hpp"

namespace hub::plugin_host {
namespace {

// Sizes of the 1.0 layouts, through their last 1.0 member. A later minor only appends members, so a plugin
// built for any 1.x fills at least this much; the host reads no member beyond it.
constexpr std::size_t kAbiRecordV1Size = offsetof(hub_abi_record, sdk_version) + sizeof(hub_abi_record::sdk_version);
constexpr std::size_t kApiTableV1Size = offsetof(hub_plugin_api, check_health) + sizeof(hub_plugin_api::check_health);
constexpr std::size_t kInfoV1Size = offsetof(hub_plugin_info, option_count) + sizeof(hub_plugin_info::option_count);
constexpr std::size_t kOptionSpecV1Size = offsetof(hub_option_spec, description) + sizeof(hub_option_spec::description);
constexpr std::size_t kBatchV1Size = offsetof(hub_batch, total_hint) + sizeof(hub_batch::total_hint);
constexpr std::size_t kRecordV1Size = offsetof(hub_record, field_count) + sizeof(hub_record::field_count);
// hub_default_mapping was introduced in ABI 1.2, with these members.
constexpr std::size_t kDefaultMappingSize = offsetof(hub_default_mapping, xml) + sizeof(hub_default_mapping::xml);

// Load-time refusals are invalid arguments; a malformed batch at run time is the plugin's internal error.
sdk::Status TooSmall(sdk::StatusCode code, std::string_view what, std::uint32_t size, std::size_t expected) {
  return sdk::Status(code, std::string(what) + " is too small (" + std::to_string(size) + " bytes, expected at least " +
                               std::to_string(expected) + ")");
}

bool IsValidName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!allowed) return false;
  }
  return true;
}

sdk::Status CheckOptions(const std::vector<sdk::OptionSpec>& options) {
  std::set<std::string_view> seen;
  for (const sdk::OptionSpec& option : options) {
    if (option.name.empty()) return sdk::Status::InvalidArgument("an option declares no name");
    int type = static_cast<int>(option.type);
    if (type < HUB_OPTION_STRING || type > HUB_OPTION_DURATION) {
      return sdk::Status::InvalidArgument("option '" + option.name + "' has unknown type " + std::to_string(type));
    }
    if (!seen.insert(option.name).second) {
      return sdk::Status::InvalidArgument("option '" + option.name + "' is declared twice");
    }
  }
  return sdk::Status::Ok();
}

// The record id option, when declared, must be one of the plugin's string options.
sdk::Status CheckRecordIdOption(const sdk::PluginDescription& description) {
  if (description.record_id_option.empty()) return sdk::Status::Ok();
  for (const sdk::OptionSpec& option : description.options) {
    if (option.name == description.record_id_option && option.type == sdk::OptionType::kString) {
      return sdk::Status::Ok();
    }
  }
  return sdk::Status::InvalidArgument("the record id option '" + description.record_id_option +
                                      "' is not one of the plugin's string options");
}

// Default mappings: each named [a-z0-9_]+, once, with a document.
sdk::Status CheckDefaultMappings(const std::vector<sdk::DefaultMapping>& mappings) {
  std::set<std::string_view> seen;
  for (const sdk::DefaultMapping& mapping : mappings) {
    if (!IsValidName(mapping.name)) {
      return sdk::Status::InvalidArgument("default mapping name '" + mapping.name +
                                          "' is invalid: use lowercase letters, digits and '_'");
    }
    if (!seen.insert(mapping.name).second) {
      return sdk::Status::InvalidArgument("default mapping '" + mapping.name + "' is declared twice");
    }
    if (mapping.xml.empty()) return sdk::Status::InvalidArgument("default mapping '" + mapping.name + "' has no xml");
  }
  return sdk::Status::Ok();
}

// The default mapping table, when the info is large enough to declare one (ABI 1.2).
sdk::Status CheckDefaultMappingTable(const hub_plugin_info& info) {
  if (!sdk::detail::Covers(info.struct_size, offsetof(hub_plugin_info, mapping_count), sizeof(info.mapping_count))) {
    return sdk::Status::Ok();
  }
  if (info.mapping_count > 0 && info.mappings == nullptr) {
    return sdk::Status::InvalidArgument("the plugin info declares " + std::to_string(info.mapping_count) +
                                        " default mappings but no mapping table");
  }
  for (std::uint64_t i = 0; i < info.mapping_count; ++i) {
    if (info.mappings[i].struct_size < kDefaultMappingSize) {
      return TooSmall(sdk::StatusCode::kInvalidArgument, "default mapping " + std::to_string(i),
                      info.mappings[i].struct_size, kDefaultMappingSize);
    }
  }
  return sdk::Status::Ok();
}

sdk::Status CheckRecord(const hub_record& record, std::uint64_t index) {
  std::string which = "record " + std::to_string(index);
  if (record.struct_size < kRecordV1Size)
    return TooSmall(sdk::StatusCode::kInternal, which, record.struct_size, kRecordV1Size);
  if (record.field_count > 0 && record.fields == nullptr) {
    return sdk::Status::Internal(which + " declares " + std::to_string(record.field_count) +
                                 " fields but no field array");
  }
  if (!sdk::detail::OperationFromC(record.operation)) {
    return sdk::Status::Internal(which + " has unknown operation " + std::to_string(record.operation));
  }
  return sdk::Status::Ok();
}

}  // namespace

std::string AbiVersionText(std::uint32_t major, std::uint32_t minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

sdk::Status CheckAbiRecordSize(const hub_abi_record& record) {
  if (record.struct_size < kAbiRecordV1Size) {
    return TooSmall(sdk::StatusCode::kInvalidArgument, "the ABI record", record.struct_size, kAbiRecordV1Size);
  }
  return sdk::Status::Ok();
}

sdk::Status CheckAbiVersion(const hub_abi_record& record) {
  std::string ours = AbiVersionText(HUB_ABI_MAJOR, HUB_ABI_MINOR);
  std::string theirs = AbiVersionText(record.abi_major, record.abi_minor);
  if (record.abi_major != HUB_ABI_MAJOR) {
    return sdk::Status::InvalidArgument("built for SDK ABI " + theirs + ", this hub speaks SDK ABI " + ours +
                                        ": rebuild the plugin against this hub's SDK (HubSDK " HUB_SDK_VERSION ")");
  }
  if (record.abi_minor > HUB_ABI_MINOR) {
    return sdk::Status::InvalidArgument("needs SDK ABI " + theirs + ", this hub speaks SDK ABI " + ours +
                                        ": upgrade the hub, or rebuild the plugin against HubSDK " HUB_SDK_VERSION);
  }
  return sdk::Status::Ok();
}

sdk::Status CheckApiTable(const hub_plugin_api* api, const hub_abi_record& record) {
  if (api == nullptr) return sdk::Status::InvalidArgument("hub_plugin_entry returned no function table");
  if (api->struct_size < kApiTableV1Size)
    return TooSmall(sdk::StatusCode::kInvalidArgument, "the function table", api->struct_size, kApiTableV1Size);
  if (api->abi_major != record.abi_major || api->abi_minor != record.abi_minor) {
    return sdk::Status::InvalidArgument(
        "the function table says ABI " + AbiVersionText(api->abi_major, api->abi_minor) + " but the ABI record says " +
        AbiVersionText(record.abi_major, record.abi_minor) + ": a broken build, rebuild the plugin");
  }
  const std::pair<const char*, bool> kFunctions[] = {
      {"get_info", api->get_info != nullptr},        {"create", api->create != nullptr},
      {"destroy", api->destroy != nullptr},          {"configure", api->configure != nullptr},
      {"read_batch", api->read_batch != nullptr},    {"write_events", api->write_events != nullptr},
      {"check_health", api->check_health != nullptr}};
  for (const auto& [name, present] : kFunctions) {
    if (!present) return sdk::Status::InvalidArgument(std::string("the function table lacks ") + name);
  }
  return sdk::Status::Ok();
}

sdk::Status CheckInfo(const hub_plugin_info* info) {
  if (info == nullptr) return sdk::Status::InvalidArgument("get_info returned no description");
  if (info->struct_size < kInfoV1Size)
    return TooSmall(sdk::StatusCode::kInvalidArgument, "the plugin info", info->struct_size, kInfoV1Size);
  if (info->option_count > 0 && info->options == nullptr) {
    return sdk::Status::InvalidArgument("the plugin info declares " + std::to_string(info->option_count) +
                                        " options but no option table");
  }
  for (std::uint64_t i = 0; i < info->option_count; ++i) {
    if (info->options[i].struct_size < kOptionSpecV1Size) {
      return TooSmall(sdk::StatusCode::kInvalidArgument, "option " + std::to_string(i), info->options[i].struct_size,
                      kOptionSpecV1Size);
    }
  }
  return CheckDefaultMappingTable(*info);
}

sdk::Status CheckDescription(const sdk::PluginDescription& description) {
  if (description.name.empty()) return sdk::Status::InvalidArgument("the plugin declares no name");
  if (!IsValidName(description.name)) {
    return sdk::Status::InvalidArgument("plugin name '" + description.name +
                                        "' is invalid: use lowercase letters, digits and '_'");
  }
  if (description.version.empty()) return sdk::Status::InvalidArgument("the plugin declares no version");
  if (description.kind != "connector") {
    return sdk::Status::InvalidArgument("plugin kind '" + description.kind +
                                        "' is not supported: this hub loads 'connector' plugins");
  }
  HUB_RETURN_IF_ERROR(CheckOptions(description.options));
  HUB_RETURN_IF_ERROR(CheckRecordIdOption(description));
  return CheckDefaultMappings(description.default_mappings);
}

sdk::Status CheckBatch(const hub_batch* batch, std::uint64_t max_records) {
  if (batch == nullptr) return sdk::Status::Internal("read_batch succeeded but returned no batch");
  if (batch->struct_size < kBatchV1Size)
    return TooSmall(sdk::StatusCode::kInternal, "the batch", batch->struct_size, kBatchV1Size);
  if (batch->record_count > max_records) {
    return sdk::Status::Internal("returned " + std::to_string(batch->record_count) + " records, more than the " +
                                 std::to_string(max_records) + " asked for");
  }
  if (batch->record_count > 0 && batch->records == nullptr) {
    return sdk::Status::Internal("returned " + std::to_string(batch->record_count) + " records but no record array");
  }
  for (std::uint64_t i = 0; i < batch->record_count; ++i) {
    HUB_RETURN_IF_ERROR(CheckRecord(batch->records[i], i));
  }
  return sdk::Status::Ok();
}

}  // namespace hub::plugin_host
