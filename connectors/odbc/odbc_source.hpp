// The odbc connector without its plugin boundary: a source query read as batches over one kept connection.
#ifndef HUB_CONNECTORS_ODBC_ODBC_SOURCE_HPP_
#define HUB_CONNECTORS_ODBC_ODBC_SOURCE_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/incremental_cursor.hpp"
#include "hub/odbc/lazy_connection.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "odbc/odbc_options.hpp"
#include "odbc/source_row.hpp"

namespace hub::odbc_source {

// Where an OdbcSource reports what it did (reconnects, a run started without overlap). May be empty.
using LogSink = std::function<void(sdk::LogLevel level, std::string_view message)>;
// Polled while rows are read: true stops the read with Cancelled. May be empty.
using CancelCheck = std::function<bool()>;

// Reads options.query as batches with the semantics of Connector::ReadBatch (see README.md):
//  - mode kTimestampId: SELECT * FROM (<query>) src ordered by (timestamp, id), paged by keyset. A read
//    from a "start" cursor begins a run at the watermark's timestamp less the overlap; the batches after it
//    continue strictly after the last row delivered ("page" cursors); the batch that reaches the end says
//    end_of_data and hands back a "start" cursor at its last row, the next run's watermark.
//  - mode kId: the same by id alone, with no overlap.
//  - mode kFull: the query as written, every run from its first row; between batches the statement stays
//    open, and a cursor that does not match it (a retry, a restart) re-runs the query and skips the rows
//    the cursor counts.
// The connection opens on first use and stays open; a read that finds it lost reconnects and tries once
// more. Idempotent for a given cursor as long as the source does not change. Not thread-safe: one call at a
// time, as the hub does with a connector. Error messages never hold the connection string's secrets.
class OdbcSource {
 public:
  OdbcSource(OdbcOptions options, LogSink log = {}, CancelCheck cancelled = {});
  ~OdbcSource();
  OdbcSource(const OdbcSource&) = delete;
  OdbcSource& operator=(const OdbcSource&) = delete;

  // At most max_records records after `cursor` ("" for the beginning). Errors: InvalidArgument for a cursor
  // this connector did not make or options that do not fit the query's columns; Unavailable when the
  // source cannot be reached; the driver's error with its SQLSTATE when the query fails; DataError when a
  // row's timestamp or id cannot be read; Cancelled.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  // Connects (or reuses the connection) and runs a one-row query. OK, or why not (Unavailable when the
  // source cannot be reached).
  sdk::Status CheckHealth();

 private:
  struct FullScan;

  sdk::Status Connect(bool* opened);
  void Disconnect();
  template <typename Read>
  auto WithConnection(Read read) -> decltype(read());
  sdk::Status CheckQueryColumns();
  sdk::Result<sdk::Batch> ReadKeyset(const odbc::IncrementalCursor& cursor, std::size_t max_records);
  sdk::Result<sdk::Batch> FetchKeyset(odbc::Statement& statement, const odbc::IncrementalCursor& cursor,
                                      std::size_t max_records);
  sdk::Result<sdk::Batch> ReadFull(const odbc::IncrementalCursor& cursor, std::size_t max_records);
  sdk::Status StartFullScan(std::uint64_t skip);
  sdk::Status CheckCancelled(std::uint64_t rows) const;
  void Log(sdk::LogLevel level, const std::string& message) const;

  OdbcOptions options_;
  std::string query_label_;
  LogSink log_;
  CancelCheck cancelled_;
  odbc::LazyConnection connection_;
  bool columns_checked_ = false;    // the query's columns fit the options, on this connection
  std::unique_ptr<FullScan> scan_;  // after connection_: its statement goes first
};

}  // namespace hub::odbc_source

#endif  // HUB_CONNECTORS_ODBC_ODBC_SOURCE_HPP_
