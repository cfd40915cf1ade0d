// CSV and TSV rows: a header or positional column names, RFC 4180 quoting.
#ifndef HUB_FILES_CSV_ROW_PARSER_HPP_
#define HUB_FILES_CSV_ROW_PARSER_HPP_

#include <cstddef>
#include <string>
#include <vector>

#include "hub/files/csv_splitter.hpp"
#include "hub/files/row_parser.hpp"

namespace hub::files {

// How CSV columns get their names.
struct CsvColumns {
  bool header = true;                // the first record names the columns
  std::vector<std::string> columns;  // the names without a header; with one, new names for its columns
  // With a header: when not empty, the header is the first record with a field (trimmed of white space)
  // equal to one of these names, and the records before it are titles ("员工花名册 2026年11月"), skipped;
  // the header's names are trimmed the same way.
  std::vector<std::string> header_markers = {};
};

// Reads CSV/TSV rows. Every row must have as many fields as there are names (the header's or the columns
// option's); without either, any count is accepted and fields are named column_1, column_2, ... A quoted
// field left open at the end of a complete file, or a record longer than max_record_bytes, rejects only the
// line the record starts on: reading goes on with the next line. In a file that may still be written
// (TextLines::complete() false) a quoted field open at the end is not read at all: the record waits.
// ReadPreamble is DataError when header_markers are given and a complete file has no record holding one.
class CsvRowParser final : public RowParser {
 public:
  CsvRowParser(CsvDialect dialect, CsvColumns columns, std::size_t max_record_bytes);

  sdk::Status ReadPreamble(TextLines& lines) override;
  sdk::Status CheckFieldExists(std::string_view name) const override;
  sdk::Result<bool> Next(TextLines& lines, sdk::Record* record, std::uint64_t* first_line) override;
  std::string_view raw() const override { return raw_; }
  bool IsBlank(std::string_view text) const override { return text.empty(); }

 private:
  enum class Outcome { kEndOfFile, kComplete, kUnclosedQuote, kTooLong };

  sdk::Result<Outcome> ReadRecord(TextLines& lines, std::uint64_t* first_line);
  sdk::Status NameColumns(std::uint64_t header_line);
  bool HoldsHeaderMarker() const;
  std::string Rejection(Outcome outcome) const;
  const std::string& Name(std::size_t index);

  CsvSplitter splitter_;
  CsvColumns layout_;
  std::size_t max_record_bytes_;
  std::vector<std::string> names_;
  std::size_t expected_ = 0;  // 0: any number of fields
  std::string raw_;
  std::string error_;  // the first line error inside the current record
};

}  // namespace hub::files

#endif  // HUB_FILES_CSV_ROW_PARSER_HPP_
