// One page of one stream: its keyset SELECT run on a connection (the SDK's RunKeysetPage), and its rows as
// hub records.
#ifndef HUB_CONNECTORS_FINANCE_STREAM_ROWS_HPP_
#define HUB_CONNECTORS_FINANCE_STREAM_ROWS_HPP_

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "finance/odoo_profile.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/odbc/incremental_cursor.hpp"
#include "hub/odbc/keyset_page.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// Polled while rows are read: true stops the read with Cancelled. May be empty.
using CancelCheck = odbc::CancelCheck;

// What one page read gave. Records come in (write_date, id) order, with entity and position set and their
// cursor left empty (the caller wraps the stream's cursor into its own); `after[i]` is the stream's cursor
// after records[i] (kPage). `at_end`: no row follows the last one. A plain value.
struct StreamPage {
  std::vector<sdk::Record> records;
  std::vector<odbc::IncrementalCursor> after;
  bool at_end = false;
};

// Runs the stream's query without rows, so that a query lacking `id` or `write_date` is refused naming its
// option (InvalidArgument) rather than with the driver's "no such column". Other errors as ReadStreamPage.
sdk::Status CheckStreamColumns(odbc::Connection& connection, const StreamSpec& stream);

// At most max_rows rows of `stream` after `cursor`, read with the SDK's incremental query on
// (write_date, id): a kStart cursor starts at its watermark less `overlap` (a watermark that is not a
// date/time starts at itself and *warning says so), a kPage cursor strictly after its position. Every column
// becomes a field named as the driver reports it, typed by its SQL type; write_date is read as the source's
// text (the keyset keeps its full precision) and typed as a timestamp. The record's source id is `id`'s text;
// its position "<table> id=<id>". A row with a required column NULL or empty, or a value that cannot be
// read, is a record with `rejection` set, not an error. Errors: InvalidArgument when the query lacks `id`
// or `write_date` or fails as SQL; the driver's error with its SQLSTATE otherwise; DataError when a row's id
// or write_date is NULL; Cancelled.
sdk::Result<StreamPage> ReadStreamPage(odbc::Connection& connection, const StreamSpec& stream,
                                       std::chrono::milliseconds overlap, const odbc::IncrementalCursor& cursor,
                                       std::size_t max_rows, std::string* warning, const CancelCheck& cancelled);

// What one page of a key-set sweep gave: a stream's ids in id order, and the id-mode cursor after each.
// `at_end`: no id follows the last one. A plain value.
struct IdPage {
  std::vector<sdk::Value> ids;
  std::vector<odbc::IncrementalCursor> after;
  bool at_end = false;
};

// At most max_rows ids of the rows of `stream` after `after` (the empty cursor: from the lowest), in id
// order. Errors as ReadStreamPage.
sdk::Result<IdPage> ReadStreamIds(odbc::Connection& connection, const StreamSpec& stream,
                                  const odbc::IncrementalCursor& after, std::size_t max_rows,
                                  const CancelCheck& cancelled);

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_STREAM_ROWS_HPP_
