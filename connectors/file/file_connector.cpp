// The `file` connector plugin: CSV/TSV and JSON Lines from a file or a watched folder, and events as JSON
// Lines files into a drop folder (see README.md).
#include <memory>
#include <utility>

#include "file/event_drop.hpp"
#include "file/file_options.hpp"
#include "file/file_source.hpp"
#include "hub/sdk/sdk.hpp"
#include "hub/sdk/source_and_drop.hpp"

namespace hub::file {

// The plugin class: parses its options into a FileSource (with `path`) and an EventDrop (with
// `events_dir`); sdk::SourceAndDropConnector forwards to them.
class FileConnector final : public sdk::SourceAndDropConnector<FileSource, EventDrop> {
 public:
  explicit FileConnector(sdk::Context& context)
      : SourceAndDropConnector(context, {"file", "path", "events_dir", "events"}) {}

  static sdk::PluginDescription Describe() { return DescribeFileConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<FileOptions> parsed = ParseFileOptions(options);
    if (!parsed.ok()) return parsed.status();
    FileOptions file_options = std::move(parsed).value();
    std::unique_ptr<EventDrop> drop;
    if (!file_options.events_dir.empty()) {
      drop = std::make_unique<EventDrop>(file_options.events_dir, file_options.events_prefix);
    }
    std::unique_ptr<FileSource> source;
    if (!file_options.path.empty()) {
      source = std::make_unique<FileSource>(std::move(file_options), ReaderLimits{}, ContextLog(), ContextClock(),
                                            ContextCount());
    }
    Install(std::move(source), std::move(drop));
    return sdk::Status::Ok();
  }
};

}  // namespace hub::file

HUB_EXPORT_CONNECTOR(hub::file::FileConnector)
