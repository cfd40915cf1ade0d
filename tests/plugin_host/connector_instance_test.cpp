#include "plugin_host/connector_instance.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "test_support.hpp"

namespace hub::plugin_host {
namespace {

using test::CapturedLog;
using test::FixturePath;
using ::testing::HasSubstr;

constexpr std::int64_t kNowMs = 1'700'000'000'123;

std::shared_ptr<const LoadedPlugin> OpenFixture(std::string_view name) {
  PluginRecord record;
  sdk::Result<std::shared_ptr<const LoadedPlugin>> plugin = LoadedPlugin::Open(FixturePath(name), &record);
  EXPECT_TRUE(plugin.ok()) << plugin.status().ToString();
  return plugin.ok() ? *plugin : nullptr;
}

// An instance "crm" of a fixture plugin, with a manual clock, a captured log and a scripted resolver.
class ConnectorInstanceTest : public ::testing::Test {
 protected:
  sdk::Result<std::unique_ptr<ConnectorInstance>> Create(std::string_view fixture) {
    SecretResolver resolver = [this](std::string_view reference) -> sdk::Result<std::string> {
      last_reference_ = std::string(reference);
      return secret_;
    };
    return ConnectorInstance::Create("crm", OpenFixture(fixture),
                                     HostServices{log_.logger(), clock_, token_, std::move(resolver)});
  }

  std::unique_ptr<ConnectorInstance> CreateGood(const std::string& prefix = "crm-") {
    sdk::Result<std::unique_ptr<ConnectorInstance>> instance = Create("good");
    EXPECT_TRUE(instance.ok()) << instance.status().ToString();
    if (!instance.ok()) return nullptr;
    sdk::Status configured =
        (*instance)->Configure(sdk::Options({{"prefix", prefix}, {"token", std::string("${env:TOKEN}")}}));
    EXPECT_TRUE(configured.ok()) << configured.ToString();
    return std::move(instance).value();
  }

  static std::vector<std::string> SourceIds(const sdk::Batch& batch) {
    std::vector<std::string> ids;
    for (const sdk::Record& record : batch.records) ids.push_back(record.source_id);
    return ids;
  }

