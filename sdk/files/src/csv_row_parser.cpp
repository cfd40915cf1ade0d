#include "hub/files/csv_row_parser.hpp"

#include <algorithm>
#include <utility>

#include "hub/files/trim.hpp"

namespace hub::files {
namespace {

std::string Columns(std::size_t count) { return std::to_string(count) + (count == 1 ? " column" : " columns"); }

std::string Join(const std::vector<std::string>& names, std::string_view separator = ", ") {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : std::string(separator)) + name;
  return text;
}

}  // namespace

CsvRowParser::CsvRowParser(CsvDialect dialect, CsvColumns columns, std::size_t max_record_bytes)
    : splitter_(dialect), layout_(std::move(columns)), max_record_bytes_(max_record_bytes) {}

sdk::Status CsvRowParser::ReadPreamble(TextLines& lines) {
  if (!layout_.header) {
    names_ = layout_.columns;
    expected_ = names_.size();
    return sdk::Status::Ok();
  }
  std::uint64_t line = 0;
  sdk::Result<Outcome> outcome = ReadRecord(lines, &line);
  // Title rows before the header, whatever they hold (a caption, a date, even bytes the encoding rejects).
  while (outcome.ok() && *outcome != Outcome::kEndOfFile && !layout_.header_markers.empty() &&
         (*outcome != Outcome::kComplete || !HoldsHeaderMarker())) {
    outcome = ReadRecord(lines, &line);
  }
  if (!outcome.ok()) return outcome.status();
  if (*outcome == Outcome::kEndOfFile) {
    if (layout_.header_markers.empty() || !lines.complete()) return sdk::Status::Ok();
    return sdk::Status::DataError(
        "no header row: no line has a column named " + Join(layout_.header_markers, " or ") +
        " (the lines before it are skipped as titles; when the header is there, the file is not in the "
        "encoding it is read in: check the encoding option)");
  }
  const std::string where = "header (line " + std::to_string(line) + "): ";
  if (*outcome != Outcome::kComplete) return sdk::Status::DataError(where + Rejection(*outcome));
  if (!error_.empty()) return sdk::Status::DataError(where + error_);
  return NameColumns(line);
}

sdk::Status CsvRowParser::NameColumns(std::uint64_t header_line) {
  const std::size_t count = splitter_.field_count();
  if (!layout_.columns.empty() && layout_.columns.size() != count) {
    return sdk::Status::DataError("the columns option names " + Columns(layout_.columns.size()) +
                                  " but the header (line " + std::to_string(header_line) + ") has " +
                                  std::to_string(count));
  }
  names_.clear();
  for (std::size_t i = 0; i < count; ++i) {
    std::string name(layout_.header_markers.empty() ? splitter_.field(i) : TrimBlanks(splitter_.field(i)));
    names_.push_back(name.empty() ? "column_" + std::to_string(i + 1) : std::move(name));
  }
  if (!layout_.columns.empty()) names_ = layout_.columns;
  expected_ = count;
  return sdk::Status::Ok();
}

bool CsvRowParser::HoldsHeaderMarker() const {
  if (!error_.empty()) return false;
  for (std::size_t i = 0; i < splitter_.field_count(); ++i) {
    const std::string_view field = TrimBlanks(splitter_.field(i));
    for (const std::string& marker : layout_.header_markers) {
      if (field == marker) return true;
    }
  }
  return false;
}

sdk::Status CsvRowParser::CheckFieldExists(std::string_view name) const {
  if (expected_ == 0 || std::find(names_.begin(), names_.end(), name) != names_.end()) return sdk::Status::Ok();
  return sdk::Status::DataError("there is no column '" + std::string(name) + "' (columns: " + Join(names_) + ")");
}

sdk::Result<bool> CsvRowParser::Next(TextLines& lines, sdk::Record* record, std::uint64_t* first_line) {
  sdk::Result<Outcome> outcome = ReadRecord(lines, first_line);
  if (!outcome.ok()) return outcome.status();
  if (*outcome == Outcome::kEndOfFile) return false;
  const std::size_t count = splitter_.field_count();
  if (*outcome != Outcome::kComplete) {
    record->rejection = Rejection(*outcome);
  } else if (!error_.empty()) {
    record->rejection = error_;
  } else if (expected_ != 0 && count != expected_) {
    record->rejection = Columns(count) + ", " + (layout_.header ? "header has " : "the columns option names ") +
                        std::to_string(expected_);
  } else {
    record->fields.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      record->fields.push_back(sdk::Field{Name(i), sdk::Value::String(std::string(splitter_.field(i)))});
    }
  }
  return true;
}

// Gathers the physical lines of one record. When its quote never closes, or it grows past the limit,
// only its first line is given up: reading resumes right after that line.
sdk::Result<CsvRowParser::Outcome> CsvRowParser::ReadRecord(TextLines& lines, std::uint64_t* first_line) {
  splitter_.Reset();
  raw_.clear();
  error_.clear();
  const LineEnd start = lines.position();
  TextLine line;
  sdk::Result<bool> more = lines.Next(&line);
  if (!more.ok()) return more.status();
  if (!*more) return Outcome::kEndOfFile;
  *first_line = line.number;
  const LineEnd first_end = line.end;
  const std::size_t first_length = line.text.size();
  Outcome outcome = Outcome::kComplete;
  for (;;) {
    if (!line.error.empty() && error_.empty()) {
      error_ = line.number == *first_line ? line.error : "line " + std::to_string(line.number) + ": " + line.error;
    }
    raw_.append(line.text);
    if (splitter_.AddLine(line.text, line.line_break)) return Outcome::kComplete;
    raw_.append(line.line_break);
    if (raw_.size() > max_record_bytes_) {
      outcome = Outcome::kTooLong;
      break;
    }
    more = lines.Next(&line);
    if (!more.ok()) return more.status();
    if (!*more && !lines.complete()) {
      // The rest of the quoted field is still being written: the record waits, unread.
      lines.Seek(start);
      return Outcome::kEndOfFile;
    }
    if (!*more) {
      outcome = Outcome::kUnclosedQuote;
      break;
    }
  }
  raw_.resize(first_length);
  lines.Seek(first_end);
  return outcome;
}

std::string CsvRowParser::Rejection(Outcome outcome) const {
  if (outcome == Outcome::kTooLong) {
    return "record is longer than " + std::to_string(max_record_bytes_) + " bytes (a quote left open?)";
  }
  return "quoted field is not closed before the end of the file";
}

const std::string& CsvRowParser::Name(std::size_t index) {
  while (names_.size() <= index) names_.push_back("column_" + std::to_string(names_.size() + 1));
  return names_[index];
}

}  // namespace hub::files
