#include "call_center/call_center_source.hpp"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "call_center/cdr_leg.hpp"
#include "hub/files/csv_row_parser.hpp"
#include "hub/files/encoding.hpp"
#include "hub/files/input_file.hpp"

namespace hub::call_center {
namespace {

constexpr std::string_view kCursorPrefix = "cdr1|";
// Rows read at a time when a batch wants fewer calls: a call has several.
constexpr std::size_t kMinRowsPerRead = 64;

files::Clock OrSystemClock(files::Clock clock) {
  return clock ? std::move(clock) : files::Clock([] { return std::chrono::system_clock::now(); });
}

files::RowFileOptions RowOptionsOf(const CallCenterOptions& options, files::ReaderLimits limits) {
  files::RowFileOptions rows;
  rows.encoding = std::string(files::kAutoEncoding);
  rows.completeness = options.completeness;
  rows.limits = limits;
  return rows;
}

files::ParserFactory HeaderlessCsv(files::ReaderLimits limits) {
  files::CsvColumns columns;
  columns.header = false;
  return [columns, limits](std::string_view) -> sdk::Result<std::unique_ptr<files::RowParser>> {
    return std::unique_ptr<files::RowParser>(
        std::make_unique<files::CsvRowParser>(files::CsvDialect{}, columns, limits.max_record_bytes));
  };
}

files::RecordCheck CheckOf(const CallCenterOptions& options) {
  return [offset = options.utc_offset](sdk::Record& row) {
    row.entity = "activity";
    if (!row.rejection.empty()) return std::string();
    sdk::Result<CdrLeg> leg = ReadLeg(row, offset);
    return leg.ok() ? std::string() : leg.status().message();
  };
}

// The batch being filled: calls as their rows come, each given once a row of another call ends it.
class CallBatcher {
 public:
  CallBatcher(const CallCenterOptions& options, std::size_t max_records)
      : options_(options), max_records_(max_records) {}

  // Takes the next row; false when the batch is full and the row (and the rest) is left for the next.
  bool Take(const sdk::Record& row) {
    if (!row.rejection.empty()) return Flush() && Give(sdk::Record(row), row.cursor);
    CdrLeg leg = *ReadLeg(row, options_.utc_offset);
    if (!pending_.empty() && CallKey(leg) != CallKey(pending_.front()) && !Flush()) return false;
    if (pending_.empty()) pending_position_ = row.position;
    pending_.push_back(std::move(leg));
    pending_cursor_ = row.cursor;
    return true;
  }

  // Gives the call still open; false when the batch is full.
  bool Flush() {
    if (pending_.empty()) return true;
    sdk::Record call = MakeCall(pending_, options_.direction);
    call.position = pending_position_;
    if (!Give(std::move(call), pending_cursor_)) return false;
    pending_.clear();
    return true;
  }

  bool HasPending() const { return !pending_.empty(); }
  sdk::Batch& batch() { return batch_; }

 private:
  bool Give(sdk::Record record, const std::string& rows_cursor) {
    if (batch_.records.size() >= max_records_) return false;
    record.cursor = EncodeCallCenterCursor(rows_cursor);
    batch_.records.push_back(std::move(record));
    return true;
  }

  const CallCenterOptions& options_;
  std::size_t max_records_;
  sdk::Batch batch_;
  std::vector<CdrLeg> pending_;
  std::string pending_position_;
  std::string pending_cursor_;
};

}  // namespace

std::string EncodeCallCenterCursor(std::string_view rows_cursor) {
  return std::string(kCursorPrefix) + std::string(rows_cursor);
}

sdk::Result<std::string> DecodeCallCenterCursor(std::string_view text) {
  if (text.empty()) return std::string();
  if (!text.starts_with(kCursorPrefix)) {
    return sdk::Status::InvalidArgument("not a cursor of the call_center connector: '" +
                                        std::string(text.substr(0, 64)) + "'");
  }
  return std::string(text.substr(kCursorPrefix.size()));
}

CallCenterSource::CallCenterSource(const CallCenterOptions& options, files::LogSink log, files::Clock clock,
                                   files::CountSink count, files::ReaderLimits limits)
    : options_(options),
      clock_(OrSystemClock(std::move(clock))),
      rows_(files::SourceFiles{options.path, "*", {}, {}}, RowOptionsOf(options, limits), HeaderlessCsv(limits),
            CheckOf(options_), std::move(log), clock_, std::move(count)) {}

sdk::Result<bool> CallCenterSource::FileComplete() const {
  sdk::Result<files::InputFile> file = files::InputFile::Open(options_.path);
  if (!file.ok()) return file.status();
  return files::IsKnownComplete(*file, options_.completeness, false, clock_());
}

// Rows are read until the batch is full or the file's end; a call still open there is given only when the
// file is complete, else the cursor stays before it.
sdk::Result<sdk::Batch> CallCenterSource::ReadBatch(std::string_view cursor_text, std::size_t max_records) {
  sdk::Result<std::string> rows_cursor = DecodeCallCenterCursor(cursor_text);
  if (!rows_cursor.ok()) return rows_cursor.status();
  CallBatcher batcher(options_, max_records);
  bool full = max_records == 0;
  bool at_end = false;
  std::string read_from = *rows_cursor;
  while (!full && !at_end) {
    sdk::Result<sdk::Batch> rows = rows_.ReadBatch(read_from, std::max(max_records, kMinRowsPerRead));
    if (!rows.ok()) return rows.status();
    for (const sdk::Record& row : rows->records) {
      if (!batcher.Take(row)) {
        full = true;
        break;
      }
    }
    at_end = rows->end_of_data || rows->next_cursor == read_from;
    read_from = rows->next_cursor;
  }
  if (!full && batcher.HasPending()) {
    sdk::Result<bool> complete = FileComplete();
    if (!complete.ok()) return complete.status();
    if (*complete) full = !batcher.Flush();
  }
  sdk::Batch batch = std::move(batcher.batch());
  batch.next_cursor = batch.records.empty() ? std::string(cursor_text) : batch.records.back().cursor;
  batch.end_of_data = !full;
  return batch;
}

}  // namespace hub::call_center
