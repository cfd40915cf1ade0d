// What the finance connector reads from one ERP schema (a profile): its streams, each a SELECT over the
// ERP's own tables giving one entity's records, in the order references need them.
#ifndef HUB_CONNECTORS_FINANCE_ODOO_PROFILE_HPP_
#define HUB_CONNECTORS_FINANCE_ODOO_PROFILE_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub::finance {

// One stream of a profile. Its query gives one row per record with the columns `id` (the source id, unique
// within the stream) and `write_date` (when the row last changed, the keyset's timestamp), plus the columns
// the default mapping reads. A plain value.
struct StreamSpec {
  std::string name;    // partners, invoices, ...: the option names (<name>_query) and the cursor's keys
  std::string entity;  // the entity of its records
  std::string table;   // the ERP table a row comes from: how positions name it ("account_move id=7")
  std::string query;   // portable SQL (SQLite and PostgreSQL), no ORDER BY
  // Columns a record cannot go without: a row where one is NULL or empty is rejected, naming it.
  std::vector<std::string> required;
};

// The profiles this connector knows: "odoo17".
std::vector<std::string_view> ProfileNames();

// The streams of `profile`, in dependency order (partners first), restricted to one company when
// `company_id` is set; nullopt for an unknown profile. Pure.
//   odoo17: partners (party, res_partner), invoices (invoice, account_move out_invoice/out_refund),
//   invoice_lines (invoice_line, product lines of account_move_line), receivables (receivable, the
//   asset_receivable lines), payments (payment, inbound customer account_payment), credit_limits
//   (credit_limit, ir_property 'credit_limit' of res.partner).
std::optional<std::vector<StreamSpec>> ProfileStreams(std::string_view profile, std::optional<std::int64_t> company_id);

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_ODOO_PROFILE_HPP_
