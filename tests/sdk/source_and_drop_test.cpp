// sdk::SourceAndDropConnector: forwards reads to its source and events to its drop, names the option a
// missing part needs, refuses every call before Configure, and gives its parts the context's clock and log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hub/sdk/source_and_drop.hpp"

namespace hub::sdk {
namespace {

using ::testing::HasSubstr;

class FixedContext final : public Context {
 public:
  bool LogEnabled(LogLevel level) const override { return level >= LogLevel::kWarn; }
  void Log(LogLevel, std::string_view message) const override { logged.emplace_back(message); }
  std::int64_t NowUnixMs() const override { return 1'700'000'000'000; }
  bool Cancelled() const override { return false; }
  Result<std::string> ResolveSecret(std::string_view) const override { return Status::NotFound("none"); }

  mutable std::vector<std::string> logged;
};

struct ToySource {
  Result<Batch> ReadBatch(std::string_view cursor, std::size_t) {
    return Batch{{}, std::string(cursor) + "+1", true, std::nullopt};
  }
  Status CheckHealth() const { return healthy ? Status::Ok() : Status::Unavailable("folder gone"); }
  bool healthy = true;
};

struct ToyDrop {
  Result<std::size_t> Write(const std::vector<OutboundEvent>& events) { return events.size(); }
  Status CheckHealth() const { return Status::Ok(); }
};

// Configured with the parts `Set` installs; Configure's options decide nothing here.
class ToyConnector final : public SourceAndDropConnector<ToySource, ToyDrop> {
 public:
  explicit ToyConnector(Context& context) : SourceAndDropConnector(context, {"toy", "path", "drop_dir", "orders"}) {}

  Status Configure(const Options&) override {
    Install(std::move(source_), std::move(drop_));
    return Status::Ok();
  }
  void Set(std::unique_ptr<ToySource> source, std::unique_ptr<ToyDrop> drop) {
    source_ = std::move(source);
    drop_ = std::move(drop);
  }
  using SourceAndDropConnector::ContextClock;
  using SourceAndDropConnector::ContextLog;

 private:
  std::unique_ptr<ToySource> source_;
  std::unique_ptr<ToyDrop> drop_;
};

TEST(SourceAndDropConnector, RefusesEveryCallBeforeConfigure) {
  FixedContext context;
  ToyConnector connector(context);
  EXPECT_EQ(connector.ReadBatch("", 10).status().code(), StatusCode::kInternal);
  EXPECT_EQ(connector.WriteEvents({}).status().code(), StatusCode::kInternal);
  EXPECT_THAT(connector.CheckHealth().message(), HasSubstr("the toy connector was not configured"));
}

TEST(SourceAndDropConnector, ForwardsToItsPartsAndAsksBothForHealth) {
  FixedContext context;
  ToyConnector connector(context);
  auto source = std::make_unique<ToySource>();
  source->healthy = false;
  connector.Set(std::move(source), std::make_unique<ToyDrop>());
  ASSERT_TRUE(connector.Configure(Options()).ok());
  Result<Batch> batch = connector.ReadBatch("c", 10);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(batch->next_cursor, "c+1");
  Result<std::size_t> written = connector.WriteEvents(std::vector<OutboundEvent>(2));
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(*written, 2u);
  EXPECT_EQ(connector.CheckHealth().code(), StatusCode::kUnavailable);
}

TEST(SourceAndDropConnector, NamesTheOptionAMissingPartNeeds) {
  FixedContext context;
  ToyConnector connector(context);
  ASSERT_TRUE(connector.Configure(Options()).ok());
  const Status read = connector.ReadBatch("", 10).status();
  EXPECT_EQ(read.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(read.message(),
            "this toy connector has no option 'path', so it reads nothing (it only delivers orders to drop_dir): "
            "give it path to read");
  // Not the events' fault: they wait until the drop is configured.
  const Status write = connector.WriteEvents({}).status();
  EXPECT_EQ(write.code(), StatusCode::kUnavailable);
  EXPECT_EQ(write.message(),
            "this toy connector has no option 'drop_dir', so it takes no orders: give it the drop folder");
  EXPECT_TRUE(connector.CheckHealth().ok());
}

TEST(SourceAndDropConnector, GivesItsPartsTheContextsClockAndALogThatChecksTheLevel) {
  FixedContext context;
  ToyConnector connector(context);
  EXPECT_EQ(
      std::chrono::duration_cast<std::chrono::milliseconds>(connector.ContextClock()().time_since_epoch()).count(),
      1'700'000'000'000);
  const auto log = connector.ContextLog();
  log(LogLevel::kInfo, "quiet");
  log(LogLevel::kWarn, "loud");
  EXPECT_EQ(context.logged, std::vector<std::string>{"loud"});
}

}  // namespace
}  // namespace hub::sdk
