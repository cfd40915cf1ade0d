// A customer as GET /api/v1/customers/{id} answers it — the golden party with its identifiers, channels,
// source links and data-quality flags, read from the store — and its card, as the screen pop
// (GET /api/v1/customers?phone=...) answers it.
#ifndef HUB_SERVICE_CUSTOMER_RECORD_HPP_
#define HUB_SERVICE_CUSTOMER_RECORD_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::service {

// How much of the customer ReadCustomer reads.
enum class CustomerView {
  kFull,  // everything below
  kCard,  // the party's columns, source_links, open_leads, open_orders, last_activities, open_invoices and
          // receivable_balance: what a call-center agent sees when the customer calls
};

// The customer `party_id` on `connection`. A party merged into another answers its golden record (the
// chain of golden_party_id followed); the golden record's lists include what was stored for the parties
// merged into it. The object (docs/openapi.yaml, Customer): the party's columns (id, kind, name, ...,
// golden_party_id, owner_employee_id with the owner's owner_employee_number and owner_name, created_at,
// updated_at) and the arrays identifiers, phones (kind, raw, e164, extension), emails, websites, addresses,
// source_links (every system's record of it: a finance partner id, a supply-chain customer number), contacts
// (the people at it), open_leads, open_opportunities, orders, open_orders (neither delivered, closed nor
// cancelled), credit_limits, open_invoices and receivable_balance (customer_accounts.hpp: overdue is what falls
// due before `today`, "YYYY-MM-DD") and quality (field, value, problem, detail, and the source_system and
// source_id of the record that gave it), each in the order stored, and last_activities (its 5 newest
// activities, newest first), and lineage (field, value, from_party_id, source_system, rule: where each value of a
// golden record a match run made came from; those values stand in the party's columns; empty otherwise). Orders, credit
// limits, invoices and receivables whose every source link is deleted are left out of the open lists and the balance.
// `view` kCard reads only the card's part of it (docs/openapi.yaml, CustomerCard). Threads: as the connection. Errors:
// NotFound when no party has the id; the driver's Status.
sdk::Result<boost::json::object> ReadCustomer(odbc::Connection& connection, std::int64_t party_id,
                                              std::string_view today, CustomerView view);

// "SELECT <the party's columns of the customer object, then has_merged_parties> FROM <from> <the owner's
// join>", `from` naming the parties table as p (a join ending in "parties p ON ..."): what a query finding
// customers selects so that their party rows need not be read again (ReadCustomer below, which reads
// has_merged_parties to choose its lists' SQL and leaves it out of the object).
std::string SelectCustomerParties(std::string_view from);

// ReadCustomer for row `row` of `rows`, a party read with SelectCustomerParties: the same object, reading only
// the lists when the party is a golden record (else its golden record is read as ReadCustomer reads it).
// Threads: as the connection. Errors: as ReadCustomer.
sdk::Result<boost::json::object> ReadCustomer(odbc::Connection& connection, const odbc::RowSet& rows,
                                              const odbc::Row& row, std::string_view today, CustomerView view);

}  // namespace hub::service

#endif  // HUB_SERVICE_CUSTOMER_RECORD_HPP_
