// A job whose connector and mapping both say which field is the record's id: a warning when they differ.
#include "config/record_id_check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hub::config {
namespace {

using sdk::OptionType;
using ::testing::HasSubstr;

const std::filesystem::path kFile = "config/hub.xml";

sdk::PluginDescription FilePlugin(std::optional<std::string> id_default = std::nullopt) {
  sdk::PluginDescription plugin;
  plugin.name = "file";
  plugin.options = {{"path", OptionType::kPath, std::nullopt, true, ""},
                    {"id_field", OptionType::kString, std::move(id_default), false, ""}};
  plugin.record_id_option = "id_field";
  return plugin;
}

// Connector "crm" on line 10, its id_field (when given) on line 12.
ConnectorConfig Connector(const std::string& id_field) {
  ConnectorConfig connector{"crm", "file", {kFile, 10}, {{"path", "a.csv", {kFile, 11}}}};
  if (!id_field.empty()) connector.options.push_back({"id_field", id_field, {kFile, 12}});
  return connector;
}

// Job "customers" whose mapping, on line 31, takes its id from `id_source` (empty: none).
JobConfig Job(const std::string& id_source) {
  JobConfig job;
  job.name = "customers";
  job.connector = "crm";
  MappingConfig mapping;
  mapping.entity = "party";
  mapping.id_source = id_source;
  mapping.location = {kFile, 31};
  job.mappings = {mapping};
  return job;
}

// The warning for the one mapping of Job(id_source).
std::optional<ConfigError> Warning(const std::string& id_source, const ConnectorConfig& connector,
                                   const sdk::PluginDescription& plugin, const sdk::Options& options) {
  JobConfig job = Job(id_source);
  return RecordIdWarning(job, job.mappings[0], connector, plugin, options);
}

sdk::Options Validated(const std::string& id_field) {
  return id_field.empty() ? sdk::Options{{"path", "/a.csv"}} : sdk::Options{{"path", "/a.csv"}, {"id_field", id_field}};
}

TEST(RecordIdWarning, WarnsAtTheMappingWhenTheConnectorAndTheMappingNameDifferentFields) {
  std::optional<ConfigError> warning = Warning("客户编号", Connector("id"), FilePlugin(), Validated("id"));
  ASSERT_TRUE(warning.has_value());
  EXPECT_EQ(warning->location.line, 31);
  EXPECT_EQ(warning->ToString(),
            "config/hub.xml:31: warning: job 'customers': <mapping id=\"客户编号\"> and connector 'crm' option "
            "id_field=\"id\" (line 12) name different fields; the mapping's id= gives each stored record's source id, "
            "and id_field only names the records the connector rejects itself (it rejects one whose 'id' is empty): "
            "give one of them, or the same field in both");
}

TEST(RecordIdWarning, AttributesADefaultedIdFieldToThePlugin) {
  std::optional<ConfigError> warning = Warning("客户编号", Connector(""), FilePlugin("id"), Validated("id"));
  ASSERT_TRUE(warning.has_value());
  EXPECT_THAT(warning->message, HasSubstr("id_field=\"id\" (the plugin's default)"));
}

TEST(RecordIdWarning, SaysNothingWhenOnlyOneIsGivenOrBothNameTheSameField) {
  EXPECT_FALSE(Warning("id", Connector("id"), FilePlugin(), Validated("id")));
  EXPECT_FALSE(Warning("", Connector("id"), FilePlugin(), Validated("id")));
  EXPECT_FALSE(Warning("客户编号", Connector(""), FilePlugin(), Validated("")));
  sdk::PluginDescription without = FilePlugin();
  without.record_id_option.clear();
  EXPECT_FALSE(Warning("客户编号", Connector("id"), without, Validated("id")))
      << "a plugin that names no record id option";
}

}  // namespace
}  // namespace hub::config
