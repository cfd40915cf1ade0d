#include "finance/finance_source.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>

#include "finance/finance_cursor.hpp"
#include "finance/ubl_invoice_file.hpp"
#include "hub/odbc/incremental_query.hpp"

namespace hub::finance {
namespace {

// The tag of the folder's cursors inside the finance cursor.
constexpr std::string_view kFolderCursorTag = "ubl1";

}  // namespace

std::int64_t SystemNowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

FinanceSource::FinanceSource(FinanceOptions options, LogSink log, CancelCheck cancelled, Clock now,
                             files::DocumentCountSink count)
    : options_(std::move(options)),
      log_(std::move(log)),
      cancelled_(std::move(cancelled)),
      now_(std::move(now)),
      connection_(options_.connection, "the finance database") {
  if (!options_.ubl) return;
  const UblFolder& ubl = *options_.ubl;
  auto reader = std::make_unique<files::WholeFileReader>(
      "UBL", ubl.folder.max_file_bytes, [system = ubl.system](std::string_view bytes, const std::string& name) {
        return ReadUblInvoiceFile(bytes, name, system);
      });
  Clock folder_now = now_;
  folder_ = std::make_unique<files::DocumentSource>(
      ubl.folder, std::move(reader), std::string(kFolderCursorTag), "",
      [folder_now] { return std::chrono::system_clock::time_point(std::chrono::milliseconds(folder_now())); }, log_,
      std::move(count));
}

FinanceSource::~FinanceSource() = default;

sdk::Result<sdk::Batch> FinanceSource::ReadBatch(std::string_view cursor, std::size_t max_records) {
  return DropIfBroken(Read(cursor, max_records));
}

sdk::Status FinanceSource::CheckHealth() {
  if (folder_ != nullptr) HUB_RETURN_IF_ERROR(folder_->CheckHealth());
  if (!ReadsTables()) return sdk::Status::Ok();
  HUB_RETURN_IF_ERROR(connection_.Open());
  sdk::Result<odbc::RowSet> answer = DropIfBroken(connection_->Query(odbc::PingSql(connection_->dbms_name())));
  return answer.ok() ? sdk::Status::Ok() : answer.status().WithContext("checking the finance database");
}

// A connection the server dropped fails its statements with a connection error: the next read opens anew.
template <typename Result>
Result FinanceSource::DropIfBroken(Result result) {
  if (!result.ok() && connection_.DropIfBroken(result.status())) {
    Log(sdk::LogLevel::kWarn,
        "the finance database connection was lost (" + result.status().message() + "); the next read reconnects");
    checked_streams_.clear();
  }
  return result;
}

sdk::Result<sdk::Batch> FinanceSource::Read(std::string_view cursor_text, std::size_t max_records) {
  sdk::Result<FinanceCursor> decoded = DecodeFinanceCursor(cursor_text);
  if (!decoded.ok()) return decoded.status();
  if (max_records == 0) return sdk::Batch{{}, std::string(cursor_text), false, std::nullopt};
  if (ReadsTables()) HUB_RETURN_IF_ERROR(connection_.Open());
  FinanceCursor cursor = std::move(decoded).value();
  sdk::Batch batch;
  if (!cursor.sweep) {
    if (!cursor.in_folder) {
      if (ReadsTables()) {
        HUB_RETURN_IF_ERROR(ReadStreams(cursor, max_records, &batch));
      } else {
        batch.end_of_data = true;
      }
      // The streams are read: the folder's turn, in this batch when it has room.
      if (batch.end_of_data && folder_ != nullptr) {
        cursor.in_folder = true;
        batch.end_of_data = false;
      }
    }
    if (cursor.in_folder && batch.records.size() < max_records) {
      HUB_RETURN_IF_ERROR(ReadFolder(cursor, max_records, &batch));
    }
    if (batch.end_of_data && ReadsTables()) StartSweepIfDue(cursor, &batch);
  }
  if (cursor.sweep && batch.records.size() < max_records) {
    HUB_RETURN_IF_ERROR(ReadSweep(cursor, max_records, &batch));
  }
  batch.next_cursor = EncodeFinanceCursor(cursor);
  return batch;
}

// When a sweep is due at the end of a run, the run goes on with it (end_of_data withdrawn).
void FinanceSource::StartSweepIfDue(FinanceCursor& cursor, sdk::Batch* batch) {
  const std::int64_t now = now_();
  const auto every = options_.sweep_every.count();
  if (cursor.last_sweep_at == 0) {
    cursor.last_sweep_at = now;  // the first run starts the sweep clock
  } else if (every > 0 && now - cursor.last_sweep_at >= every) {
    cursor.sweep = SweepPosition{std::to_string(now), options_.streams.front().name, {}};
    batch->end_of_data = false;
  }
}

// One read of the folder from the cursor's position: a batch of the folder never spans two files, and a file
// is archived only when a read starts at its end, so one read a batch (a second one would archive a file
// whose records are not stored yet). Ends the run when the folder has nothing new.
sdk::Status FinanceSource::ReadFolder(FinanceCursor& cursor, std::size_t max_records, sdk::Batch* batch) {
  sdk::Result<sdk::Batch> read = folder_->ReadBatch(cursor.folder, max_records - batch->records.size());
  if (!read.ok()) return read.status().WithContext("the UBL folder " + options_.ubl->folder.folder.string());
  for (sdk::Record& record : read->records) {
    cursor.folder = std::move(record.cursor);
    record.cursor = EncodeFinanceCursor(cursor);
    batch->records.push_back(std::move(record));
  }
  cursor.folder = read->next_cursor;
  if (read->end_of_data) {
    cursor.in_folder = false;
    batch->end_of_data = true;
  }
  return sdk::Status::Ok();
}

sdk::Status FinanceSource::CheckColumns(const StreamSpec& stream) {
  if (checked_streams_.contains(stream.name)) return sdk::Status::Ok();
  HUB_RETURN_IF_ERROR(CheckStreamColumns(*connection_, stream));
  checked_streams_.insert(stream.name);
  return sdk::Status::Ok();
}

// The streams from the cursor's, each from its watermark less the overlap to its newest row; sets
// end_of_data when the last one is read to its end.
sdk::Status FinanceSource::ReadStreams(FinanceCursor& cursor, std::size_t max_records, sdk::Batch* batch) {
  const std::vector<StreamSpec>& streams = options_.streams;
  auto at = std::find_if(streams.begin(), streams.end(),
                         [&cursor](const StreamSpec& stream) { return stream.name == cursor.stream; });
  if (at == streams.end()) {
    if (!cursor.stream.empty()) {
      Log(sdk::LogLevel::kWarn, "the cursor stands in stream '" + cursor.stream +
                                    "', which option 'streams' no longer names: the run starts at the first stream");
    }
    at = streams.begin();
  }
  for (;;) {
    const StreamSpec& stream = *at;
    cursor.stream = stream.name;
    HUB_RETURN_IF_ERROR(CheckColumns(stream));
    odbc::IncrementalCursor& position = cursor.streams[stream.name];
    std::string warning;
    sdk::Result<StreamPage> page = ReadStreamPage(*connection_, stream, options_.overlap, position,
                                                  max_records - batch->records.size(), &warning, cancelled_);
    if (!warning.empty()) Log(sdk::LogLevel::kWarn, "stream '" + stream.name + "': " + warning);
    if (!page.ok()) return page.status();
    for (std::size_t i = 0; i < page->records.size(); ++i) {
      position = page->after[i];
      page->records[i].cursor = EncodeFinanceCursor(cursor);
      batch->records.push_back(std::move(page->records[i]));
    }
    if (!page->at_end) return sdk::Status::Ok();
    // The stream is read to its newest row: that row is its watermark for the next run.
    position.phase = odbc::IncrementalCursor::Phase::kStart;
    if (++at == streams.end()) {
      cursor.stream.clear();
      batch->end_of_data = true;
      return sdk::Status::Ok();
    }
    cursor.stream = at->name;
    if (batch->records.size() == max_records) return sdk::Status::Ok();
  }
}

// The sweep from where the cursor stands: PRESENT per id, SWEEP_END per stream; ends the run after the last.
sdk::Status FinanceSource::ReadSweep(FinanceCursor& cursor, std::size_t max_records, sdk::Batch* batch) {
  const std::vector<StreamSpec>& streams = options_.streams;
  SweepPosition& sweep = *cursor.sweep;
  auto at = std::find_if(streams.begin(), streams.end(),
                         [&sweep](const StreamSpec& stream) { return stream.name == sweep.stream; });
  if (at == streams.end()) {
    Log(sdk::LogLevel::kWarn, "the sweep stood in stream '" + sweep.stream +
                                  "', which option 'streams' no longer names: it starts again at the first stream");
    at = streams.begin();
    sweep.after = {};
  }
  while (batch->records.size() < max_records) {
    const StreamSpec& stream = *at;
    sweep.stream = stream.name;
    HUB_RETURN_IF_ERROR(CheckColumns(stream));
    sdk::Result<IdPage> page =
        ReadStreamIds(*connection_, stream, sweep.after, max_records - batch->records.size(), cancelled_);
    if (!page.ok()) return page.status();
    for (std::size_t i = 0; i < page->ids.size(); ++i) {
      sweep.after = page->after[i];
      sdk::Record present;
      present.operation = sdk::Operation::kPresent;
      present.entity = stream.entity;
      present.source_id = odbc::IdText(page->ids[i]);
      present.position = stream.table + " id=" + present.source_id;
      present.Set("sweep_id", sdk::Value::String(sweep.id));
      present.cursor = EncodeFinanceCursor(cursor);
      batch->records.push_back(std::move(present));
    }
    // A full batch leaves the SWEEP_END to the next read, which finds no id after the last.
    if (!page->at_end || batch->records.size() == max_records) return sdk::Status::Ok();
    sdk::Record end;
    end.operation = sdk::Operation::kSweepEnd;
    end.entity = stream.entity;
    end.position = stream.table + " sweep " + sweep.id;
    end.Set("sweep_id", sdk::Value::String(sweep.id));
    end.Set("max_delete_fraction", sdk::Value::Double(options_.max_sweep_delete_fraction));
    if (++at == streams.end()) {
      cursor.last_sweep_at = now_();
      cursor.sweep.reset();
      end.cursor = EncodeFinanceCursor(cursor);
      batch->records.push_back(std::move(end));
      batch->end_of_data = true;
      return sdk::Status::Ok();
    }
    sweep.stream = at->name;
    sweep.after = {};
    end.cursor = EncodeFinanceCursor(cursor);
    batch->records.push_back(std::move(end));
  }
  return sdk::Status::Ok();
}

void FinanceSource::Log(sdk::LogLevel level, std::string_view message) const {
  if (log_) log_(level, message);
}

}  // namespace hub::finance
