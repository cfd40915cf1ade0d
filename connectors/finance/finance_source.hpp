// The finance connector without its plugin boundary: the profile's streams read as batches over one kept
// connection, then the folder of UBL invoices.
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
#include "hub/files/document_source.hpp"
#include "hub/odbc/lazy_connection.hpp"
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
// The folder (options.ubl): after the streams (or alone, without a connection) the run reads the folder's
// UBL files (files::DocumentSource with ReadUblInvoiceFile), at most one file's records a batch, until it has
// nothing new; the cursor holds the folder's position beside the streams', so a run killed in the folder goes
// on there. Sweeps list only the streams: the folder's records are in their own source system.
// The connection opens on first use and stays open; one found broken is dropped, and the next read opens
// a new one. Not thread-safe: one call at a time, as the hub does with a connector. Error messages never
// hold the connection string's secrets.
class FinanceSource {
 public:
  // `count` counts what the folder does to files (files::DocumentSource: files_archived, files_failed,
  // bytes_read); may be empty.
  FinanceSource(FinanceOptions options, LogSink log = {}, CancelCheck cancelled = {}, Clock now = SystemNowUnixMs,
                files::DocumentCountSink count = {});
  ~FinanceSource();
  FinanceSource(const FinanceSource&) = delete;
  FinanceSource& operator=(const FinanceSource&) = delete;

  // At most max_records records after `cursor` ("" for the beginning). Errors: InvalidArgument for a cursor
  // this connector did not make or a stream query that does not fit; Unavailable when the database cannot
  // be reached; the driver's error with its SQLSTATE; DataError for a row whose id or write_date is NULL;
  // Cancelled.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  // Connects (or reuses the connection) and runs a one-row query, and lists the folder: OK, or why not.
  sdk::Status CheckHealth();

 private:
  template <typename Result>
  Result DropIfBroken(Result result);
  sdk::Result<sdk::Batch> Read(std::string_view cursor, std::size_t max_records);
  sdk::Status ReadStreams(FinanceCursor& cursor, std::size_t max_records, sdk::Batch* batch);
  sdk::Status ReadSweep(FinanceCursor& cursor, std::size_t max_records, sdk::Batch* batch);
  sdk::Status ReadFolder(FinanceCursor& cursor, std::size_t max_records, sdk::Batch* batch);
  void StartSweepIfDue(FinanceCursor& cursor, sdk::Batch* batch);
  bool ReadsTables() const { return !options_.connection.empty(); }
  sdk::Status CheckColumns(const StreamSpec& stream);
  void Log(sdk::LogLevel level, std::string_view message) const;

  FinanceOptions options_;
  LogSink log_;
  CancelCheck cancelled_;
  Clock now_;
  odbc::LazyConnection connection_;
  std::set<std::string, std::less<>> checked_streams_;  // their columns fit, on this connection
  std::unique_ptr<files::DocumentSource> folder_;       // null without options.ubl
};

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_FINANCE_SOURCE_HPP_
