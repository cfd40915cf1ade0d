// The `hr` connector plugin: the employee roster a Chinese HR system exports as CSV, or its employee table
// over ODBC, with the teams, territories and specialities it names (see README.md).
#include <memory>
#include <string_view>
#include <utility>

#include "hr/hr_options.hpp"
#include "hr/hr_source.hpp"
#include "hr/hr_table_source.hpp"
#include "hub/sdk/context_sinks.hpp"
#include "hub/sdk/sdk.hpp"

namespace hub::hr {

// The plugin class: parses its options into an HrSource (the CSV export) or an HrTableSource (the table)
// and forwards to it, with the hub's clock, log and cancellation.
// Lives as long as the hub's connector instance; the hub never calls it concurrently.
class HrConnector final : public sdk::Connector {
 public:
  explicit HrConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeHrConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<HrOptions> parsed = ParseHrOptions(options);
    if (!parsed.ok()) return parsed.status();
    if (!parsed->connection.empty()) {
      source_ = std::make_unique<HrTableSource>(std::move(parsed).value(), sdk::ContextLog(context_),
                                                sdk::ContextClock(context_), sdk::ContextCancelled(context_));
      return sdk::Status::Ok();
    }
    source_ = std::make_unique<HrSource>(*parsed, sdk::ContextLog(context_), sdk::ContextClock(context_),
                                         sdk::ContextCount(context_));
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (source_ == nullptr) return sdk::Status::Internal("the hr connector was not configured");
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Status CheckHealth() override {
    if (source_ == nullptr) return sdk::Status::Internal("the hr connector was not configured");
    return source_->CheckHealth();
  }

 private:
  sdk::Context& context_;
  std::unique_ptr<EmployeeSource> source_;
};

}  // namespace hub::hr

HUB_EXPORT_CONNECTOR(hub::hr::HrConnector)
