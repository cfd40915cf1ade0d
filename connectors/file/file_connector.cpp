// The `file` connector plugin: CSV/TSV and JSON Lines from a file or a watched folder (see README.md).
#include <chrono>
#include <memory>
#include <string_view>

#include "file/file_options.hpp"
#include "file/file_source.hpp"
#include "hub/sdk/sdk.hpp"

namespace hub::file {

// The plugin class: parses its options into a FileSource and forwards to it. Lives as long as the hub's
// connector instance; the hub never calls it concurrently.
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
    source_ = std::make_unique<FileSource>(std::move(parsed).value(), ReaderLimits{}, log, now);
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (source_ == nullptr) return sdk::Status::Internal("the file connector was not configured");
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Status CheckHealth() override {
    if (source_ == nullptr) return sdk::Status::Internal("the file connector was not configured");
    return source_->CheckHealth();
  }

 private:
  sdk::Context& context_;
  std::unique_ptr<FileSource> source_;
};

}  // namespace hub::file

HUB_EXPORT_CONNECTOR(hub::file::FileConnector)
