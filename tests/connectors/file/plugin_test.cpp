// The built plugin build/plugins/hub_file.so, loaded and driven by the hub's plugin host: what it declares,
// and its outbound side through the plugin boundary.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "file_test_support.hpp"
#include "support/plugin_fixture.hpp"

namespace hub::file {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

class FilePlugin : public hub::test::PluginTest {
 protected:
  FilePlugin() : PluginTest("hub_file.so") {}
};

TEST_F(FilePlugin, DeclaresThatItReadsAndDeliversEvents) {
  std::shared_ptr<const plugin_host::LoadedPlugin> plugin = Open();
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->description().name, "file");
  EXPECT_TRUE(plugin->description().capabilities.reads);
  EXPECT_TRUE(plugin->description().capabilities.writes_events);
}

TEST_F(FilePlugin, WithOnlyAnEventsFolderDeliversEventsAsAFileAndRefusesToRead) {
  TempDir dir;
  auto instance =
      Configure("erp_drop", sdk::Options({{"events_dir", dir.path().string()}, {"events_prefix", "orders"}}));
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->CheckHealth().ok());

  std::vector<sdk::OutboundEvent> events = {{"order.created", "order", "o-1", R"({"total":"10.00"})", "ev-7", 0},
                                            {"order.created", "order", "o-2", "not json", "ev-8", 0}};
  sdk::Result<std::size_t> accepted = instance->WriteEvents(events);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u);
  std::ifstream file(dir.path() / "orders-ev-7-1.jsonl");
  const std::string content{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  EXPECT_EQ(content, R"({"event_id":"ev-7","kind":"order.created","entity":"order","id":"o-1",)"
                     R"("occurred_at":"1970-01-01T00:00:00.000Z","payload":{"total":"10.00"}})"
                     "\n");
  sdk::Result<std::size_t> refused = instance->WriteEvents({events[1]});
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kDataError) << refused.status().ToString();

  sdk::Result<sdk::Batch> read = instance->ReadBatch("", 10);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status().message(), HasSubstr("has no option 'path', so it reads nothing"));
}

TEST_F(FilePlugin, WithNeitherPathNorEventsFolderIsRefusedAtConfigure) {
  auto instance = Create("erp_drop");
  ASSERT_NE(instance, nullptr);
  const sdk::Status configured = instance->Configure(sdk::Options({}));
  EXPECT_EQ(configured.code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(configured.message(), HasSubstr("give path (to read) or events_dir (to deliver events), or both"));
}

TEST_F(FilePlugin, WithOnlyAPathAnswersEventsUnavailableUntilGivenAnEventsFolder) {
  TempDir dir;
  auto instance = Configure("erp_drop", sdk::Options({{"path", dir.Write("a.csv", "id\n1\n").string()}}));
  ASSERT_NE(instance, nullptr);
  sdk::Result<std::size_t> accepted = instance->WriteEvents({{"party.updated", "party", "1", "{}", "ev-1", 0}});
  EXPECT_EQ(accepted.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(accepted.status().message(), HasSubstr("has no option 'events_dir'"));
}

}  // namespace
}  // namespace hub::file
