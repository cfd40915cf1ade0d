// Invoice requests as rows of an interface table in the finance database, over ODBC, once per delivery.
#ifndef HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_TABLE_HPP_
#define HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_TABLE_HPP_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "finance/finance_source.hpp"
#include "finance/invoice_request.hpp"
#include "finance/invoice_request_options.hpp"
#include "hub/odbc/lazy_connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// The CREATE TABLE statements of the two tables (the README shows them): one row per request, keyed by
// request_id (the event id) and unique on (delivery_system, delivery_source_id), with status 'new' for the
// finance side to pick up; one row per line, keyed by (request_id, line_no). Pure.
std::vector<std::string> InvoiceRequestTableDdl(const InvoiceRequestOptions& options);

// Writes each delivery event's InvoiceRequestOf as one row of requests_table and its lines as rows of
// lines_table, in one transaction per request. Exactly once: the transaction first looks for a row with the
// event's request_id or the same delivery, and writes nothing when there is one — so a redelivered event, one
// redelivered after a crash between the commit and the hub's acknowledgement, and a later update of a delivery
// already requested add nothing — and the table's keys refuse a second row should two writers race (the loser
// finds the winner's row and writes nothing). The tables are created on first use when absent.
// The connection opens on first use and stays open; one found broken is dropped and the next call reconnects.
// Not thread-safe: one call at a time, as the hub calls a connector. Messages never hold the connection
// string's secrets.
class InvoiceRequestTable {
 public:
  explicit InvoiceRequestTable(InvoiceRequestOptions options, LogSink log = {});
  ~InvoiceRequestTable();
  InvoiceRequestTable(const InvoiceRequestTable&) = delete;
  InvoiceRequestTable& operator=(const InvoiceRequestTable&) = delete;

  // Writes the events in order; answers how many were accepted (all, or the prefix before a failure).
  // DataError naming the event for one that cannot become a request (InvoiceRequestOf) or whose values the
  // database refuses (too long, out of range), when it is the first of the batch, else the prefix before it;
  // Unavailable when the database cannot be reached; the driver's error (Internal for SQL the database does
  // not take) otherwise.
  sdk::Result<std::size_t> Write(const std::vector<sdk::OutboundEvent>& events);

 private:
  sdk::Status WriteOne(const sdk::OutboundEvent& event);
  sdk::Status Connect();
  sdk::Status CreateTablesIfAbsent();
  sdk::Result<bool> Requested(const InvoiceRequest& request);
  sdk::Status Insert(const InvoiceRequest& request);
  sdk::Status DropIfBroken(sdk::Status status);

  InvoiceRequestOptions options_;
  LogSink log_;
  odbc::LazyConnection connection_;
};

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_TABLE_HPP_
