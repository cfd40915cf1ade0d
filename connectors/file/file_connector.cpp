// The `file` connector plugin: CSV/TSV and JSON Lines from a file or a watched folder, and events as JSON
// Lines files into a drop folder (see README.md).
#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "file/event_drop.hpp"
#include "file/file_options.hpp"
#include "file/file_source.hpp"
#include "hub/sdk/sdk.hpp"

namespace hub::file {

// The plugin class: parses its options into a FileSource (with `path`) and an EventDrop (with
// `events_dir`) and forwards to them. Lives as long as the hub's connector instance; the hub never calls it
// concurrently.
class FileConnector final : public sdk::Connector {
 public:
  explicit FileConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeFileConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<FileOptions> parsed = ParseFileOptions(options);
    if (!parsed.ok()) return parsed.status();
    const sdk::Context& context = context_;
    auto log = [&context](sdk::LogLevel level, std::string_view message) {
      if (context.LogEnabled(level)) context.Log(level, message);
    };
    auto now = [&context] {
      return std::chrono::system_clock::time_point(std::chrono::milliseconds(context.NowUnixMs()));
    };
    FileOptions file_options = std::move(parsed).value();
    if (!file_options.events_dir.empty()) {
      drop_ = std::make_unique<EventDrop>(file_options.events_dir, file_options.events_prefix);
    }
    if (!file_options.path.empty()) {
      auto count = [&context](std::string_view counter, std::int64_t delta) { context.Count(counter, delta); };
      source_ = std::make_unique<FileSource>(std::move(file_options), ReaderLimits{}, log, now, count);
    }
    configured_ = true;
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (!configured_) return sdk::Status::Internal("the file connector was not configured");
    if (source_ == nullptr) {
      return sdk::Status::InvalidArgument(
          "this file connector has no option 'path', so it reads nothing (it only delivers events to "
          "events_dir): give it path to read");
    }
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Result<std::size_t> WriteEvents(const std::vector<sdk::OutboundEvent>& events) override {
    if (!configured_) return sdk::Status::Internal("the file connector was not configured");
    // Not the events' fault: they wait (and are retried) until events_dir is configured.
    if (drop_ == nullptr) {
      return sdk::Status::Unavailable(
          "this file connector has no option 'events_dir', so it takes no events: give it the drop folder");
    }
    return drop_->Write(events);
  }

  sdk::Status CheckHealth() override {
    if (!configured_) return sdk::Status::Internal("the file connector was not configured");
    if (source_ != nullptr) HUB_RETURN_IF_ERROR(source_->CheckHealth());
    if (drop_ != nullptr) HUB_RETURN_IF_ERROR(drop_->CheckHealth());
    return sdk::Status::Ok();
  }

 private:
  sdk::Context& context_;
  bool configured_ = false;
  std::unique_ptr<FileSource> source_;  // null without `path`
  std::unique_ptr<EventDrop> drop_;     // null without `events_dir`
};

}  // namespace hub::file

HUB_EXPORT_CONNECTOR(hub::file::FileConnector)
