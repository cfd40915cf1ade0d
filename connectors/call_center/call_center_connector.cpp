// The `call_center` connector plugin: the call detail records Asterisk appends to Master.csv, one record per
// call (see README.md).
#include <memory>
#include <string_view>

#include "call_center/call_center_options.hpp"
#include "call_center/call_center_source.hpp"
#include "hub/sdk/context_sinks.hpp"
#include "hub/sdk/sdk.hpp"

namespace hub::call_center {

// The plugin class: parses its options into a CallCenterSource and forwards to it, with the hub's clock and
// log. Lives as long as the hub's connector instance; the hub never calls it concurrently.
class CallCenterConnector final : public sdk::Connector {
 public:
  explicit CallCenterConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeCallCenterConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<CallCenterOptions> parsed = ParseCallCenterOptions(options);
    if (!parsed.ok()) return parsed.status();
    source_ = std::make_unique<CallCenterSource>(*parsed, sdk::ContextLog(context_), sdk::ContextClock(context_),
                                                 sdk::ContextCount(context_));
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (source_ == nullptr) return sdk::Status::Internal("the call_center connector was not configured");
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Status CheckHealth() override {
    if (source_ == nullptr) return sdk::Status::Internal("the call_center connector was not configured");
    return source_->CheckHealth();
  }

 private:
  sdk::Context& context_;
  std::unique_ptr<CallCenterSource> source_;
};

}  // namespace hub::call_center

HUB_EXPORT_CONNECTOR(hub::call_center::CallCenterConnector)
