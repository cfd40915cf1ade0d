// The finance connector's options: their schema (the one table the host validates and the README shows)
// and their parsed form.
#ifndef HUB_CONNECTORS_FINANCE_FINANCE_OPTIONS_HPP_
#define HUB_CONNECTORS_FINANCE_FINANCE_OPTIONS_HPP_

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "finance/invoice_request_options.hpp"
#include "finance/odoo_profile.hpp"
#include "finance/ubl_folder_options.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// Validated options of one finance connector instance. A plain value.
struct FinanceOptions {
  std::string connection;  // the ERP's ODBC connection string (a secret: never print it); empty: no tables
  std::string profile = "odoo17";
  // The streams to read, in the profile's order, each with its query (the profile's, or <name>_query).
  std::vector<StreamSpec> streams;
  std::chrono::milliseconds overlap{std::chrono::minutes(5)};
  // How often a key-set sweep lists every stream's ids so the hub sees deletions; zero: never.
  std::chrono::milliseconds sweep_every{std::chrono::hours(1)};
  // The largest share of a stream's stored records one sweep may delete (0 to 1).
  double max_sweep_delete_fraction = 0.2;
  // The folder of UBL invoices and credit notes (`ubl_path`), read after the tables; nullopt: none.
  std::optional<UblFolder> ubl;
  // Where delivery events become invoice requests (the interface tables over `connection`, or UBL files).
  InvoiceRequestOptions invoice_requests;
};

// The plugin's self-description: name "finance", kind "connector", every option with type, default,
// whether it is required and what it does. Pure; thread-safe.
sdk::PluginDescription DescribeFinanceConnector();

// Parses the values the host validated against DescribeFinanceConnector(). InvalidArgument naming the
// option for none of `connection`, `ubl_path` and `invoice_drop_dir`, an unknown profile, a stream name the profile
// does not have (in `streams`), no stream at all, an empty <name>_query override, a company_id below 1, a bad duration,
// or a max_sweep_delete_fraction that is not a number from 0 to 1, and as ParseInvoiceRequestOptions.
sdk::Result<FinanceOptions> ParseFinanceOptions(const sdk::Options& options);

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_FINANCE_OPTIONS_HPP_
