#include "plugin_host/plugin_registry.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "hub/sdk/version.hpp"
#include "plugin_host/connector_instance.hpp"
#include "support/temp_dir.hpp"
#include "test_support.hpp"

namespace hub::plugin_host {
namespace {

using test::CapturedLog;
using test::CopyFixture;
using test::IsMapped;
using test::TempDir;
using test::WriteTextFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kAbi = std::to_string(HUB_ABI_MAJOR) + "." + std::to_string(HUB_ABI_MINOR);

// Every fixture that must be refused, with the file name it gets in the scanned folder and the reason.
struct RefusalCase {
  const char* fixture;  // nullptr: not a fixture, the test writes the file
  const char* file_name;
  std::string reason;
};

std::vector<RefusalCase> RefusalCases() {
  return {
      {"wrong_major", "hub_test_wrong_major.so",
       "built for SDK ABI " + std::to_string(HUB_ABI_MAJOR + 1) + "." + std::to_string(HUB_ABI_MINOR) +
           ", this hub speaks SDK ABI " + kAbi +
           ": rebuild the plugin against this hub's SDK (HubSDK " HUB_SDK_VERSION ")"},
      {"newer_minor", "hub_test_newer_minor.so",
       "needs SDK ABI " + std::to_string(HUB_ABI_MAJOR) + "." + std::to_string(HUB_ABI_MINOR + 1) +
           ", this hub speaks SDK ABI " + kAbi + ": upgrade the hub"},
      {"missing_entry", "hub_test_missing_entry.so",
       "missing export hub_plugin_entry: not a Hub plugin (build it with HUB_EXPORT_CONNECTOR)"},
      {"no_exports", "hub_test_no_exports.so", "missing export hub_plugin_abi: not a Hub plugin"},
      {"null_entry", "hub_test_null_entry.so", "hub_plugin_entry returned no function table"},
      {"unresolved", "hub_test_unresolved.so", "undefined symbol: hub_fixture_symbol_nothing_defines"},
      {"info_fails", "hub_test_info_fails.so", "get_info failed: uncaught exception: description unavailable"},
      {nullptr, "not_a_library.so", "not a shared library ("},
      {"good", "hub_test_good_copy.so", "duplicate plugin name 'test_good': already loaded from "},
  };
}

const char* const kLoadable[] = {"good", "factory_throws", "read_throws"};

// One folder holding every fixture, scanned once for the whole suite.
class PluginRegistryScan : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new TempDir();
    for (const char* name : kLoadable) CopyFixture(name, folder_->path(), "hub_test_" + std::string(name) + ".so");
    for (const RefusalCase& c : RefusalCases()) {
      if (c.fixture == nullptr) {
        WriteTextFile(folder_->path() / c.file_name,
                      "this is a text file that only looks like a library by its name\n");
      } else {
        CopyFixture(c.fixture, folder_->path(), c.file_name);
      }
    }
    log_ = new CapturedLog("plugin_host");
    registry_ = new sdk::Result<PluginRegistry>(PluginRegistry::Load(folder_->path(), log_->logger()));
  }
  static void TearDownTestSuite() {
    delete registry_;
    delete log_;
    delete folder_;
  }

  static const PluginRegistry& Registry() { return registry_->value(); }

  static const PluginRecord* RecordOf(const std::string& file_name) {
    for (const PluginRecord& record : Registry().Records()) {
      if (record.path.filename() == file_name) return &record;
    }
    return nullptr;
  }

  static TempDir* folder_;
  static CapturedLog* log_;
  static sdk::Result<PluginRegistry>* registry_;
};

TempDir* PluginRegistryScan::folder_ = nullptr;
CapturedLog* PluginRegistryScan::log_ = nullptr;
sdk::Result<PluginRegistry>* PluginRegistryScan::registry_ = nullptr;

TEST_F(PluginRegistryScan, RefusesEachBadPluginWithItsReason) {
  ASSERT_TRUE(registry_->ok()) << registry_->status().ToString();
  for (const RefusalCase& c : RefusalCases()) {
    const PluginRecord* record = RecordOf(c.file_name);
    ASSERT_NE(record, nullptr) << c.file_name;
    EXPECT_EQ(record->state, PluginRecord::State::kRefused) << c.file_name;
    EXPECT_THAT(record->reason, HasSubstr(c.reason)) << c.file_name;
    EXPECT_EQ(record->reason.find('\n'), std::string::npos) << c.file_name;
    EXPECT_TRUE(log_->Contains("refused plugin " + record->path.string() + ": " + record->reason)) << c.file_name;
  }
}

