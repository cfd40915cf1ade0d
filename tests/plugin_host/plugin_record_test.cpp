#include "plugin_host/plugin_record.hpp"

#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

namespace hub::plugin_host {
namespace {

PluginRecord Loaded() {
  PluginRecord record;
  record.name = "file";
  record.version = "0.3.1";
  record.kind = "connector";
  record.sdk_abi = "1.0";
  record.description = "CSV files";
  record.capabilities = {"read", "write_events"};
  record.path = "/opt/hub/plugins/hub_file.so";
  record.state = PluginRecord::State::kLoaded;
  return record;
}

PluginRecord RefusedAfterTheAbiRecord() {
  PluginRecord record;
  record.sdk_abi = "2.0";
  record.path = "/opt/hub/plugins/hub_new.so";
  record.reason = "built for SDK ABI 2.0, this hub speaks SDK ABI 1.0: rebuild the plugin against HubSDK 0.1.0";
  return record;
}

TEST(PluginLine, ShowsEveryColumnOfALoadedPlugin) {
  EXPECT_EQ(FormatPluginLine(Loaded()), "file 0.3.1 connector 1.0 /opt/hub/plugins/hub_file.so loaded");
}

TEST(PluginLine, NamesTheDefaultMappingsAPluginShipsAfterItsStatus) {
  PluginRecord record = Loaded();
  record.name = "finance";
  record.default_mappings = {{"odoo17", "Odoo 17", "<mappings/>"}, {"ubl", "", "<mappings/>"}};
  EXPECT_EQ(FormatPluginLine(record),
            "finance 0.3.1 connector 1.0 /opt/hub/plugins/hub_file.so loaded mappings: odoo17, ubl");
  boost::json::object json = PluginRecordToJson(record);
  EXPECT_EQ(boost::json::serialize(json.at("default_mappings")),
            R"([{"name":"odoo17","description":"Odoo 17"},{"name":"ubl","description":""}])");
}

TEST(PluginLine, ShowsUnknownFieldsOfARefusedPluginAsDashesAndTheReason) {
  EXPECT_EQ(FormatPluginLine(RefusedAfterTheAbiRecord()),
            "- - - 2.0 /opt/hub/plugins/hub_new.so refused: built for SDK ABI 2.0, this hub speaks SDK ABI 1.0: "
            "rebuild the plugin against HubSDK 0.1.0");
}

TEST(PluginJson, DescribesALoadedPluginWithoutAReason) {
  EXPECT_EQ(boost::json::serialize(PluginRecordToJson(Loaded())),
            R"({"name":"file","version":"0.3.1","kind":"connector","sdk_abi":"1.0","description":"CSV files",)"
            R"("capabilities":["read","write_events"],"default_mappings":[],"path":"/opt/hub/plugins/hub_file.so",)"
            R"("state":"loaded"})");
}

TEST(PluginJson, DescribesARefusedPluginWithNullsForUnknownFieldsAndTheReason) {
  boost::json::object json = PluginRecordToJson(RefusedAfterTheAbiRecord());
  EXPECT_TRUE(json.at("name").is_null());
  EXPECT_TRUE(json.at("version").is_null());
  EXPECT_EQ(json.at("sdk_abi"), "2.0");
  EXPECT_EQ(json.at("state"), "refused");
  EXPECT_EQ(json.at("reason"), boost::json::value(RefusedAfterTheAbiRecord().reason));
}

}  // namespace
}  // namespace hub::plugin_host
