#include "hr/hr_records.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <utility>
#include <vector>

#include "hr/hr_row.hpp"

namespace hub::hr {
namespace {

constexpr std::string_view kCursorPrefix = "hr1|";

// The records of one row: those it refers to that the batch has not given yet, then the employee.
std::vector<sdk::Record> RecordsOf(sdk::Record row, std::set<std::pair<std::string, std::string>>* given) {
  std::vector<sdk::Record> records;
  if (row.rejection.empty()) {
    for (sdk::Record& referenced : ReferencedRecords(row)) {
      if (!given->insert({referenced.entity, referenced.source_id}).second) continue;
      referenced.position = row.position;
      records.push_back(std::move(referenced));
    }
  }
  records.push_back(std::move(row));
  return records;
}

}  // namespace

std::string EncodeHrCursor(const HrCursor& cursor) {
  return std::string(kCursorPrefix) + std::to_string(cursor.given) + "|" + cursor.rows;
}

sdk::Result<HrCursor> DecodeHrCursor(std::string_view text) {
  if (text.empty()) return HrCursor{};
  const auto invalid = [&] {
    return sdk::Status::InvalidArgument("not a cursor of the hr connector: '" + std::string(text.substr(0, 64)) + "'");
  };
  if (!text.starts_with(kCursorPrefix)) return invalid();
  std::string_view rest = text.substr(kCursorPrefix.size());
  HrCursor cursor;
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), cursor.given);
  if (error != std::errc() || end == rest.data() + rest.size() || *end != '|') return invalid();
  cursor.rows = std::string(rest.substr(static_cast<std::size_t>(end - rest.data()) + 1));
  return cursor;
}

// Rows are read max_records at a time (each gives at least one record); those whose records no longer fit
// are left for the next batch, which reads them again.
sdk::Result<sdk::Batch> ReadEmployeeBatch(const RowReader& read_rows, std::string_view cursor_text,
                                          std::size_t max_records) {
  sdk::Result<HrCursor> cursor = DecodeHrCursor(cursor_text);
  if (!cursor.ok()) return cursor.status();
  sdk::Batch batch;
  batch.next_cursor = std::string(cursor_text);
  if (max_records == 0) return batch;
  sdk::Result<sdk::Batch> rows = read_rows(cursor->rows, max_records);
  if (!rows.ok()) return rows.status();
  std::set<std::pair<std::string, std::string>> given;
  std::string before = cursor->rows;  // the rows cursor before the current row
  // A row cut by the last batch is the first of this one, so it gives the same records again (`given` was
  // empty then as now) and the first `skip` of them are passed over.
  std::size_t skip = cursor->given;
  bool every_row = true;
  for (sdk::Record& row : rows->records) {
    const std::string after = row.cursor;
    std::vector<sdk::Record> records = RecordsOf(std::move(row), &given);
    const std::size_t room = max_records - batch.records.size();
    if (records.size() - std::min(skip, records.size()) > room && !batch.records.empty()) {
      every_row = false;
      break;
    }
    const std::size_t end = std::min(records.size(), skip + room);
    for (std::size_t i = skip; i < end; ++i) {
      const bool last = i + 1 == records.size();
      records[i].cursor = last ? EncodeHrCursor({0, after}) : EncodeHrCursor({i + 1, before});
      batch.records.push_back(std::move(records[i]));
    }
    skip = 0;
    if (end < records.size()) {
      every_row = false;
      break;
    }
    before = after;
  }
  // Every row taken: the rows' own next cursor, which for a table that reached its end is the watermark the
  // next run starts from (less the overlap), not the position after its last row — also when a run found
  // nothing newer, so that its next cursor is the one it started from.
  if (every_row) {
    const bool unmoved = rows->next_cursor == cursor->rows && cursor->given == 0;
    if (!unmoved) batch.next_cursor = EncodeHrCursor({0, rows->next_cursor});
  } else if (!batch.records.empty()) {
    batch.next_cursor = batch.records.back().cursor;
  }
  batch.end_of_data = rows->end_of_data && every_row;
  return batch;
}

}  // namespace hub::hr
