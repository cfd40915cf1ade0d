#include "hub/sdk/detail/plugin_adapter.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace hub::sdk::detail {
namespace {

// A connector whose behaviour the option `mode` picks.
class EchoConnector final : public Connector {
 public:
  explicit EchoConnector(Context& context) : context_(context) {}
  static PluginDescription Describe() {
    PluginDescription description;
    description.name = "echo";
    description.version = "2.0.1";
    description.options = {{"mode", OptionType::kString, std::string("echo"), false, "what ReadBatch does"}};
    return description;
  }
  Status Configure(const Options& options) override {
    mode_ = options.GetString("mode");
    context_.Info("mode " + mode_);
    return mode_ == "refuse" ? Status::InvalidArgument("mode refused") : Status::Ok();
  }
  Result<Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (mode_ == "throw") throw std::runtime_error("boom");
    context_.Count("reads", 1);
    if (mode_ == "throw_int") throw 42;
    if (context_.Cancelled()) return Status::Cancelled("stopped");
    Record record;
    record.source_id =
        std::string(cursor) + "|" + std::to_string(max_records) + "|" + std::to_string(context_.NowUnixMs());
    Batch batch;
    batch.records = {record};
    batch.next_cursor = "next";
    return batch;
  }

 private:
  Context& context_;
  std::string mode_;
};

using Adapter = PluginAdapter<EchoConnector>;

// The host side, faked: records log lines, answers a fixed time and a cancellation flag.
struct FakeHost {
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, int64_t>> counts;
  bool cancelled = false;
  hub_host_api api{};
  FakeHost() {
    api.struct_size = sizeof(api);
    api.host = this;
    api.log_enabled = [](void*, int32_t level) -> int32_t { return level >= HUB_LOG_INFO; };
    api.log = [](void* host, int32_t, hub_str message) {
      static_cast<FakeHost*>(host)->lines.emplace_back(FromC(message));
    };
    api.now_unix_ms = [](void*) -> int64_t { return 1234; };
    api.is_cancelled = [](void* host) -> int32_t { return static_cast<FakeHost*>(host)->cancelled; };
    api.resolve_secret = [](void*, hub_str, hub_string_sink, void*, hub_error* error) -> int32_t {
      return ExportError(Status::NotFound("no secrets here"), error);
    };
    api.add_count = [](void* host, hub_str counter, int64_t delta) {
      static_cast<FakeHost*>(host)->counts.emplace_back(FromC(counter), delta);
    };
  }
};

// A connector made through the table, destroyed through it.
class AdapterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    hub_error error{};
    ASSERT_EQ(api_.create(&host_.api, &connector_, &error), HUB_STATUS_OK) << error.message;
  }
  void TearDown() override { api_.destroy(connector_); }

  Status Configure(const std::string& mode) {
    hub_option_value option{ToC("mode"), ToC(mode)};
    hub_error error{};
    return ImportError(api_.configure(connector_, &option, 1, &error), error);
  }
  Result<Batch> Read(const std::string& cursor, uint64_t max_records) {
    const hub_batch* batch = nullptr;
    hub_error error{};
    int32_t code = api_.read_batch(connector_, ToC(cursor), max_records, &batch, &error);
    if (code != HUB_STATUS_OK) return ImportError(code, error);
    return ImportBatch(*batch);
  }

  const hub_plugin_api& api_ = *Adapter::Api();
  FakeHost host_;
  hub_connector* connector_ = nullptr;
};

TEST(PluginAdapter, ExportsACompleteTableOfThisAbi) {
  const hub_plugin_api* api = Adapter::Api();
  ASSERT_NE(api, nullptr);
  EXPECT_EQ(api->struct_size, sizeof(hub_plugin_api));
  EXPECT_EQ(api->abi_major, static_cast<uint32_t>(HUB_ABI_MAJOR));
  EXPECT_EQ(api->abi_minor, static_cast<uint32_t>(HUB_ABI_MINOR));
  EXPECT_EQ(kAbiRecord.abi_major, static_cast<uint32_t>(HUB_ABI_MAJOR));
  EXPECT_EQ(std::string(kAbiRecord.sdk_version), HUB_SDK_VERSION);
}

