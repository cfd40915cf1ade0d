// The option schema, its parsing, and the README table generated from it.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "call_center/call_center_options.hpp"
#include "common/options_doc.hpp"

namespace hub::call_center {
namespace {

sdk::Result<CallCenterOptions> Parse(std::map<std::string, std::string, std::less<>> values) {
  return ParseCallCenterOptions(sdk::Options(std::move(values)));
}

TEST(CallCenterOptions, DefaultsTellDirectionByTheCallerInChinaTime) {
  auto options = Parse({{"path", "/var/log/asterisk/cdr-csv/Master.csv"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_EQ(options->utc_offset, std::chrono::hours(8));
  EXPECT_FALSE(options->completeness.declared_final);
  EXPECT_EQ(options->completeness.settle, std::chrono::minutes(1));
  EXPECT_TRUE(options->direction.inbound_contexts.empty());
  EXPECT_EQ(options->direction.extension_max_digits, 6u);
}

TEST(CallCenterOptions, ParsesWhatIsGiven) {
  auto options = Parse({{"path", "/in/Master.csv"},
                        {"final", "true"},
                        {"settle_time", "10s"},
                        {"utc_offset", "-05:00"},
                        {"inbound_contexts", "from-pstn, from-trunk"},
                        {"extension_max_digits", "4"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_TRUE(options->completeness.declared_final);
  EXPECT_EQ(options->completeness.settle, std::chrono::seconds(10));
  EXPECT_EQ(options->utc_offset, -std::chrono::hours(5));
  EXPECT_EQ(options->direction.inbound_contexts, (std::vector<std::string>{"from-pstn", "from-trunk"}));
  EXPECT_EQ(options->direction.extension_max_digits, 4u);
}

TEST(CallCenterOptions, RefusesWhatTheSchemaCannotExpressNamingTheOption) {
  for (const auto& [name, value] : std::map<std::string, std::string>{
           {"utc_offset", "Asia/Shanghai"}, {"extension_max_digits", "0"}, {"settle_time", "soon"}}) {
    auto options = Parse({{"path", "/in/Master.csv"}, {name, value}});
    ASSERT_FALSE(options.ok()) << name;
    EXPECT_NE(options.status().message().find(name), std::string::npos) << options.status().message();
  }
  EXPECT_FALSE(Parse({}).ok());
}

TEST(CallCenterConnectorReadme, OptionsTableMatchesTheSchema) {
  const std::optional<std::string> table =
      connectors::ReadOptionsTable(std::string(HUB_SOURCE_DIR) + "/connectors/call_center/README.md");
  ASSERT_TRUE(table.has_value()) << "connectors/call_center/README.md is missing or lacks the options markers";
  const std::string expected = connectors::RenderOptionsTable(DescribeCallCenterConnector());
  EXPECT_EQ(*table, expected) << "Paste this table between the markers in connectors/call_center/README.md:\n"
                              << expected;
}

}  // namespace
}  // namespace hub::call_center