TEST_F(PluginRegistryScan, LoadsTheGoodPluginsDespiteTheRefusals) {
  ASSERT_TRUE(registry_->ok());
  std::vector<std::string> loaded;
  for (const PluginRecord& record : Registry().Records()) {
    if (record.state == PluginRecord::State::kLoaded) loaded.push_back(record.name);
  }
  EXPECT_THAT(loaded, ElementsAre("test_factory_throws", "test_good", "test_read_throws"));
  for (const char* name : {"test_factory_throws", "test_good", "test_read_throws"}) {
    ASSERT_NE(Registry().Find(name), nullptr) << name;
    EXPECT_EQ(Registry().Find(name)->name(), name);
  }
  EXPECT_EQ(Registry().Find("test_info_fails"), nullptr);
  EXPECT_EQ(Registry().Find("nothing"), nullptr);
}

TEST_F(PluginRegistryScan, RecordsEveryFileInNameOrder) {
  ASSERT_TRUE(registry_->ok());
  std::vector<std::string> files;
  for (const PluginRecord& record : Registry().Records()) files.push_back(record.path.filename().string());
  EXPECT_EQ(files.size(), std::size(kLoadable) + RefusalCases().size());
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
}

TEST_F(PluginRegistryScan, FillsWhatItLearnedBeforeRefusing) {
  ASSERT_TRUE(registry_->ok());
  const PluginRecord* wrong_major = RecordOf("hub_test_wrong_major.so");
  ASSERT_NE(wrong_major, nullptr);
  EXPECT_EQ(wrong_major->sdk_abi, std::to_string(HUB_ABI_MAJOR + 1) + "." + std::to_string(HUB_ABI_MINOR));
  EXPECT_EQ(wrong_major->name, "");
  const PluginRecord* duplicate = RecordOf("hub_test_good_copy.so");
  ASSERT_NE(duplicate, nullptr);
  EXPECT_EQ(duplicate->name, "test_good");
  EXPECT_THAT(duplicate->reason, HasSubstr((folder_->path() / "hub_test_good.so").string()));
  const PluginRecord* good = RecordOf("hub_test_good.so");
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(FormatPluginLine(*good), "test_good 1.2.3 connector " + kAbi + " " +
                                         (folder_->path() / "hub_test_good.so").string() +
                                         " loaded mappings: three_parties");
}

TEST_F(PluginRegistryScan, RefusedLibrariesAreUnloadedAndLoadedOnesStayMapped) {
  ASSERT_TRUE(registry_->ok());
  for (const PluginRecord& record : Registry().Records()) {
    bool loaded = record.state == PluginRecord::State::kLoaded;
    EXPECT_EQ(IsMapped(record.path), loaded) << record.path;
  }
}

TEST(PluginRegistry, MissingFolderIsNotFound) {
  TempDir dir;
  sdk::Result<PluginRegistry> registry = PluginRegistry::Load(dir.path() / "nowhere", CapturedLog("t").logger());
  ASSERT_FALSE(registry.ok());
  EXPECT_EQ(registry.status().code(), sdk::StatusCode::kNotFound);
  EXPECT_THAT(registry.status().message(), HasSubstr((dir.path() / "nowhere").string()));
}

TEST(PluginRegistry, AFileGivenAsTheFolderIsInvalid) {
  TempDir dir;
  sdk::Result<PluginRegistry> registry =
      PluginRegistry::Load(WriteTextFile(dir.path() / "hub.xml", "<hub/>"), CapturedLog("t").logger());
  ASSERT_FALSE(registry.ok());
  EXPECT_EQ(registry.status().code(), sdk::StatusCode::kInvalidArgument);
}

TEST(PluginRegistry, ConsidersOnlyRegularFilesWithTheLibrarySuffix) {
  TempDir dir;
  CopyFixture("good", dir.path(), "hub_test_good.so");
  CopyFixture("good", dir.path(), "hub_test_good.so.1");
  WriteTextFile(dir.path() / "README.md", "plugins go here");
  std::filesystem::create_directory(dir.path() / "folder.so");
  sdk::Result<PluginRegistry> registry = PluginRegistry::Load(dir.path(), CapturedLog("t").logger());
  ASSERT_TRUE(registry.ok());
  ASSERT_EQ(registry->Records().size(), 1u);
  EXPECT_EQ(registry->Records()[0].path, dir.path() / "hub_test_good.so");
}

TEST(PluginRegistry, AnEmptyFolderYieldsNoRecords) {
  TempDir dir;
  sdk::Result<PluginRegistry> registry = PluginRegistry::Load(dir.path(), CapturedLog("t").logger());
  ASSERT_TRUE(registry.ok());
  EXPECT_TRUE(registry->Records().empty());
}

