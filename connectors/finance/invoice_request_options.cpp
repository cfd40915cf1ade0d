#include "finance/invoice_request_options.hpp"

#include <string_view>

#include "finance/ubl_folder_options.hpp"
#include "hub/odbc/sql_identifier.hpp"

namespace hub::finance {

using sdk::OptionType;

std::vector<sdk::OptionSpec> InvoiceRequestOptionSpecs() {
  const InvoiceRequestOptions defaults;
  return {
      {"invoice_drop_dir", OptionType::kPath, std::nullopt, false,
       "Where delivery events become invoice requests as UBL 2.1 Invoice files, "
       "`INVOICE_REQUEST_<delivery>_<event id>.xml`, written atomically, once per delivery (ledger "
       "`.hub_sent/<delivery system>%3A<delivery id>`), instead of rows of `invoice_requests_table`. Unset: rows."},
      {"invoice_requests_table", OptionType::kString, defaults.requests_table, false,
       "The interface table in the finance database (over `connection`) where each delivery event the connector "
       "is handed becomes one invoice request row, status `new`, once per delivery; created on first use when "
       "absent. A name or `schema.name`."},
      {"invoice_request_lines_table", OptionType::kString, defaults.lines_table, false,
       "The table of the requests' lines (one row per delivered line, keyed by request_id and line_no); created "
       "on first use when absent."},
      {"finance_system", OptionType::kString, defaults.finance_system, false,
       "The hub source system of this finance system's own records: a customer's source link in it is its "
       "partner id there (`customer_partner_id` of a request)."},
  };
}

sdk::Result<InvoiceRequestOptions> ParseInvoiceRequestOptions(const sdk::Options& options,
                                                              const std::string& connection) {
  InvoiceRequestOptions parsed;
  parsed.connection = connection;
  parsed.requests_table = options.GetString("invoice_requests_table", parsed.requests_table);
  parsed.lines_table = options.GetString("invoice_request_lines_table", parsed.lines_table);
  auto refuse = [](std::string_view option, const std::string& table) {
    return sdk::Status::InvalidArgument(
        "option '" + std::string(option) + "': '" + table +
        "' is not a table name (letters, digits and _, with one optional schema. prefix)");
  };
  if (!odbc::IsTableName(parsed.requests_table)) return refuse("invoice_requests_table", parsed.requests_table);
  if (!odbc::IsTableName(parsed.lines_table)) return refuse("invoice_request_lines_table", parsed.lines_table);
  if (parsed.requests_table == parsed.lines_table) {
    return sdk::Status::InvalidArgument("option 'invoice_request_lines_table': '" + parsed.lines_table +
                                        "' is the invoice_requests_table too: give the lines a table of their own");
  }
  parsed.drop_dir = options.GetString("invoice_drop_dir");
  parsed.finance_system = options.GetString("finance_system", parsed.finance_system);
  if (!IsSystemName(parsed.finance_system)) {
    return sdk::Status::InvalidArgument("option 'finance_system': '" + parsed.finance_system +
                                        "' is not a system name (lowercase letters, digits and _)");
  }
  return parsed;
}

}  // namespace hub::finance
