#include "odbc/odbc_source.hpp"

#include <utility>

#include "hub/odbc/incremental_query.hpp"

namespace hub::odbc_source {
namespace {

// How many rows go by between two looks at the cancellation flag.
constexpr std::uint64_t kCancelCheckRows = 256;

// A cursor made in another mode means the options changed under a committed checkpoint.
sdk::Status CheckCursorMode(const odbc::IncrementalCursor& cursor, ReadMode mode) {
  const bool fits =
      mode == ReadMode::kFull
          ? !cursor.position
          : cursor.rows == 0 && (!cursor.position || cursor.position->timestamp.empty() == (mode == ReadMode::kId));
  if (fits) return sdk::Status::Ok();
  return sdk::Status::InvalidArgument(
      "the cursor was made with other cursor columns (timestamp_column / id_column changed?): reset the job's "
      "checkpoint or run it with --full");
}

// A failed statement of the read. The ODBC layer calls SQL errors (SQLSTATE classes 42, 0A, ...) internal
// errors, as the store's SQL is the hub's own; here the SQL is the user's query and columns.
sdk::Status ReadError(const sdk::Status& status) {
  const sdk::StatusCode code =
      status.code() == sdk::StatusCode::kInternal ? sdk::StatusCode::kInvalidArgument : status.code();
  return sdk::Status(code, status.message()).WithContext("reading the source");
}

}  // namespace

// The open statement of a full read between two batches.
struct OdbcSource::FullScan {
  odbc::Statement statement;
  ColumnRoles roles;
  std::uint64_t delivered = 0;  // rows of the run read so far, skipped ones included
  bool at_end = false;
};

OdbcSource::OdbcSource(OdbcOptions options, LogSink log, CancelCheck cancelled)
    : options_(std::move(options)),
      query_label_(QueryLabel(options_.query)),
      log_(std::move(log)),
      cancelled_(std::move(cancelled)),
      connection_(options_.connection, "the source") {}

OdbcSource::~OdbcSource() { Disconnect(); }

sdk::Result<sdk::Batch> OdbcSource::ReadBatch(std::string_view cursor_text, std::size_t max_records) {
  sdk::Result<odbc::IncrementalCursor> cursor = odbc::DecodeCursor(cursor_text);
  if (!cursor.ok()) return cursor.status();
  HUB_RETURN_IF_ERROR(CheckCursorMode(*cursor, options_.mode()));
  if (max_records == 0) return sdk::Batch{{}, std::string(cursor_text), false, std::nullopt};
  return WithConnection([&]() -> sdk::Result<sdk::Batch> {
    if (options_.mode() == ReadMode::kFull) return ReadFull(*cursor, max_records);
    return ReadKeyset(*cursor, max_records);
  });
}

sdk::Status OdbcSource::CheckHealth() {
  sdk::Result<odbc::RowSet> answer =
      WithConnection([this] { return connection_->Query(odbc::PingSql(connection_->dbms_name())); });
  return answer.ok() ? sdk::Status::Ok() : answer.status().WithContext("checking the source");
}

sdk::Status OdbcSource::Connect(bool* opened) {
  *opened = false;
  if (connection_.is_open() && !connection_->broken()) return sdk::Status::Ok();
  Disconnect();  // the scan's statement before its connection
  return connection_.Open(opened);
}

void OdbcSource::Disconnect() {
  scan_.reset();
  columns_checked_ = false;
  connection_.Close();
}

// A connection kept between runs may have been dropped by the server meanwhile: the first statement on
// it fails with a connection error, and one retry on a new connection tells that apart from an outage.
template <typename Read>
auto OdbcSource::WithConnection(Read read) -> decltype(read()) {
  bool opened = false;
  HUB_RETURN_IF_ERROR(Connect(&opened));
  auto result = read();
  if (result.ok() || opened || !connection_->broken()) return result;
  Log(sdk::LogLevel::kWarn, "the source connection was lost (" + result.status().message() + "); reconnecting");
  HUB_RETURN_IF_ERROR(Connect(&opened));
  return read();
}

// The wrapped query names the cursor columns: if one is missing the source would answer with a bare "no
// such column". Asking once per connection for the query's columns, without rows, names the option instead.
sdk::Status OdbcSource::CheckQueryColumns() {
  if (columns_checked_) return sdk::Status::Ok();
  const std::string sql = "SELECT * FROM (" + options_.query + ") src WHERE 1 = 0";
  sdk::Result<odbc::Statement> statement = connection_->Prepare(sql);
  if (!statement.ok()) return ReadError(statement.status());
  sdk::Result<std::int64_t> executed = statement->Execute();
  if (!executed.ok()) return ReadError(executed.status());
  sdk::Result<ColumnRoles> roles = FindColumnRoles(statement->columns(), options_);
  if (!roles.ok()) return roles.status();
  columns_checked_ = true;
  return statement->CloseCursor();
}

sdk::Result<sdk::Batch> OdbcSource::ReadKeyset(const odbc::IncrementalCursor& cursor, std::size_t max_records) {
  HUB_RETURN_IF_ERROR(CheckQueryColumns());
  std::string warning;
  const odbc::KeysetRead plan = odbc::PlanKeysetRead(options_, cursor, &warning);
  if (!warning.empty()) Log(sdk::LogLevel::kWarn, warning);
  // One row more than asked tells whether the run goes on without another round trip.
  const odbc::SqlText sql =
      odbc::BuildKeysetSql(options_, plan, odbc::RowLimitClause(connection_->dbms_name(), max_records + 1));
  sdk::Result<odbc::Statement*> statement = connection_->PrepareCached(sql.sql);
  if (!statement.ok()) return ReadError(statement.status());
  sdk::Result<std::int64_t> executed = (*statement)->Execute(sql.params);
  if (!executed.ok()) return ReadError(executed.status());
  sdk::Result<sdk::Batch> batch = FetchKeyset(**statement, cursor, max_records);
  // Closed at once: SQLite holds a read lock while a cursor is open.
  sdk::Status closed = (*statement)->CloseCursor();
  if (batch.ok() && !closed.ok()) return closed;
  return batch;
}

sdk::Result<sdk::Batch> OdbcSource::FetchKeyset(odbc::Statement& statement, const odbc::IncrementalCursor& cursor,
                                                std::size_t max_records) {
  sdk::Result<ColumnRoles> roles = FindColumnRoles(statement.columns(), options_);
  if (!roles.ok()) return roles.status();
  const RowNaming naming{options_.entity, query_label_};
  sdk::Batch batch;
  std::optional<odbc::KeyPosition> last = cursor.position;
  for (;;) {
    HUB_RETURN_IF_ERROR(CheckCancelled(batch.records.size()));
    sdk::Result<bool> next = statement.Next();
    if (!next.ok()) return ReadError(next.status());
    if (!*next) break;
    if (batch.records.size() == max_records) {
      batch.next_cursor = batch.records.back().cursor;
      return batch;
    }
    sdk::Result<SourceRow> row = ReadSourceRow(statement, *roles, naming, batch.records.size() + 1);
    if (!row.ok()) return row.status().WithContext("query \"" + query_label_ + "\"");
    last = row->key;
    row->record.cursor = odbc::EncodeCursor(odbc::IncrementalCursor{odbc::IncrementalCursor::Phase::kPage, last, 0});
    batch.records.push_back(std::move(row->record));
  }
  // The end of this run: the last row read is the next run's watermark.
  batch.end_of_data = true;
  batch.next_cursor = odbc::EncodeCursor(odbc::IncrementalCursor{odbc::IncrementalCursor::Phase::kStart, last, 0});
  return batch;
}

sdk::Result<sdk::Batch> OdbcSource::ReadFull(const odbc::IncrementalCursor& cursor, std::size_t max_records) {
  if (scan_ == nullptr || cursor.rows == 0 || scan_->delivered != cursor.rows) {
    HUB_RETURN_IF_ERROR(StartFullScan(cursor.rows));
  }
  const RowNaming naming{options_.entity, query_label_};
  sdk::Batch batch;
  while (batch.records.size() < max_records && !scan_->at_end) {
    HUB_RETURN_IF_ERROR(CheckCancelled(batch.records.size()));
    sdk::Result<bool> next = scan_->statement.Next();
    if (!next.ok()) {
      scan_.reset();
      return ReadError(next.status());
    }
    scan_->at_end = !*next;
    if (scan_->at_end) break;
    sdk::Result<SourceRow> row = ReadSourceRow(scan_->statement, scan_->roles, naming, ++scan_->delivered);
    if (!row.ok()) {
      scan_.reset();
      return row.status().WithContext("query \"" + query_label_ + "\"");
    }
    row->record.cursor = odbc::EncodeCursor(
        odbc::IncrementalCursor{odbc::IncrementalCursor::Phase::kStart, std::nullopt, scan_->delivered});
    batch.records.push_back(std::move(row->record));
  }
  batch.end_of_data = scan_->at_end;
  // The next run reads everything again, from the empty cursor.
  batch.next_cursor = batch.end_of_data ? std::string() : batch.records.back().cursor;
  if (batch.end_of_data) scan_.reset();
  return batch;
}

// Runs the query and skips the `skip` rows a cursor says were delivered (the result is assumed to come in
// the same order: the README asks for an ORDER BY in the query when resuming must be exact).
sdk::Status OdbcSource::StartFullScan(std::uint64_t skip) {
  scan_.reset();
  sdk::Result<odbc::Statement> statement = connection_->Prepare(options_.query);
  if (!statement.ok()) return ReadError(statement.status());
  sdk::Result<std::int64_t> executed = statement->Execute();
  if (!executed.ok()) return ReadError(executed.status());
  sdk::Result<ColumnRoles> roles = FindColumnRoles(statement->columns(), options_);
  if (!roles.ok()) return roles.status();
  auto scan = std::make_unique<FullScan>(FullScan{std::move(statement).value(), *roles});
  while (scan->delivered < skip && !scan->at_end) {
    HUB_RETURN_IF_ERROR(CheckCancelled(scan->delivered));
    sdk::Result<bool> next = scan->statement.Next();
    if (!next.ok()) return ReadError(next.status());
    scan->at_end = !*next;
    if (!scan->at_end) ++scan->delivered;
  }
  if (skip > 0)
    Log(sdk::LogLevel::kInfo, "resumed a full read: ran the query again and skipped " +
                                  std::to_string(scan->delivered) + " rows already delivered");
  scan_ = std::move(scan);
  return sdk::Status::Ok();
}

sdk::Status OdbcSource::CheckCancelled(std::uint64_t rows) const {
  if (rows % kCancelCheckRows != 0 || !cancelled_ || !cancelled_()) return sdk::Status::Ok();
  return sdk::Status::Cancelled("stopped while reading the source");
}

void OdbcSource::Log(sdk::LogLevel level, const std::string& message) const {
  if (log_) log_(level, message);
}

}  // namespace hub::odbc_source
