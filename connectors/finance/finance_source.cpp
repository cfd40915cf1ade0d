#include "finance/finance_source.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "finance/finance_cursor.hpp"
#include "hub/odbc/incremental_query.hpp"

namespace hub::finance {

FinanceSource::FinanceSource(FinanceOptions options, LogSink log, CancelCheck cancelled)
    : options_(std::move(options)), log_(std::move(log)), cancelled_(std::move(cancelled)) {}

FinanceSource::~FinanceSource() = default;

sdk::Result<sdk::Batch> FinanceSource::ReadBatch(std::string_view cursor, std::size_t max_records) {
  return DropIfBroken(Read(cursor, max_records));
}

sdk::Status FinanceSource::CheckHealth() {
  HUB_RETURN_IF_ERROR(Connect());
  sdk::Result<odbc::RowSet> answer = DropIfBroken(connection_->Query(odbc::PingSql(connection_->dbms_name())));
  return answer.ok() ? sdk::Status::Ok() : answer.status().WithContext("checking the finance database");
}

sdk::Status FinanceSource::Connect() {
  if (connection_ != nullptr) return sdk::Status::Ok();
  if (environment_ == nullptr) {
    sdk::Result<std::shared_ptr<odbc::Environment>> environment = odbc::Environment::Create();
    if (!environment.ok()) return environment.status();
    environment_ = std::move(environment).value();
  }
  sdk::Result<std::unique_ptr<odbc::Connection>> connection = odbc::Connection::Open(environment_, options_.connection);
  if (!connection.ok()) return connection.status().WithContext("connecting to the finance database");
  connection_ = std::move(connection).value();
  return sdk::Status::Ok();
}

// A connection the server dropped fails its statements with a connection error: the next read opens anew.
template <typename Result>
Result FinanceSource::DropIfBroken(Result result) {
  if (!result.ok() && connection_ != nullptr && connection_->broken()) {
    Log(sdk::LogLevel::kWarn,
        "the finance database connection was lost (" + result.status().message() + "); the next read reconnects");
    connection_.reset();
    checked_streams_.clear();
  }
  return result;
}

sdk::Result<sdk::Batch> FinanceSource::Read(std::string_view cursor_text, std::size_t max_records) {
  sdk::Result<FinanceCursor> decoded = DecodeFinanceCursor(cursor_text);
  if (!decoded.ok()) return decoded.status();
  if (max_records == 0) return sdk::Batch{{}, std::string(cursor_text), false, std::nullopt};
  HUB_RETURN_IF_ERROR(Connect());
  FinanceCursor cursor = std::move(decoded).value();
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
  sdk::Batch batch;
  for (;;) {
    const StreamSpec& stream = *at;
    cursor.stream = stream.name;
    if (!checked_streams_.contains(stream.name)) {
      HUB_RETURN_IF_ERROR(CheckStreamColumns(*connection_, stream));
      checked_streams_.insert(stream.name);
    }
    odbc::IncrementalCursor& position = cursor.streams[stream.name];
    std::string warning;
    sdk::Result<StreamPage> page = ReadStreamPage(*connection_, stream, options_.overlap, position,
                                                  max_records - batch.records.size(), &warning, cancelled_);
    if (!warning.empty()) Log(sdk::LogLevel::kWarn, "stream '" + stream.name + "': " + warning);
    if (!page.ok()) return page.status();
    for (std::size_t i = 0; i < page->records.size(); ++i) {
      position = page->after[i];
      page->records[i].cursor = EncodeFinanceCursor(cursor);
      batch.records.push_back(std::move(page->records[i]));
    }
    if (!page->at_end) break;
    // The stream is read to its newest row: that row is its watermark for the next run.
    position.phase = odbc::IncrementalCursor::Phase::kStart;
    if (++at == streams.end()) {
      cursor.stream.clear();
      batch.end_of_data = true;
      break;
    }
    cursor.stream = at->name;
    if (batch.records.size() == max_records) break;
  }
  batch.next_cursor = EncodeFinanceCursor(cursor);
  return batch;
}

void FinanceSource::Log(sdk::LogLevel level, std::string_view message) const {
  if (log_) log_(level, message);
}

}  // namespace hub::finance
