// The `finance` connector plugin: a finance system's customers, invoices, receivables, payments and credit
// limits read from its own tables over ODBC, and UBL invoices and credit notes from a folder; delivery events out
// as invoice requests in an interface table (see README.md).
#include <memory>
#include <string_view>
#include <vector>

#include "finance/finance_options.hpp"
#include "finance/finance_source.hpp"
#include "finance/invoice_drop.hpp"
#include "finance/invoice_request_table.hpp"
#include "hub/sdk/context_sinks.hpp"
#include "hub/sdk/sdk.hpp"

namespace hub::finance {

// The plugin class: parses its options into a FinanceSource (reads) and an InvoiceDrop (with
// `invoice_drop_dir`) or else, with a connection, an InvoiceRequestTable (delivery events), and forwards to them. Lives
// as long as the hub's connector instance; the hub never calls it concurrently.
class FinanceConnector final : public sdk::Connector {
 public:
  explicit FinanceConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeFinanceConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<FinanceOptions> parsed = ParseFinanceOptions(options);
    if (!parsed.ok()) return parsed.status();
    const sdk::Context& context = context_;
    auto log = sdk::ContextLog(context);
    auto now = [&context] { return context.NowUnixMs(); };
    const InvoiceRequestOptions& requests = parsed->invoice_requests;
    if (!requests.drop_dir.empty()) {
      drop_ = std::make_unique<InvoiceDrop>(requests.drop_dir, requests.finance_system);
    } else if (!requests.connection.empty()) {
      table_ = std::make_unique<InvoiceRequestTable>(requests, log);
    }
    source_ = std::make_unique<FinanceSource>(std::move(parsed).value(), log, sdk::ContextCancelled(context), now,
                                              sdk::ContextCount(context));
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (source_ == nullptr) return sdk::Status::Internal("the finance connector was not configured");
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Result<std::size_t> WriteEvents(const std::vector<sdk::OutboundEvent>& events) override {
    if (source_ == nullptr) return sdk::Status::Internal("the finance connector was not configured");
    // Not the events' fault: they wait (and are retried) until the connector has the finance database.
    if (drop_ != nullptr) return drop_->Write(events);
    if (table_ != nullptr) return table_->Write(events);
    return sdk::Status::Unavailable(
        "this finance connector has neither 'connection' nor 'invoice_drop_dir', so it takes no events: give it the "
        "finance database or the folder where invoice requests go");
  }

  sdk::Status CheckHealth() override {
    if (source_ == nullptr) return sdk::Status::Internal("the finance connector was not configured");
    if (drop_ != nullptr) HUB_RETURN_IF_ERROR(drop_->CheckHealth());
    return source_->CheckHealth();
  }

 private:
  sdk::Context& context_;
  std::unique_ptr<FinanceSource> source_;
  std::unique_ptr<InvoiceDrop> drop_;           // null without `invoice_drop_dir`
  std::unique_ptr<InvoiceRequestTable> table_;  // null with `invoice_drop_dir` or without `connection`
};

}  // namespace hub::finance

HUB_EXPORT_CONNECTOR(hub::finance::FinanceConnector)
