// The finance connector's options for invoice requests (delivery events out, as rows of interface tables in the
// finance database or as UBL files in a folder): where they go and the system of the customers' finance ids.
#ifndef HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_OPTIONS_HPP_
#define HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_OPTIONS_HPP_

#include <filesystem>
#include <string>
#include <vector>

#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// Where the requests go: UBL invoice files in `drop_dir` when it is set, else rows of the interface tables
// (plain or schema-qualified SQL identifiers, checked by the options) over `connection`; and the hub system
// whose source links hold the finance system's customer ids. A plain value.
struct InvoiceRequestOptions {
  std::string connection;  // the finance database's ODBC connection string (a secret)
  std::string requests_table = "hub_invoice_requests";
  std::string lines_table = "hub_invoice_request_lines";
  std::filesystem::path drop_dir;  // empty: rows, not files
  std::string finance_system = "finance";
};

// invoice_drop_dir, invoice_requests_table, invoice_request_lines_table, finance_system. Pure.
std::vector<sdk::OptionSpec> InvoiceRequestOptionSpecs();

// The options, over `connection` (with neither it nor invoice_drop_dir the connector takes no events). InvalidArgument
// naming the option for a table name that is not an SQL identifier (letters, digits, _, one optional schema. prefix;
// nothing to quote, nothing to inject), two tables of one name, or a finance_system that is not a system name.
sdk::Result<InvoiceRequestOptions> ParseInvoiceRequestOptions(const sdk::Options& options,
                                                              const std::string& connection);

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_OPTIONS_HPP_