TEST(PluginRegistry, TheFirstFolderHoldingAFileNameWinsAndTheShadowedCopyIsNeverOpened) {
  TempDir first;
  TempDir second;
  std::filesystem::path winner = CopyFixture("good", first.path(), "hub_test_good.so");
  std::filesystem::path shadowed = CopyFixture("good", second.path(), "hub_test_good.so");
  CopyFixture("read_throws", second.path(), "hub_test_read_throws.so");
  sdk::Result<PluginRegistry> registry =
      PluginRegistry::Load({{first.path(), true}, {second.path(), true}}, CapturedLog("t").logger());
  ASSERT_TRUE(registry.ok()) << registry.status().ToString();
  ASSERT_EQ(registry->Records().size(), 3u);
  EXPECT_EQ(registry->Records()[0].path, winner);
  EXPECT_EQ(registry->Records()[0].state, PluginRecord::State::kLoaded);
  EXPECT_EQ(registry->Records()[1].path, shadowed);
  EXPECT_EQ(registry->Records()[1].state, PluginRecord::State::kRefused);
  EXPECT_THAT(registry->Records()[1].reason, HasSubstr("shadowed by " + winner.string()));
  EXPECT_TRUE(registry->Records()[1].name.empty()) << "a shadowed file is not opened";
  EXPECT_FALSE(IsMapped(shadowed));
  EXPECT_EQ(registry->Records()[2].state, PluginRecord::State::kLoaded);
  EXPECT_EQ(registry->Find("test_good")->path(), winner);
  EXPECT_NE(registry->Find("test_read_throws"), nullptr);
}

TEST(PluginRegistry, AnotherFileDeclaringALoadedNameInALaterFolderIsADuplicate) {
  TempDir first;
  TempDir second;
  std::filesystem::path winner = CopyFixture("good", first.path(), "hub_test_good.so");
  CopyFixture("good", second.path(), "hub_acme_good.so");
  sdk::Result<PluginRegistry> registry =
      PluginRegistry::Load({{first.path(), true}, {second.path(), true}}, CapturedLog("t").logger());
  ASSERT_TRUE(registry.ok());
  ASSERT_EQ(registry->Records().size(), 2u);
  EXPECT_THAT(registry->Records()[1].reason,
              HasSubstr("duplicate plugin name 'test_good': already loaded from " + winner.string()));
}

TEST(PluginRegistry, AFolderNamedTwiceIsSearchedOnceSoItsPluginsAreNotListedAsShadowingThemselves) {
  // <plugins dir="/usr/local/lib/hub/plugins"/> names the system folder, which is searched last anyway.
  TempDir dir;
  std::filesystem::path plugin = CopyFixture("good", dir.path(), "hub_test_good.so");
  sdk::Result<PluginRegistry> registry = PluginRegistry::Load(
      {{dir.path(), true}, {dir.path() / "." / "", true}, {dir.path(), false}}, CapturedLog("t").logger());
  ASSERT_TRUE(registry.ok()) << registry.status().ToString();
  ASSERT_EQ(registry->Records().size(), 1u);
  EXPECT_EQ(registry->Records()[0].path, plugin);
  EXPECT_EQ(registry->Records()[0].state, PluginRecord::State::kLoaded);
}

TEST(PluginRegistry, AMissingOptionalFolderIsSkippedAndAMissingRequiredOneIsNotFound) {
  TempDir dir;
  CopyFixture("good", dir.path(), "hub_test_good.so");
  sdk::Result<PluginRegistry> skipped =
      PluginRegistry::Load({{dir.path(), true}, {dir.path() / "system", false}}, CapturedLog("t").logger());
  ASSERT_TRUE(skipped.ok()) << skipped.status().ToString();
  EXPECT_EQ(skipped->Records().size(), 1u);
  sdk::Result<PluginRegistry> missing =
      PluginRegistry::Load({{dir.path(), true}, {dir.path() / "vendor", true}}, CapturedLog("t").logger());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), sdk::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr((dir.path() / "vendor").string()));
}

TEST(PluginRegistry, ALibraryStaysLoadedWhileAnInstanceLivesAfterTheRegistryIsGone) {
  TempDir dir;
  std::filesystem::path library = CopyFixture("good", dir.path(), "hub_test_good.so");
  ManualClock clock(TimePoint{});
  std::optional<sdk::Result<PluginRegistry>> registry(PluginRegistry::Load(dir.path(), CapturedLog("t").logger()));
  ASSERT_TRUE(registry->ok());
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance = ConnectorInstance::Create(
      "crm", (*registry)->Find("test_good"), HostServices{CapturedLog("connector.crm").logger(), clock, {}, {}});
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  std::unique_ptr<ConnectorInstance> live = std::move(instance).value();

  registry.reset();
  EXPECT_TRUE(IsMapped(library));
  ASSERT_TRUE(live->Configure(sdk::Options({{"prefix", std::string("p")}})).ok());
  sdk::Result<sdk::Batch> batch = live->ReadBatch("", 10);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(batch->records.size(), 3u);

  live.reset();
  EXPECT_FALSE(IsMapped(library));
}

}  // namespace
}  // namespace hub::plugin_host
