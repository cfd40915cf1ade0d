#include "hr/hr_table_source.hpp"

#include <utility>

#include "hr/hr_dates.hpp"
#include "hr/hr_row.hpp"
#include "hub/odbc/incremental_cursor.hpp"
#include "hub/odbc/incremental_query.hpp"

namespace hub::hr {
namespace {

// A cursor made with other cursor columns means the options changed under a committed checkpoint.
sdk::Status CheckCursorMode(const odbc::IncrementalCursor& cursor, odbc::ReadMode mode) {
  if (!cursor.position || cursor.position->timestamp.empty() == (mode == odbc::ReadMode::kId)) {
    return sdk::Status::Ok();
  }
  return sdk::Status::InvalidArgument(
      "the cursor was made with other cursor columns (timestamp_column changed?): reset the job's checkpoint or "
      "run it with --full");
}

}  // namespace

HrTableSource::HrTableSource(HrOptions options, TableLogSink log, TableClock clock, odbc::CancelCheck cancelled)
    : options_(std::move(options)),
      log_(std::move(log)),
      clock_(clock ? std::move(clock) : TableClock([] { return std::chrono::system_clock::now(); })),
      cancelled_(std::move(cancelled)),
      connection_(options_.connection, "the HR database") {}

HrTableSource::~HrTableSource() = default;

sdk::Result<sdk::Batch> HrTableSource::ReadBatch(std::string_view cursor, std::size_t max_records) {
  return ReadEmployeeBatch(
      [this](std::string_view rows, std::size_t max_rows) { return DropIfBroken(ReadRows(rows, max_rows)); }, cursor,
      max_records);
}

sdk::Status HrTableSource::CheckHealth() {
  HUB_RETURN_IF_ERROR(connection_.Open());
  sdk::Result<odbc::RowSet> answer = DropIfBroken(connection_->Query(odbc::PingSql(connection_->dbms_name())));
  return answer.ok() ? sdk::Status::Ok() : answer.status().WithContext("checking the HR database");
}

// A connection the server dropped fails its statements with a connection error: the next read opens anew.
template <typename Result>
Result HrTableSource::DropIfBroken(Result result) {
  if (!result.ok() && connection_.DropIfBroken(result.status())) {
    Log(sdk::LogLevel::kWarn,
        "the HR database connection was lost (" + result.status().message() + "); the next read reconnects");
    columns_checked_ = false;
  }
  return result;
}

// The wrapped query names the cursor columns: asking once per connection for the query's columns, without
// rows, names the option when one is missing rather than the driver's bare "no such column".
sdk::Status HrTableSource::CheckColumns() {
  if (columns_checked_) return sdk::Status::Ok();
  sdk::Result<std::vector<odbc::ColumnInfo>> columns =
      odbc::QueryColumns(*connection_, options_.table.query, "reading " + options_.table_label);
  if (!columns.ok()) return columns.status();
  sdk::Result<odbc::KeysetColumns> found = odbc::FindKeysetColumns(*columns, options_.table);
  if (!found.ok()) return found.status().WithContext("options 'timestamp_column' / 'id_column'");
  columns_checked_ = true;
  return sdk::Status::Ok();
}

sdk::Result<sdk::Batch> HrTableSource::ReadRows(std::string_view cursor_text, std::size_t max_rows) {
  sdk::Result<odbc::IncrementalCursor> cursor = odbc::DecodeCursor(cursor_text);
  if (!cursor.ok()) return cursor.status();
  HUB_RETURN_IF_ERROR(CheckCursorMode(*cursor, options_.table.mode()));
  HUB_RETURN_IF_ERROR(connection_.Open());
  HUB_RETURN_IF_ERROR(CheckColumns());
  sdk::Batch batch;
  std::optional<odbc::KeyPosition> last = cursor->position;
  std::string warning;
  sdk::Result<bool> at_end = odbc::RunKeysetPage(
      *connection_, options_.table, *cursor, max_rows, "reading " + options_.table_label, &warning, cancelled_,
      [&](odbc::Statement& statement, const odbc::KeysetColumns& columns) -> sdk::Status {
        sdk::Result<odbc::KeysetRow> row = odbc::ReadKeysetRow(statement, columns);
        if (!row.ok()) return row.status().WithContext(options_.table_label);
        last = row->key;
        sdk::Record employee = EmployeeOf(std::move(row).value());
        employee.cursor = odbc::EncodeCursor({odbc::IncrementalCursor::Phase::kPage, last, 0});
        batch.records.push_back(std::move(employee));
        return sdk::Status::Ok();
      });
  if (!warning.empty()) Log(sdk::LogLevel::kWarn, warning);
  if (!at_end.ok()) return at_end.status();
  batch.end_of_data = *at_end;
  // The run's end: its last row is the next run's watermark.
  batch.next_cursor = batch.end_of_data ? odbc::EncodeCursor({odbc::IncrementalCursor::Phase::kStart, last, 0})
                                        : batch.records.back().cursor;
  return batch;
}

sdk::Record HrTableSource::EmployeeOf(odbc::KeysetRow row) const {
  sdk::Record record;
  record.entity = "employee";
  record.fields = std::move(row.fields);
  record.position = options_.table_label + " " + options_.table.id_column + "=" + odbc::IdText(row.key.id);
  std::string problem = row.failure;
  if (problem.empty()) problem = MakeEmployee(record, IsoDay(clock_(), options_.utc_offset));
  if (!problem.empty()) record.rejection = record.position + ": " + problem;
  return record;
}

void HrTableSource::Log(sdk::LogLevel level, std::string_view message) const {
  if (log_) log_(level, message);
}

}  // namespace hub::hr
