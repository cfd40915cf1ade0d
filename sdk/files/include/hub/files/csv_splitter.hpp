// RFC 4180 field splitting, one physical line at a time.
#ifndef HUB_FILES_CSV_SPLITTER_HPP_
#define HUB_FILES_CSV_SPLITTER_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub::files {

// The separators of a CSV/TSV dialect (ASCII characters, so they can be matched in UTF-8 text byte-wise).
struct CsvDialect {
  char delimiter = ',';
  std::optional<char> quote = '"';  // nullopt: no quoting at all
};

// Splits one record into fields as RFC 4180 says: a field that starts with the quote is quoted, may hold
// delimiters and line breaks, and writes a quote as two; a record ends at a line break outside quotes.
// Lenient where the RFC is silent, like Python's csv: a quote inside an unquoted field, or text after a
// closing quote, is kept literally. Fields are stored back to back in one reused buffer (no allocation per
// field once warm). A plain object; one thread at a time.
class CsvSplitter {
 public:
  explicit CsvSplitter(CsvDialect dialect) : dialect_(dialect) {}

  // Starts a new record.
  void Reset();
  // Adds one physical line (`text` without its line break). True when the record is complete; false when
  // a quoted field is still open, in which case the line break became part of that field.
  bool AddLine(std::string_view text, std::string_view line_break);

  std::size_t field_count() const { return ends_.size(); }
  std::string_view field(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(fields_).substr(begin, ends_[index] - begin);
  }

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };

  std::size_t Step(std::string_view text, std::size_t at);
  void EndField() { ends_.push_back(fields_.size()); }

  CsvDialect dialect_;
  State state_ = State::kFieldStart;
  std::string fields_;
  std::vector<std::size_t> ends_;
};

}  // namespace hub::files

#endif  // HUB_FILES_CSV_SPLITTER_HPP_
