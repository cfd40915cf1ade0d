// The hr connector's ODBC path without its plugin boundary: the HR system's employee table read
// incrementally as batches of employee records, each preceded by the team, territory and speciality
// records it refers to.
#ifndef HUB_CONNECTORS_HR_HR_TABLE_SOURCE_HPP_
#define HUB_CONNECTORS_HR_HR_TABLE_SOURCE_HPP_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include "hr/hr_options.hpp"
#include "hr/hr_records.hpp"
#include "hub/odbc/keyset_page.hpp"
#include "hub/odbc/lazy_connection.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::hr {

// Where an HrTableSource reports what it did (a lost connection, a run started without overlap). May be empty.
using TableLogSink = std::function<void(sdk::LogLevel level, std::string_view message)>;
// The time, for "today" (MakeEmployee); empty: the system clock.
using TableClock = std::function<std::chrono::system_clock::time_point()>;

// Reads options.table (the SELECT over options.connection) with the SDK's incremental query and the
// semantics of ReadEmployeeBatch. A run reads the rows in (timestamp_column, id_column) order from the last
// run's newest row less options.table.overlap (or, without timestamp_column, after its highest id) to the
// newest; the batch that ends it says end_of_data and hands back that row as the next run's watermark. Each
// row's columns become the employee record's fields (named as the driver reports them, typed by SQL type)
// and MakeEmployee makes it, as for a CSV row, with today from `clock` in options.utc_offset. A row whose
// value cannot be read, whose 工号 is empty or whose date is none is one rejected employee record:
// "<table> <id_column>=<id>: <reason>". The connection opens on first use and stays open; one found
// broken is dropped, and the next read opens a new one. Not thread-safe: one call at a time, as the hub
// does with a connector. Error messages never hold the connection string's secrets.
class HrTableSource final : public EmployeeSource {
 public:
  HrTableSource(HrOptions options, TableLogSink log = {}, TableClock clock = {}, odbc::CancelCheck cancelled = {});
  ~HrTableSource() override;
  HrTableSource(const HrTableSource&) = delete;
  HrTableSource& operator=(const HrTableSource&) = delete;

  // At most max_records records after `cursor` ("" for the beginning). Errors: InvalidArgument for a cursor
  // this connector did not make, a query that fails as SQL or lacks the cursor columns; Unavailable when
  // the database cannot be reached; the driver's error with its SQLSTATE; DataError for a row whose cursor
  // column is NULL; Cancelled.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override;

  // Connects (or reuses the connection) and runs a one-row query: OK, or why not.
  sdk::Status CheckHealth() override;

 private:
  template <typename Result>
  Result DropIfBroken(Result result);
  sdk::Result<sdk::Batch> ReadRows(std::string_view cursor, std::size_t max_rows);
  sdk::Status CheckColumns();
  sdk::Record EmployeeOf(odbc::KeysetRow row) const;
  void Log(sdk::LogLevel level, std::string_view message) const;

  HrOptions options_;
  TableLogSink log_;
  TableClock clock_;
  odbc::CancelCheck cancelled_;
  odbc::LazyConnection connection_;
  bool columns_checked_ = false;  // the query gives the cursor columns, on this connection
};

}  // namespace hub::hr

#endif  // HUB_CONNECTORS_HR_HR_TABLE_SOURCE_HPP_