  ManualClock clock_{TimePoint(std::chrono::milliseconds(kNowMs))};
  CancellationToken token_;
  CapturedLog log_{"connector.crm"};
  sdk::Result<std::string> secret_ = std::string("letmein");
  std::string last_reference_;
};

TEST_F(ConnectorInstanceTest, ReadsEveryRecordOverTwoBatchesAndResumesFromTheCursor) {
  std::unique_ptr<ConnectorInstance> instance = CreateGood();
  ASSERT_NE(instance, nullptr);

  sdk::Result<sdk::Batch> first = instance->ReadBatch("", 2);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_THAT(SourceIds(*first), ::testing::ElementsAre("crm-1", "crm-2"));
  EXPECT_FALSE(first->end_of_data);
  EXPECT_EQ(first->total_hint, 3);

  sdk::Result<sdk::Batch> second = instance->ReadBatch(first->next_cursor, 2);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_THAT(SourceIds(*second), ::testing::ElementsAre("crm-3"));
  EXPECT_TRUE(second->end_of_data);

  sdk::Result<sdk::Batch> again = instance->ReadBatch(first->records[0].cursor, 10);
  ASSERT_TRUE(again.ok());
  EXPECT_THAT(SourceIds(*again), ::testing::ElementsAre("crm-2", "crm-3"));
}

TEST_F(ConnectorInstanceTest, CopiesRecordsWithTheirFieldsAndTheHostClock) {
  std::unique_ptr<ConnectorInstance> instance = CreateGood();
  ASSERT_NE(instance, nullptr);
  sdk::Result<sdk::Batch> batch = instance->ReadBatch("", 1);
  ASSERT_TRUE(batch.ok());
  ASSERT_EQ(batch->records.size(), 1u);
  const sdk::Record& record = batch->records[0];
  EXPECT_EQ(record.entity, "party");
  EXPECT_EQ(record.position, "memory:1");
  ASSERT_NE(record.Find("name"), nullptr);
  EXPECT_EQ(*record.Find("name"), sdk::Value::String("Party 1"));
  ASSERT_NE(record.Find("read_at"), nullptr);
  EXPECT_EQ(*record.Find("read_at"), sdk::Value::Timestamp(kNowMs));
}

TEST_F(ConnectorInstanceTest, PassesOptionsAndPrefixesPluginErrorsWithContext) {
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance = Create("good");
  ASSERT_TRUE(instance.ok());
  sdk::Status status = (*instance)->Configure(sdk::Options());
  EXPECT_EQ(status.code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "plugin 'test_good' (connector crm): option 'prefix' is required");

  std::unique_ptr<ConnectorInstance> configured = CreateGood("erp/");
  ASSERT_NE(configured, nullptr);
  sdk::Result<sdk::Batch> batch = configured->ReadBatch("", 1);
  ASSERT_TRUE(batch.ok());
  EXPECT_THAT(SourceIds(*batch), ::testing::ElementsAre("erp/1"));
}

TEST_F(ConnectorInstanceTest, PluginLogsReachTheInstanceLoggerTaggedWithItsName) {
  std::unique_ptr<ConnectorInstance> instance = CreateGood();
  ASSERT_NE(instance, nullptr);
  ASSERT_TRUE(instance->ReadBatch("", 2).ok());
  EXPECT_TRUE(log_.Contains("[connector.crm] info configured with prefix crm-"));
  EXPECT_TRUE(log_.Contains("[connector.crm] debug read 2 records"));
}

TEST_F(ConnectorInstanceTest, TheLoggerLevelFiltersPluginLogs) {
  log_.logger()->set_level(spdlog::level::warn);
  std::unique_ptr<ConnectorInstance> instance = CreateGood();
  ASSERT_NE(instance, nullptr);
  ASSERT_TRUE(instance->ReadBatch("", 2).ok());
  EXPECT_TRUE(log_.Lines().empty());
}

TEST_F(ConnectorInstanceTest, ThePluginSeesCancellationAndAFreshTokenClearsIt) {
  std::unique_ptr<ConnectorInstance> instance = CreateGood();
  ASSERT_NE(instance, nullptr);
  token_.Cancel();
  sdk::Result<sdk::Batch> cancelled = instance->ReadBatch("", 2);
  ASSERT_FALSE(cancelled.ok());
  EXPECT_EQ(cancelled.status().code(), sdk::StatusCode::kCancelled);
  EXPECT_EQ(cancelled.status().message(), "plugin 'test_good' (connector crm): read cancelled by the hub");

  instance->SetCancellation(CancellationToken());
  EXPECT_TRUE(instance->ReadBatch("", 2).ok());
}

TEST_F(ConnectorInstanceTest, HealthResolvesSecretsThroughTheHostResolver) {
  struct Case {
    sdk::Result<std::string> secret;
    sdk::StatusCode code;
    std::string message;
  };
  const Case kCases[] = {
      {std::string("letmein"), sdk::StatusCode::kOk, ""},
      {std::string("guess"), sdk::StatusCode::kUnavailable, "plugin 'test_good' (connector crm): token rejected"},
      {sdk::Status::NotFound("environment variable TOKEN is not set"), sdk::StatusCode::kNotFound,
       "plugin 'test_good' (connector crm): resolving the token: environment variable TOKEN is not set"},
  };
  std::unique_ptr<ConnectorInstance> instance = CreateGood();
  ASSERT_NE(instance, nullptr);
  for (const Case& c : kCases) {
    secret_ = c.secret;
    sdk::Status health = instance->CheckHealth();
    EXPECT_EQ(health.code(), c.code) << health.ToString();
    EXPECT_EQ(health.message(), c.message);
    EXPECT_EQ(last_reference_, "${env:TOKEN}");
  }
}

TEST_F(ConnectorInstanceTest, WriteEventsHandsOverEachEventsIdAndTimeAndAnswersHowManyWereAccepted) {
  std::unique_ptr<ConnectorInstance> instance = CreateGood();
  ASSERT_NE(instance, nullptr);
  std::vector<sdk::OutboundEvent> events = {{"party.updated", "party", "1", "{}", "ev-1", kNowMs},
                                            {"party.updated", "party", "2", "{}", "ev-2", kNowMs},
                                            {"party.updated", "party", "3", "{}", "", kNowMs}};
  sdk::Result<std::size_t> accepted = instance->WriteEvents(events);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 2u) << "the fixture takes the events up to the first without an event id";
}

TEST_F(ConnectorInstanceTest, APluginBuiltForAbi10LoadsReadsAndTakesEventsInItsOwnLayout) {
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance = Create("abi_v1_0");
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  const sdk::PluginDescription& description = OpenFixture("abi_v1_0")->description();
  EXPECT_TRUE(description.record_id_option.empty());
  EXPECT_TRUE(description.capabilities.reads);
  EXPECT_TRUE(description.capabilities.writes_events) << "unknown for 1.0: assumed";
  ASSERT_TRUE((*instance)->Configure(sdk::Options({})).ok());
  sdk::Result<sdk::Batch> batch = (*instance)->ReadBatch("", 10);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_EQ(SourceIds(*batch), (std::vector<std::string>{"v1-0", "v1-1"}));
  std::vector<sdk::OutboundEvent> events;
  for (int i = 0; i < 3; ++i) {
    events.push_back({"order.created", "order", "order-" + std::to_string(i), "{}", "ev-" + std::to_string(i), kNowMs});
  }
  sdk::Result<std::size_t> accepted = (*instance)->WriteEvents(events);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 3u) << "each event where a 1.0 plugin looks for it";
}

