// Physical lines of a file as UTF-8 text.
#ifndef HUB_FILES_TEXT_LINES_HPP_
#define HUB_FILES_TEXT_LINES_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hub/files/line_reader.hpp"
#include "hub/files/text_decoder.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// One physical line, decoded.
struct TextLine {
  std::string_view text;        // UTF-8 without the line break; with \xHH escapes when `error` is set
  std::string_view line_break;  // "\n" or "\r\n" as decoded; empty on a last line without one
  std::uint64_t number = 0;
  LineEnd end;
  std::string error;  // why the line cannot be used as text (invalid bytes, too long); empty when fine
};

// Decodes the lines of a LineReader, with one line of look-back: Unread() makes the next Next() return
// the same line again. Borrows the reader and the decoder; views stay valid until the next Next() that
// reads a new line. One thread at a time.
class TextLines {
 public:
  TextLines(LineReader& reader, TextDecoder& decoder, std::size_t max_line_bytes)
      : reader_(reader), decoder_(decoder), max_line_bytes_(max_line_bytes), position_(reader.position()) {}

  // false at the end of the file; IoError when it cannot be read.
  sdk::Result<bool> Next(TextLine* line);
  // Gives back the line the last Next() returned.
  void Unread();
  // The next line starts at `position`.
  void Seek(const LineEnd& position);
  // After the last line consumed.
  const LineEnd& position() const { return position_; }
  // Whether the file is known to be written to its end: when not, the end of its lines is only the end for
  // now, and a record left open there (a quoted field) waits for the rest.
  bool complete() const { return reader_.complete(); }

 private:
  LineReader& reader_;
  TextDecoder& decoder_;
  std::size_t max_line_bytes_;
  LineEnd position_;
  LineEnd before_last_;
  TextLine last_;
  bool unread_ = false;
};

}  // namespace hub::files

#endif  // HUB_FILES_TEXT_LINES_HPP_
