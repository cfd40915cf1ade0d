// The `finance` connector plugin: a finance system's customers, invoices, receivables, payments and credit
// limits read from its own tables over ODBC, and UBL invoices and credit notes from a folder (see README.md).
#include <memory>
#include <string_view>

#include "finance/finance_options.hpp"
#include "finance/finance_source.hpp"
#include "hub/sdk/sdk.hpp"

namespace hub::finance {

// The plugin class: parses its options into a FinanceSource and forwards to it. Lives as long as the hub's
// connector instance; the hub never calls it concurrently.
class FinanceConnector final : public sdk::Connector {
 public:
  explicit FinanceConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeFinanceConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<FinanceOptions> parsed = ParseFinanceOptions(options);
    if (!parsed.ok()) return parsed.status();
    const sdk::Context& context = context_;
    auto log = [&context](sdk::LogLevel level, std::string_view message) {
      if (context.LogEnabled(level)) context.Log(level, message);
    };
    auto cancelled = [&context] { return context.Cancelled(); };
    auto now = [&context] { return context.NowUnixMs(); };
    auto count = [&context](std::string_view counter, std::int64_t delta) { context.Count(counter, delta); };
    source_ = std::make_unique<FinanceSource>(std::move(parsed).value(), log, cancelled, now, count);
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (source_ == nullptr) return sdk::Status::Internal("the finance connector was not configured");
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Status CheckHealth() override {
    if (source_ == nullptr) return sdk::Status::Internal("the finance connector was not configured");
    return source_->CheckHealth();
  }

 private:
  sdk::Context& context_;
  std::unique_ptr<FinanceSource> source_;
};

}  // namespace hub::finance

HUB_EXPORT_CONNECTOR(hub::finance::FinanceConnector)