TEST(PluginAdapter, GetInfoAnswersTheDescription) {
  const hub_plugin_info* info = nullptr;
  hub_error error{};
  ASSERT_EQ(Adapter::Api()->get_info(&info, &error), HUB_STATUS_OK);
  PluginDescription description = ImportInfo(*info);
  EXPECT_EQ(description.name, "echo");
  EXPECT_EQ(description.version, "2.0.1");
  EXPECT_EQ(description.kind, "connector");
  ASSERT_EQ(description.options.size(), 1u);
  EXPECT_EQ(description.options[0].default_value, "echo");
}

TEST(PluginAdapter, CreateRefusesAMissingOrOlderHostTable) {
  hub_connector* connector = nullptr;
  hub_error error{};
  EXPECT_EQ(Adapter::Api()->create(nullptr, &connector, &error), HUB_STATUS_INVALID_ARGUMENT);
  FakeHost old_host;
  old_host.api.struct_size = 8;
  EXPECT_EQ(Adapter::Api()->create(&old_host.api, &connector, &error), HUB_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(connector, nullptr);
}

TEST(PluginAdapter, AHostOfAbi11IsTakenAndCountingOnItDoesNothing) {
  FakeHost old_host;
  old_host.api.struct_size = HUB_HOST_API_SIZE_V1_0;  // ends before add_count, which stays unread
  hub_connector* connector = nullptr;
  hub_error error{};
  ASSERT_EQ(Adapter::Api()->create(&old_host.api, &connector, &error), HUB_STATUS_OK) << error.message;
  hub_option_value option{ToC("mode"), ToC("echo")};
  ASSERT_EQ(Adapter::Api()->configure(connector, &option, 1, &error), HUB_STATUS_OK);
  const hub_batch* batch = nullptr;
  EXPECT_EQ(Adapter::Api()->read_batch(connector, ToC(""), 5, &batch, &error), HUB_STATUS_OK);
  EXPECT_TRUE(old_host.counts.empty());
  Adapter::Api()->destroy(connector);
}

TEST_F(AdapterTest, CountsReachTheHost) {
  ASSERT_TRUE(Configure("echo").ok());
  ASSERT_TRUE(Read("", 5).ok());
  ASSERT_TRUE(Read("", 5).ok());
  EXPECT_EQ(host_.counts, (std::vector<std::pair<std::string, int64_t>>{{"reads", 1}, {"reads", 1}}));
}

TEST_F(AdapterTest, ConfigureAndReadGoThroughTheTableWithTheHostsServices) {
  ASSERT_TRUE(Configure("echo").ok());
  EXPECT_EQ(host_.lines, std::vector<std::string>{"mode echo"});
  Result<Batch> batch = Read("c7", 50);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  ASSERT_EQ(batch->records.size(), 1u);
  EXPECT_EQ(batch->records[0].source_id, "c7|50|1234");
  EXPECT_EQ(batch->next_cursor, "next");
}

TEST_F(AdapterTest, ErrorsKeepTheirCodeAcrossTheTable) {
  Status refused = Configure("refuse");
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.message(), "mode refused");
  ASSERT_TRUE(Configure("echo").ok());
  host_.cancelled = true;
  EXPECT_EQ(Read("", 1).status().code(), StatusCode::kCancelled);
}

TEST_F(AdapterTest, ExceptionsBecomeInternalErrors) {
  struct Case {
    const char* mode;
    const char* message;
  };
  const Case kCases[] = {{"throw", "uncaught exception: boom"}, {"throw_int", "uncaught exception of unknown type"}};
  for (const Case& c : kCases) {
    ASSERT_TRUE(Configure(c.mode).ok());
    Result<Batch> batch = Read("", 1);
    EXPECT_EQ(batch.status().code(), StatusCode::kInternal) << c.mode;
    EXPECT_EQ(batch.status().message(), c.message);
  }
}

TEST_F(AdapterTest, WriteEventsIsUnimplementedByDefault) {
  hub_outbound_event event{
      sizeof(hub_outbound_event), ToC("party.updated"), ToC("party"), ToC("1"), ToC("{}"), ToC("ev-1"), 1};
  uint64_t accepted = 99;
  hub_error error{};
  EXPECT_EQ(api_.write_events(connector_, &event, 1, &accepted, &error), HUB_STATUS_UNIMPLEMENTED);
  EXPECT_EQ(accepted, 99u);
}

}  // namespace
}  // namespace hub::sdk::detail
