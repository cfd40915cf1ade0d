#include "service/customer_accounts.hpp"

#include <map>
#include <string>

#include <boost/json/array.hpp>

#include "common/value_json.hpp"
#include "service/exact_decimal.hpp"

namespace hub::service {
namespace {

using sdk::Value;

// The sums of one currency.
struct Balance {
  ExactDecimal invoices_open;
  ExactDecimal credit_notes_open;
  ExactDecimal overdue;
};

std::string Text(const Value& value) { return value.is_null() ? std::string() : value.text(); }

constexpr ListColumn kInvoiceColumns[] = {{"id", "BIGINT"},
                                          {"invoice_number", "TEXT"},
                                          {"kind", "TEXT"},
                                          {"status", "TEXT"},
                                          {"payment_state", "TEXT"},
                                          {"currency", "TEXT"},
                                          {"total_amount", "{{money}}"},
                                          {"amount_residual", "{{money}}"},
                                          {"issued_on", "{{date}}"},
                                          {"due_on", "{{date}}"},
                                          {"order_reference", "TEXT"}};
constexpr std::size_t kKind = 2;
constexpr std::size_t kInvoiceCurrency = 5;
constexpr std::size_t kResidual = 7;

constexpr ListColumn kReceivableColumns[] = {
    {"currency", "TEXT"}, {"amount", "{{money}}", "COALESCE(amount_residual, amount)"}, {"due_on", "{{date}}"}};

// Adds the open invoices to `customer` and their residuals to `balances`.
void AddInvoices(const odbc::RowSet& rows, boost::json::object& customer, std::map<std::string, Balance>& balances) {
  boost::json::array open;
  for (const odbc::Row& row : rows.rows) {
    const ExactDecimal residual = DecimalOf(row[kResidual]);
    if (!residual.IsPositive()) continue;
    Balance& balance = balances[Text(row[kInvoiceCurrency])];
    if (Text(row[kKind]) == "credit_note") {
      balance.credit_notes_open = balance.credit_notes_open + residual;
    } else {
      balance.invoices_open = balance.invoices_open + residual;
    }
    boost::json::object item;
    for (std::size_t c = 0; c < row.size(); ++c) item[rows.columns[c].name] = ValueToJson(row[c]);
    open.push_back(std::move(item));
  }
  customer["open_invoices"] = std::move(open);
}

// Adds the receivables due before `today` to `balances`.
void AddOverdue(const odbc::RowSet& rows, std::string_view today, std::map<std::string, Balance>& balances) {
  for (const odbc::Row& row : rows.rows) {
    // Dates compare as their ISO text on both engines.
    if (Text(row[2]).substr(0, 10) >= today) continue;
    Balance& balance = balances[Text(row[0])];
    balance.overdue = balance.overdue + DecimalOf(row[1]);
  }
}

}  // namespace

const CustomerList& OpenInvoicesList() {
  static constexpr CustomerList kList{
      .key = "open_invoices",
      .columns = kInvoiceColumns,
      .from =
          "FROM invoices WHERE status NOT IN ('draft', 'cancelled') AND amount_residual IS NOT NULL AND party_id IN ",
      .order = "ORDER BY issued_on, id",
      .entity = "invoice",
      .table = "invoices"};
  return kList;
}

const CustomerList& OverdueReceivablesList() {
  static constexpr CustomerList kList{
      .key = "receivables",
      .columns = kReceivableColumns,
      .from = "FROM receivables WHERE status = 'open' AND due_on IS NOT NULL AND party_id IN ",
      .order = "ORDER BY id",
      .entity = "receivable",
      .table = "receivables"};
  return kList;
}

void AddAccounts(const odbc::RowSet& invoices, const odbc::RowSet& receivables, std::string_view today,
                 boost::json::object& customer) {
  std::map<std::string, Balance> balances;
  AddInvoices(invoices, customer, balances);
  AddOverdue(receivables, today, balances);
  boost::json::array per_currency;
  for (const auto& [currency, balance] : balances) {
    per_currency.push_back(boost::json::object{
        {"currency", currency},
        {"balance", (balance.invoices_open - balance.credit_notes_open).ToString()},
        {"invoices_open", balance.invoices_open.ToString()},
        {"credit_notes_open", balance.credit_notes_open.ToString()},
        {"overdue", balance.overdue.ToString()},
    });
  }
  customer["receivable_balance"] = std::move(per_currency);
}

}  // namespace hub::service
