#include "service/customer_accounts.hpp"

#include <map>
#include <optional>
#include <string>

#include <boost/json/array.hpp>

#include "common/value_json.hpp"
#include "service/exact_decimal.hpp"
#include "store/odbc/cached_query.hpp"

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

sdk::Result<odbc::RowSet> QueryOfCustomer(odbc::Connection& connection, const std::string& sql,
                                          const CustomerParties& parties) {
  return odbc::QueryCached(connection, sql, parties.Params());
}

// Adds the open invoices to `customer` and their residuals to `balances`.
sdk::Status AddInvoices(odbc::Connection& connection, const CustomerParties& parties, boost::json::object& customer,
                        std::map<std::string, Balance>& balances) {
  const std::string sql =
      "SELECT id, invoice_number, kind, status, payment_state, currency, total_amount, amount_residual, issued_on, "
      "due_on, order_reference FROM invoices WHERE status NOT IN ('draft', 'cancelled') AND amount_residual IS NOT "
      "NULL " +
      StillInItsSource("invoice", "invoices") + " AND party_id IN " + std::string(parties.Sql()) +
      " ORDER BY issued_on, id";
  sdk::Result<odbc::RowSet> rows = QueryOfCustomer(connection, sql, parties);
  if (!rows.ok()) return rows.status();
  boost::json::array open;
  for (const odbc::Row& row : rows->rows) {
    const ExactDecimal residual = DecimalOf(row[7]);
    if (!residual.IsPositive()) continue;
    Balance& balance = balances[Text(row[5])];
    if (Text(row[2]) == "credit_note") {
      balance.credit_notes_open = balance.credit_notes_open + residual;
    } else {
      balance.invoices_open = balance.invoices_open + residual;
    }
    boost::json::object item;
    for (std::size_t c = 0; c < row.size(); ++c) item[rows->columns[c].name] = ValueToJson(row[c]);
    open.push_back(std::move(item));
  }
  customer["open_invoices"] = std::move(open);
  return sdk::Status::Ok();
}

// Adds the open receivables due before `today` to `balances`.
sdk::Status AddOverdue(odbc::Connection& connection, const CustomerParties& parties, std::string_view today,
                       std::map<std::string, Balance>& balances) {
  const std::string sql =
      "SELECT currency, COALESCE(amount_residual, amount), due_on FROM receivables WHERE status = 'open' AND "
      "due_on IS NOT NULL " +
      StillInItsSource("receivable", "receivables") + " AND party_id IN " + std::string(parties.Sql());
  sdk::Result<odbc::RowSet> rows = QueryOfCustomer(connection, sql, parties);
  if (!rows.ok()) return rows.status();
  for (const odbc::Row& row : rows->rows) {
    // Dates compare as their ISO text on both engines.
    if (Text(row[2]).substr(0, 10) >= today) continue;
    Balance& balance = balances[Text(row[0])];
    balance.overdue = balance.overdue + DecimalOf(row[1]);
  }
  return sdk::Status::Ok();
}

}  // namespace

std::string_view CustomerParties::Sql() const {
  if (!has_merged) return "(?)";
  return "(SELECT CAST(? AS BIGINT) UNION ALL SELECT id FROM parties WHERE golden_party_id = ?)";
}

std::vector<Value> CustomerParties::Params() const {
  if (!has_merged) return {Value::Int64(golden_id)};
  return {Value::Int64(golden_id), Value::Int64(golden_id)};
}

std::string StillInItsSource(std::string_view entity, std::string_view table) {
  const std::string links = "FROM source_links l WHERE l.entity = '" + std::string(entity) +
                            "' AND l.record_id = " + std::string(table) + ".id";
  return "AND (EXISTS (SELECT 1 " + links + " AND l.deleted_at IS NULL) OR NOT EXISTS (SELECT 1 " + links + "))";
}

sdk::Status AddAccounts(odbc::Connection& connection, const CustomerParties& parties, std::string_view today,
                        boost::json::object& customer) {
  std::map<std::string, Balance> balances;
  HUB_RETURN_IF_ERROR(AddInvoices(connection, parties, customer, balances));
  HUB_RETURN_IF_ERROR(AddOverdue(connection, parties, today, balances));
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
  return sdk::Status::Ok();
}

}  // namespace hub::service
