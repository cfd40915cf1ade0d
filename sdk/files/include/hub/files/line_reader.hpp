// Splitting a file into physical lines, in its raw bytes, with bounded memory.
#ifndef HUB_FILES_LINE_READER_HPP_
#define HUB_FILES_LINE_READER_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hub/files/input_file.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// How many leading bytes of a line (and of a file) a fingerprint covers.
inline constexpr std::size_t kFingerprintBytes = 4096;

// 64-bit FNV-1a, fed in pieces. Stable across builds and platforms: fingerprints are stored in cursors.
class Fingerprint {
 public:
  void Add(std::string_view bytes);
  std::uint64_t value() const { return hash_; }
  static std::uint64_t Of(std::string_view bytes) {
    Fingerprint fingerprint;
    fingerprint.Add(bytes);
    return fingerprint.value();
  }

 private:
  std::uint64_t hash_ = 14695981039346656037ULL;
};

// Where reading stands after a line: the offset and number of the next line, and the length and
// fingerprint (of the first kFingerprintBytes bytes) of the line that ends here, so that a cursor can tell
// later whether the bytes before it are still the same. A plain value.
struct LineEnd {
  std::uint64_t offset = 0;
  std::uint64_t next_line = 1;
  std::uint64_t line_bytes = 0;  // 0 at the start of the text
  std::uint64_t line_hash = 0;
  bool operator==(const LineEnd& other) const = default;
};

// One physical line as bytes, its line break included (absent only on a last line without one).
struct RawLine {
  std::string_view bytes;  // valid until the next call on the reader; only the first max_line_bytes when truncated
  std::uint64_t number = 0;
  LineEnd end;
  bool truncated = false;
};

// Reads a file line by line through a fixed buffer, up to the size it had when opened. A line break is the
// encoding's "\n" (1, 2 or 4 bytes),
// searched only at code-unit boundaries counted from the start of the line; in the ASCII-compatible
// multi-byte encodings (UTF-8, GBK, GB18030, Big5, Shift_JIS, EUC) byte 0x0A never occurs inside a
// character, so cutting there never splits one. A line longer than the buffer is gathered in memory up to
// max_line_bytes; the rest of it is skipped (and the line marked truncated). A last line without its line
// break is a line only when `complete` says the file is written to its end; otherwise it is still being
// written and is not returned (the position stays before it). Borrows the file, which must outlive it;
// one thread at a time.
class LineReader {
 public:
  LineReader(const InputFile& file, std::string line_break, std::size_t buffer_bytes, std::size_t max_line_bytes,
             bool complete);

  // Whether the file is known to be written to its end (a last line without its line break is read).
  bool complete() const { return complete_; }

  // The next line starts at `position` (an offset at a line start).
  void Seek(const LineEnd& position);
  // After the last line returned.
  const LineEnd& position() const { return position_; }

  // The next line; false at the end of the file (or before a last line still being written). IoError when
  // the file cannot be read.
  sdk::Result<bool> Next(RawLine* line);

 private:
  sdk::Result<bool> Fill();
  std::size_t FindBreak() const;
  void Append(std::size_t stop);
  void Emit(RawLine* line, std::string_view bytes);

  const InputFile& file_;
  std::string line_break_;
  std::size_t max_line_bytes_;
  bool complete_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // unread data is buffer_[begin_, end_)
  std::size_t end_ = 0;
  std::uint64_t read_offset_ = 0;  // file offset of buffer_[end_]
  LineEnd position_;
  // The line being gathered when it does not fit in the buffer.
  std::string gathered_;
  std::uint64_t line_length_ = 0;
  Fingerprint line_fingerprint_;
  bool truncated_ = false;
};

}  // namespace hub::files

#endif  // HUB_FILES_LINE_READER_HPP_
