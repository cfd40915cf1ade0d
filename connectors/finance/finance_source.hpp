// The finance connector without its plugin boundary: the profile's streams read as batches over one kept
// connection.
#ifndef HUB_CONNECTORS_FINANCE_FINANCE_SOURCE_HPP_
#define HUB_CONNECTORS_FINANCE_FINANCE_SOURCE_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "finance/finance_options.hpp"
#include "finance/stream_rows.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/odbc/handles.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// Where a FinanceSource reports what it did (a run started without overlap, a lost connection). May be empty.
using LogSink = std::function<void(sdk::LogLevel level, std::string_view message)>;
// Milliseconds since the Unix epoch (the hub's Context::NowUnixMs; tests inject a fixed one).
using Clock = std::function<std::int64_t()>;

// The system clock as a Clock.
std::int64_t SystemNowUnixMs();

struct FinanceCursor;

// Reads options.streams as batches with the semantics of Connector::ReadBatch. A run reads every stream in
// order, each from its own watermark less the overlap up to its newest row (ReadStreamPage); a batch may
// span streams. The batch that finishes the last stream says end_of_data, and its cursor holds every
// stream's new watermark: the next run starts there. Each record's cursor resumes right after it, so a run
// killed anywhere goes on where its last committed batch ended.
// Key-set sweep: when a run has read every stream and options.sweep_every has passed since the last sweep
// ended (the first run only starts that clock), the same run goes on listing every stream's ids in id order:
// a PRESENT record per row (entity, source id, field sweep_id) and, after a stream's last, a SWEEP_END
// (fields sweep_id and max_delete_fraction), from which the hub deletes the records of that entity it did
// not list. The run says end_of_data after the last stream's SWEEP_END.
// The connection opens on first use and stays open; one found broken is dropped, and the next read opens
// a new one. Not thread-safe: one call at a time, as the hub does with a connector. Error messages never
// hold the connection string's secrets.
class FinanceSource {
 public:
  FinanceSource(FinanceOptions options, LogSink log = {}, CancelCheck cancelled = {}, Clock now = SystemNowUnixMs);
  ~FinanceSource();
  FinanceSource(const FinanceSource&) = delete;
  FinanceSource& operator=(const FinanceSource&) = delete;

  // At most max_records records after `cursor` ("" for the beginning). Errors: InvalidArgument for a cursor
  // this connector did not make or a stream query that does not fit; Unavailable when the database cannot
  // be reached; the driver's error with its SQLSTATE; DataError for a row whose id or write_date is NULL;
  // Cancelled.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  // Connects (or reuses the connection) and runs a one-row query: OK, or why not.
  sdk::Status CheckHealth();

 private:
  sdk::Status Connect();
  template <typename Result>
  Result DropIfBroken(Result result);
  sdk::Result<sdk::Batch> Read(std::string_view cursor, std::size_t max_records);
  sdk::Status ReadStreams(FinanceCursor& cursor, std::size_t max_records, sdk::Batch* batch);
  sdk::Status ReadSweep(FinanceCursor& cursor, std::size_t max_records, sdk::Batch* batch);
  sdk::Status CheckColumns(const StreamSpec& stream);
  void Log(sdk::LogLevel level, std::string_view message) const;

  FinanceOptions options_;
  LogSink log_;
  CancelCheck cancelled_;
  Clock now_;
  std::shared_ptr<odbc::Environment> environment_;
  std::unique_ptr<odbc::Connection> connection_;
  std::set<std::string, std::less<>> checked_streams_;  // their columns fit, on this connection
};

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_FINANCE_SOURCE_HPP_
