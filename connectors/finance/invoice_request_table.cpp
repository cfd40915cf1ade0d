#include "finance/invoice_request_table.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "hub/odbc/transaction.hpp"
#include "trade_formats/outbound_events.hpp"

namespace hub::finance {
namespace {

using sdk::Value;

Value TextOrNull(const std::string& text) { return text.empty() ? Value::Null() : Value::String(text); }
Value DateOrNull(const std::string& date) { return date.empty() ? Value::Null() : Value::Date(date); }
Value DecimalOrNull(const std::string& decimal) { return decimal.empty() ? Value::Null() : Value::Decimal(decimal); }

Value IntegerOrNull(const std::string& text) {
  const bool digits = !text.empty() && text.size() <= 18 && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  return digits ? Value::Int64(std::stoll(text)) : Value::Null();
}

}  // namespace

std::vector<std::string> InvoiceRequestTableDdl(const InvoiceRequestOptions& options) {
  return {
      "CREATE TABLE " + options.requests_table +
          " (\n"
          "  request_id           VARCHAR(100) NOT NULL PRIMARY KEY,\n"
          "  status               VARCHAR(20) DEFAULT 'new' NOT NULL,\n"
          "  delivery_system      VARCHAR(100) NOT NULL,\n"
          "  delivery_source_id   VARCHAR(100) NOT NULL,\n"
          "  delivery_number      VARCHAR(100) NOT NULL,\n"
          "  order_number         VARCHAR(100) NOT NULL,\n"
          "  customer_reference   VARCHAR(100),\n"
          "  customer_partner_id  VARCHAR(100),\n"
          "  customer_number      VARCHAR(100),\n"
          "  customer_name        VARCHAR(500),\n"
          "  customer_tax_id      VARCHAR(100),\n"
          "  customer_country     VARCHAR(10),\n"
          "  currency             VARCHAR(3) NOT NULL,\n"
          "  net_amount           DECIMAL(19,4) NOT NULL,\n"
          "  order_date           DATE,\n"
          "  delivery_date        DATE,\n"
          "  requested_at         TIMESTAMP NOT NULL,\n"
          "  created_at           TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,\n"
          "  UNIQUE (delivery_system, delivery_source_id)\n"
          ")",
      "CREATE TABLE " + options.lines_table +
          " (\n"
          "  request_id     VARCHAR(100) NOT NULL REFERENCES " +
          options.requests_table +
          " (request_id),\n"
          "  line_no        INTEGER NOT NULL,\n"
          "  order_line_no  INTEGER,\n"
          "  sku            VARCHAR(100),\n"
          "  description    VARCHAR(1000),\n"
          "  quantity       DECIMAL(19,4) NOT NULL,\n"
          "  unit           VARCHAR(20),\n"
          "  unit_price     DECIMAL(19,4) NOT NULL,\n"
          "  tax_rate       DECIMAL(9,6),\n"
          "  amount         DECIMAL(19,4) NOT NULL,\n"
          "  PRIMARY KEY (request_id, line_no)\n"
          ")",
  };
}

InvoiceRequestTable::InvoiceRequestTable(InvoiceRequestOptions options, LogSink log)
    : options_(std::move(options)), log_(std::move(log)), connection_(options_.connection, "the finance database") {}

InvoiceRequestTable::~InvoiceRequestTable() = default;

sdk::Result<std::size_t> InvoiceRequestTable::Write(const std::vector<sdk::OutboundEvent>& events) {
  return trade_formats::WriteEachEvent(
      events, [this](const sdk::OutboundEvent& event) { return DropIfBroken(WriteOne(event)); });
}

sdk::Status InvoiceRequestTable::WriteOne(const sdk::OutboundEvent& event) {
  sdk::Result<InvoiceRequest> request = InvoiceRequestOf(event, options_.finance_system);
  if (!request.ok()) return request.status();
  HUB_RETURN_IF_ERROR(Connect());
  sdk::Status inserted = Insert(*request);
  if (inserted.code() != sdk::StatusCode::kDataError) return inserted;
  // Refused by a key: another writer's row for this request or delivery committed meanwhile, and it stands.
  sdk::Result<bool> requested = Requested(*request);
  if (requested.ok() && *requested) return sdk::Status::Ok();
  return sdk::Status::DataError(trade_formats::EventName(event) +
                                ": the finance database refused the invoice request: " + inserted.message());
}

sdk::Status InvoiceRequestTable::Connect() {
  bool opened = false;
  HUB_RETURN_IF_ERROR(connection_.Open(&opened));
  if (!opened) return sdk::Status::Ok();
  sdk::Status created = CreateTablesIfAbsent();
  if (!created.ok()) connection_.Close();
  return created;
}

// Probes each table with a query that reads no row; creates those that are not there (the same statement on
// every engine: CREATE TABLE IF NOT EXISTS is not in every dialect).
sdk::Status InvoiceRequestTable::CreateTablesIfAbsent() {
  const std::vector<std::string> ddl = InvoiceRequestTableDdl(options_);
  const std::string tables[] = {options_.requests_table, options_.lines_table};
  for (std::size_t i = 0; i < ddl.size(); ++i) {
    sdk::Result<odbc::RowSet> probe = connection_->Query("SELECT request_id FROM " + tables[i] + " WHERE 1 = 0");
    if (probe.ok()) continue;
    if (probe.status().code() != sdk::StatusCode::kInternal) return probe.status();
    sdk::Status created = connection_->ExecuteDirect(ddl[i]);
    if (!created.ok()) return created.WithContext("creating the interface table " + tables[i]);
    if (log_) log_(sdk::LogLevel::kInfo, "created the interface table " + tables[i] + " in the finance database");
  }
  return sdk::Status::Ok();
}

sdk::Result<bool> InvoiceRequestTable::Requested(const InvoiceRequest& request) {
  sdk::Result<odbc::RowSet> rows =
      connection_->Query("SELECT request_id FROM " + options_.requests_table +
                             " WHERE request_id = ? OR (delivery_system = ? AND delivery_source_id = ?)",
                         {Value::String(request.request_id), Value::String(request.delivery_system),
                          Value::String(request.delivery_source_id)});
  if (!rows.ok()) return rows.status();
  return !rows->rows.empty();
}

sdk::Status InvoiceRequestTable::Insert(const InvoiceRequest& request) {
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(*connection_);
  if (!transaction.ok()) return transaction.status();
  sdk::Result<bool> requested = Requested(request);
  if (!requested.ok()) return requested.status();
  if (*requested) return sdk::Status::Ok();
  sdk::Result<std::int64_t> header = connection_->ExecuteUpdate(
      "INSERT INTO " + options_.requests_table +
          " (request_id, status, delivery_system, delivery_source_id, delivery_number, order_number, "
          "customer_reference, customer_partner_id, customer_number, customer_name, customer_tax_id, customer_country, "
          "currency, net_amount, order_date, delivery_date, requested_at) "
          "VALUES (?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {Value::String(request.request_id), Value::String(request.delivery_system),
       Value::String(request.delivery_source_id), Value::String(request.delivery_number),
       Value::String(request.order_number), TextOrNull(request.customer_reference),
       TextOrNull(request.customer_partner_id), TextOrNull(request.customer_number), TextOrNull(request.customer_name),
       TextOrNull(request.customer_tax_id), TextOrNull(request.customer_country), Value::String(request.currency),
       Value::Decimal(request.net_amount), DateOrNull(request.order_date), DateOrNull(request.delivery_date),
       Value::Timestamp(request.requested_at_unix_ms)});
  if (!header.ok()) return header.status();
  for (const InvoiceRequestLine& line : request.lines) {
    sdk::Result<std::int64_t> row = connection_->ExecuteUpdate(
        "INSERT INTO " + options_.lines_table +
            " (request_id, line_no, order_line_no, sku, description, quantity, unit, unit_price, tax_rate, amount) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {Value::String(request.request_id), Value::Int64(line.line_no), IntegerOrNull(line.order_line_no),
         TextOrNull(line.sku), TextOrNull(line.description), Value::Decimal(line.quantity), TextOrNull(line.unit),
         Value::Decimal(line.unit_price), DecimalOrNull(line.tax_rate), Value::Decimal(line.amount)});
    if (!row.ok()) return row.status();
  }
  return transaction->Commit();
}

// A connection the server dropped fails its statements with a connection error: the next call opens anew.
sdk::Status InvoiceRequestTable::DropIfBroken(sdk::Status status) {
  if (connection_.DropIfBroken(status) && log_) {
    log_(sdk::LogLevel::kWarn,
         "the finance database connection was lost (" + status.message() + "); the next delivery reconnects");
  }
  return status;
}

}  // namespace hub::finance
