// What a customer owes, for GET /api/v1/customers/{id}: its open invoices and its receivable balance per
// currency, from the invoices and receivables the finance connectors bring (private to customer_record.cpp).
#ifndef HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_
#define HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_

#include <string_view>

#include <boost/json/object.hpp>

#include "hub/odbc/connection.hpp"
#include "service/customer_lists.hpp"

namespace hub::service {

// The customer's invoices and credit notes, neither draft nor cancelled, with a residual, oldest first (id,
// invoice_number, kind, status, payment_state, currency, total_amount, amount_residual, issued_on, due_on,
// order_reference), whose source still has them.
const CustomerList& OpenInvoicesList();

// The customer's open receivables with a due date (currency, amount: the residual, else the amount, due_on),
// whose source still has them.
const CustomerList& OverdueReceivablesList();

// Adds to `customer` (the object of the golden party), from `invoices` (read by OpenInvoicesList) and
// `receivables` (read by OverdueReceivablesList):
// - "open_invoices": the invoices whose amount_residual is above zero, in their order;
// - "receivable_balance": per currency (in order), {currency, balance, invoices_open, credit_notes_open,
//   overdue}: the residuals of those invoices minus those of the credit notes, and the amount of the
//   receivables due before `today` ("YYYY-MM-DD"). Sums are exact decimals as strings.
// Pure function.
void AddAccounts(const odbc::RowSet& invoices, const odbc::RowSet& receivables, std::string_view today,
                 boost::json::object& customer);

}  // namespace hub::service

#endif  // HUB_SERVICE_CUSTOMER_ACCOUNTS_HPP_
