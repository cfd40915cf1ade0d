// Which encoding a file's text is in: byte-order marks, and the auto-detection rule.
#ifndef HUB_FILES_ENCODING_HPP_
#define HUB_FILES_ENCODING_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "hub/files/input_file.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

inline constexpr std::string_view kAutoEncoding = "auto";

// The encoding to decode one file with.
struct ResolvedEncoding {
  std::string name;           // for TextDecoder::Create
  std::size_t bom_bytes = 0;  // byte-order mark at the start of the file, not part of the text
  // What a cursor keeps so that the rest of the file is decoded the same way: the name; or, while "auto"
  // has seen nothing but ASCII (read as UTF-8, which any choice would agree with), "auto+<offset>", from
  // where detection goes on once the file has grown.
  std::string resume_as = {};
};

// Decides the encoding of `file`. `requested` is "auto", a cursor's "auto+<offset>", or an encoding name:
//  - "auto": a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE, GB18030) decides. Without one the file is
//    read until 64 KiB past its first non-ASCII byte (or to its end; to the end of its last complete line
//    when not `complete`): UTF-8 when all of that is valid UTF-8, GB18030 otherwise; a file of pure ASCII
//    so far is UTF-8 for now and undecided (resume_as "auto+<offset>").
//  - "auto+<offset>": the same rule on the bytes from that offset on, those before it being ASCII. A file that looks
//  like UTF-16 without a mark (zero
//    bytes between ASCII characters) is refused with DataError saying which encoding to set.
//  - a name: used as given; a byte-order mark of that same encoding is skipped. "utf-16" and "utf-32" take
//    their byte order from the mark (big-endian without one).
// InvalidArgument for an unknown name, IoError when the file cannot be read. Thread-safe.
sdk::Result<ResolvedEncoding> ResolveEncoding(std::string_view requested, const InputFile& file, bool complete);

}  // namespace hub::files

#endif  // HUB_FILES_ENCODING_HPP_
