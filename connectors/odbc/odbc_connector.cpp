// The `odbc` connector plugin: a source query read incrementally from any ODBC data source (see README.md).
#include <memory>
#include <string_view>

#include "hub/sdk/context_sinks.hpp"
#include "hub/sdk/sdk.hpp"
#include "odbc/odbc_options.hpp"
#include "odbc/odbc_source.hpp"

namespace hub::odbc_source {

// The plugin class: parses its options into an OdbcSource and forwards to it. Lives as long as the hub's
// connector instance; the hub never calls it concurrently.
class OdbcConnector final : public sdk::Connector {
 public:
  explicit OdbcConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeOdbcConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<OdbcOptions> parsed = ParseOdbcOptions(options);
    if (!parsed.ok()) return parsed.status();
    source_ = std::make_unique<OdbcSource>(std::move(parsed).value(), sdk::ContextLog(context_),
                                           sdk::ContextCancelled(context_));
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (source_ == nullptr) return sdk::Status::Internal("the odbc connector was not configured");
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Status CheckHealth() override {
    if (source_ == nullptr) return sdk::Status::Internal("the odbc connector was not configured");
    return source_->CheckHealth();
  }

 private:
  sdk::Context& context_;
  std::unique_ptr<OdbcSource> source_;
};

}  // namespace hub::odbc_source

HUB_EXPORT_CONNECTOR(hub::odbc_source::OdbcConnector)
