// Splits an IDoc-XML file into its IDOCs without holding it in memory: expat reads the file in chunks and
// notes the byte range of each IDOC element under the root (`<ORDERS05><IDOC BEGIN="1">…</IDOC>…`).
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_SPLITTER_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_SPLITTER_HPP_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// Where splitting starts: offset 0 is the file's beginning; any other offset must be the end of an IDOC
// that an earlier split returned (a cursor), and `line` the file's 1-based line number there.
struct SplitStart {
  std::uint64_t offset = 0;
  std::uint64_t line = 1;
};

// One IDOC: the bytes [begin, end) of the file, from `<IDOC` to just after `</IDOC>`. A non-empty
// `malformed` says expat refused the XML inside it (its message), at `malformed_line`; the range then ends
// after the next `</IDOC>` and the split goes on after it. A plain value.
struct IdocSpan {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint64_t line = 0;      // the file line of `<IDOC`
  std::uint64_t end_line = 0;  // the file line of `</IDOC>`'s last byte
  std::string malformed;
  std::uint64_t malformed_line = 0;
  // The IDOC's text in UTF-8 when the file is transcoded and the IDOC well-formed (so its bytes need not be
  // read and decoded again); empty otherwise.
  std::string text;
};

// Reads one file as a sequence of IdocSpans. Memory is one chunk plus expat's state, whatever the file's
// size. Resuming at a SplitStart costs O(1): a fresh parser is fed the declaration and the root's start tag,
// then the file from the offset (IDOCs are children of the root, and IDoc-XML has no DTD or entities).
// expat reads UTF-8, UTF-16, ISO-8859-1 and US-ASCII itself; a file whose declaration names GB18030, GBK or
// GB2312 (idoc_encoding.hpp) is transcoded to UTF-8 as it streams (IdocTextStream), its spans still in
// bytes of the file. A file whose bytes are not its encoding (an invalid GBK sequence, a byte that is no
// UTF-8 where expat stops) or that declares an encoding not read fails Open or Next with DataError
// "<path>: byte N (line L): <reason> (the file declares …)". Not thread-safe; one instance per file read.
class IdocSplitter {
 public:
  ~IdocSplitter();
  IdocSplitter(const IdocSplitter&) = delete;
  IdocSplitter& operator=(const IdocSplitter&) = delete;

  // Opens `path` and positions it at `start`. DataError when the file has no root element to start from
  // (not XML at all, or not even the root's start tag yet), IoError when it cannot be read.
  static sdk::Result<std::unique_ptr<IdocSplitter>> Open(const std::string& path, SplitStart start,
                                                         std::size_t chunk_bytes = std::size_t{1} << 20);

  // The next IDOC, or nullopt once the root is closed and only whitespace or comments follow. DataError
  // (naming the line) when the XML is malformed outside any IDOC, or the file ends before the root closes;
  // (naming the byte) when the file's bytes are not in its encoding, after the IDOCs before them.
  sdk::Result<std::optional<IdocSpan>> Next();

  // The root element's name ("ORDERS05"). `encoding` is what the declaration names (upper case),
  // "UTF-16LE"/"UTF-16BE" for a byte-order mark of UTF-16, "" when it names none (UTF-8). `converter` is
  // the files::TextDecoder encoding the file's bytes are transcoded from, so that a span's bytes read as
  // they are must be too; "" when expat reads them as they are.
  const std::string& root_name() const;
  const std::string& encoding() const;
  const std::string& converter() const;

  class Impl;

 private:
  explicit IdocSplitter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_SPLITTER_HPP_