TEST_F(ConnectorInstanceTest, APluginBuiltForAbi11LoadsAndReadsWithNoDefaultMappings) {
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance = Create("abi_v1_1");
  ASSERT_TRUE(instance.ok()) << "it refuses a host table shorter than 1.1's: " << instance.status().ToString();
  const sdk::PluginDescription& description = OpenFixture("abi_v1_1")->description();
  EXPECT_TRUE(description.capabilities.reads);
  EXPECT_FALSE(description.capabilities.writes_events);
  EXPECT_TRUE(description.default_mappings.empty());
  ASSERT_TRUE((*instance)->Configure(sdk::Options({})).ok());
  sdk::Result<sdk::Batch> batch = (*instance)->ReadBatch("", 10);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_EQ(SourceIds(*batch), (std::vector<std::string>{"v11-0", "v11-1"}));
  EXPECT_EQ(batch->records[1].operation, sdk::Operation::kDelete);
}

TEST_F(ConnectorInstanceTest, APluginOfAbi12DeclaresItsDefaultMappingsAndItsCountsReachTheHost) {
  std::shared_ptr<const LoadedPlugin> plugin = OpenFixture("good");
  ASSERT_NE(plugin, nullptr);
  const sdk::PluginDescription& description = plugin->description();
  ASSERT_EQ(description.default_mappings.size(), 1u);
  EXPECT_EQ(description.default_mappings[0].name, "three_parties");
  EXPECT_THAT(description.default_mappings[0].xml, HasSubstr("<mapping entity=\"party\">"));

  std::vector<std::pair<std::string, std::int64_t>> counted;
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance = ConnectorInstance::Create(
      "crm", plugin, HostServices{log_.logger(), clock_, token_, {}, [&](std::string_view counter, std::int64_t delta) {
                                    counted.emplace_back(counter, delta);
                                  }});
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  ASSERT_TRUE((*instance)->Configure(sdk::Options({{"prefix", std::string("p")}})).ok());
  ASSERT_TRUE((*instance)->ReadBatch("", 2).ok());
  ASSERT_TRUE((*instance)->ReadBatch("2", 2).ok());
  EXPECT_EQ(counted, (std::vector<std::pair<std::string, std::int64_t>>{{"records_read", 2}, {"records_read", 1}}));
}

TEST_F(ConnectorInstanceTest, AFailureAfterAnAcceptedPrefixAnswersThePrefixAndTheNextCallTheFailure) {
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance = Create("abi_v1_0");
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  ASSERT_TRUE((*instance)->Configure(sdk::Options({})).ok());
  std::vector<sdk::OutboundEvent> events = {{"order.created", "order", "order-0", "{}", "ev-0", kNowMs},
                                            {"order.created", "order", "order-1", "{}", "ev-1", kNowMs},
                                            {"order.created", "order", "other", "{}", "ev-2", kNowMs}};
  sdk::Result<std::size_t> accepted = (*instance)->WriteEvents(events);
  ASSERT_TRUE(accepted.ok()) << "the two events taken must not be lost: " << accepted.status().ToString();
  EXPECT_EQ(*accepted, 2u);
  sdk::Result<std::size_t> refused = (*instance)->WriteEvents({events[2]});
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kDataError) << refused.status().ToString();
  EXPECT_THAT(refused.status().message(), HasSubstr("event 0 is not one this fixture takes"));
}

TEST_F(ConnectorInstanceTest, AThrowingFactoryFailsCleanly) {
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance = Create("factory_throws");
  ASSERT_FALSE(instance.ok());
  EXPECT_EQ(instance.status().code(), sdk::StatusCode::kInternal);
  EXPECT_EQ(instance.status().message(),
            "plugin 'test_factory_throws' (connector crm): factory failed: uncaught exception: cannot start: "
            "license missing");
}

TEST_F(ConnectorInstanceTest, AThrowingReadIsAnInternalErrorAndTheInstanceGoesOn) {
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance = Create("read_throws");
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  sdk::Result<sdk::Batch> batch = (*instance)->ReadBatch("", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kInternal);
  EXPECT_EQ(batch.status().message(), "plugin 'test_read_throws' (connector crm): uncaught exception: disk on fire");
  EXPECT_TRUE((*instance)->CheckHealth().ok());
}

TEST_F(ConnectorInstanceTest, AMissingPluginIsRefused) {
  sdk::Result<std::unique_ptr<ConnectorInstance>> instance =
      ConnectorInstance::Create("crm", nullptr, HostServices{log_.logger(), clock_, token_, {}});
  ASSERT_FALSE(instance.ok());
  EXPECT_EQ(instance.status().code(), sdk::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hub::plugin_host
