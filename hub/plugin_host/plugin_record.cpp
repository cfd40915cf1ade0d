#include "plugin_host/plugin_record.hpp"

#include <string_view>

#include <boost/json/array.hpp>

namespace hub::plugin_host {
namespace {

std::string_view OrDash(std::string_view text) { return text.empty() ? std::string_view("-") : text; }

boost::json::value OrNull(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

}  // namespace

std::string FormatPluginLine(const PluginRecord& record) {
  std::string line;
  for (std::string_view column : {std::string_view(record.name), std::string_view(record.version),
                                  std::string_view(record.kind), std::string_view(record.sdk_abi)}) {
    line.append(OrDash(column)).push_back(' ');
  }
  line.append(OrDash(record.path.string())).push_back(' ');
  if (record.state != PluginRecord::State::kLoaded) return line + "refused: " + record.reason;
  line += "loaded";
  for (std::size_t i = 0; i < record.default_mappings.size(); ++i) {
    line += (i == 0 ? " mappings: " : ", ") + record.default_mappings[i].name;
  }
  return line;
}

boost::json::object PluginRecordToJson(const PluginRecord& record) {
  boost::json::object out;
  out["name"] = OrNull(record.name);
  out["version"] = OrNull(record.version);
  out["kind"] = OrNull(record.kind);
  out["sdk_abi"] = OrNull(record.sdk_abi);
  out["description"] = OrNull(record.description);
  boost::json::array capabilities;
  for (const std::string& capability : record.capabilities) capabilities.emplace_back(capability);
  out["capabilities"] = std::move(capabilities);
  boost::json::array mappings;
  for (const sdk::DefaultMapping& mapping : record.default_mappings) {
    mappings.emplace_back(boost::json::object{{"name", mapping.name}, {"description", mapping.description}});
  }
  out["default_mappings"] = std::move(mappings);
  out["path"] = record.path.string();
  bool loaded = record.state == PluginRecord::State::kLoaded;
  out["state"] = loaded ? "loaded" : "refused";
  if (!loaded) out["reason"] = record.reason;
  return out;
}

}  // namespace hub::plugin_host
