// The format-specific part of reading a file: turning lines into records.
#ifndef HUB_FILES_ROW_PARSER_HPP_
#define HUB_FILES_ROW_PARSER_HPP_

#include <cstdint>
#include <string_view>

#include "hub/files/text_lines.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// Reads one format (CSV/TSV, JSON Lines) from decoded lines. The file reader drives it: ReadPreamble
// once at the start of the file, then Next per row; it fills in everything about a record except its
// fields and rejection. One object per file read; one thread at a time.
class RowParser {
 public:
  virtual ~RowParser() = default;

  // Reads what comes before the rows (a CSV header). DataError when the file cannot be read as this format.
  virtual sdk::Status ReadPreamble(TextLines& lines) = 0;
  // OK when rows can have a field of this name; DataError naming the known fields otherwise.
  virtual sdk::Status CheckFieldExists(std::string_view name) const = 0;
  // Parses the next row: its fields, or a `rejection` (the reason, without position) and no fields.
  // *first_line is the physical line the row starts on. false at the end of the file; IoError on read errors.
  virtual sdk::Result<bool> Next(TextLines& lines, sdk::Record* record, std::uint64_t* first_line) = 0;
  // The text of the row Next returned (decoded; \xHH for invalid bytes), for a rejection's raw field.
  virtual std::string_view raw() const = 0;
  // True when a line between rows holds nothing and may be skipped.
  virtual bool IsBlank(std::string_view text) const = 0;
};

}  // namespace hub::files

#endif  // HUB_FILES_ROW_PARSER_HPP_
