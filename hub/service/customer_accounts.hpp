// What a customer owes, for GET /api/v1/customers/{id}: its open invoices and its receivable balance per
// currency, from the invoices and receivables the finance connectors bring (private to customer_record.cpp).
#ifndef HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_
#define HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::service {

// The ids of the customer's parties, the golden one and those merged into it: SQL taking two parameters, both
// the golden party's id. Written as a union so that both engines read ix_parties_golden instead of scanning
// every party (an OR of id and golden_party_id makes SQLite scan the whole index).
inline constexpr std::string_view kPartiesOfCustomer =
    "(SELECT CAST(? AS BIGINT) UNION ALL SELECT id FROM parties WHERE golden_party_id = ?)";

// "AND <the row `table`.id of `entity` is one its sources still have>": false only when every source link of
// the row is deleted (a sweep saw it gone), so that what a source deleted drops out of the customer's lists.
std::string StillInItsSource(std::string_view entity, std::string_view table);

// Adds to `customer` (the golden party `golden_id`'s object):
// - "open_invoices": its invoices and credit notes, neither draft nor cancelled, whose amount_residual is above
//   zero, oldest first (id, invoice_number, kind, status, payment_state, currency, total_amount,
//   amount_residual, issued_on, due_on, order_reference);
// - "receivable_balance": per currency (in order), {currency, balance, invoices_open, credit_notes_open,
//   overdue}: the residuals of those invoices minus those of the credit notes, and the residual (else the
//   amount) of the open receivables due before `today` ("YYYY-MM-DD"). Sums are exact decimals as strings.
// A record its source deleted counts nowhere. Threads: as the connection. Errors: the driver's Status.
sdk::Status AddAccounts(odbc::Connection& connection, std::int64_t golden_id, std::string_view today,
                        boost::json::object& customer);

}  // namespace hub::service

#endif  // HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_
