// What a customer owes, for GET /api/v1/customers/{id}: its open invoices and its receivable balance per
// currency, from the invoices and receivables the finance connectors bring (private to customer_record.cpp).
#ifndef HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_
#define HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::service {

// The customer's parties, the golden one and those merged into it, as SQL for "party_id IN <Sql()>" with its
// Params(). Without merged parties it is the golden id alone, "(?)", which both engines read as an equality
// (SQLite would otherwise build a temporary b-tree for the IN list in every statement); with them, a union, so
// that both engines read ix_parties_golden instead of scanning every party (an OR of id and golden_party_id
// makes SQLite scan the whole index).
struct CustomerParties {
  std::int64_t golden_id = 0;
  bool has_merged = false;  // whether any party is merged into the golden one

  std::string_view Sql() const;
  std::vector<sdk::Value> Params() const;
};

// "AND <the row `table`.id of `entity` is one its sources still have>": false only when every source link of
// the row is deleted (a sweep saw it gone), so that what a source deleted drops out of the customer's lists.
std::string StillInItsSource(std::string_view entity, std::string_view table);

// Adds to `customer` (the object of the golden party of `parties`):
// - "open_invoices": its invoices and credit notes, neither draft nor cancelled, whose amount_residual is above
//   zero, oldest first (id, invoice_number, kind, status, payment_state, currency, total_amount,
//   amount_residual, issued_on, due_on, order_reference);
// - "receivable_balance": per currency (in order), {currency, balance, invoices_open, credit_notes_open,
//   overdue}: the residuals of those invoices minus those of the credit notes, and the residual (else the
//   amount) of the open receivables due before `today` ("YYYY-MM-DD"). Sums are exact decimals as strings.
// A record its source deleted counts nowhere. Threads: as the connection. Errors: the driver's Status.
sdk::Status AddAccounts(odbc::Connection& connection, const CustomerParties& parties, std::string_view today,
                        boost::json::object& customer);

}  // namespace hub::service

#endif  // HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_
