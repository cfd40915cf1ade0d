// The head of an IDoc-XML file — its XML declaration and the root's start tag — and what it says about how
// the rest is read: in the encoding it declares, as expat reads it or transcoded (idoc_encoding.hpp).
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_HEAD_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_HEAD_HPP_

#include <expat.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <type_traits>

#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

struct ExpatParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};
// An expat parser, freed with its owner.
using ExpatParser = std::unique_ptr<std::remove_pointer_t<XML_Parser>, ExpatParserFree>;

// What the head of a file says. A plain value.
struct IdocHead {
  // The text before the root's content, as a parser resuming inside the file is fed it: the file's bytes up
  // to the end of the root's start tag, transcoded to UTF-8 when the file is.
  std::string bytes;
  std::string root_name;
  std::string encoding;             // as declared, upper case; "UTF-16LE"/"UTF-16BE" for a UTF-16 byte-order mark
  std::string converter;            // IdocEncoding::converter: "" when expat reads the file as it is
  std::uint64_t content_begin = 0;  // no IDOC starts before this file offset
  std::uint64_t newlines = 0;       // in `bytes`
};

// Reads the head of the open `file` at `path`, in chunks of at most `chunk_bytes`. DataError when the file
// has no root element to start from (not XML at all, or not even the root's start tag yet), when its
// declaration names an encoding not read (naming those read), or when its bytes before the root are not in
// its encoding (naming the byte); IoError when it cannot be read.
sdk::Result<IdocHead> ReadIdocHead(std::FILE* file, const std::string& path, std::size_t chunk_bytes);

// For a file whose declaration names `declared` (upper case; "" for none) and where expat stopped at file
// offset `at`, line `line`: DataError "<path>: byte N (line L): invalid UTF-8 byte 0xB1 (…)" when the file is
// read as UTF-8 and its bytes there are no UTF-8 character, so that its encoding is at fault and not its XML.
// OK otherwise; IoError when it cannot be read.
sdk::Status CheckUtf8At(std::FILE* file, const std::string& path, const std::string& declared, std::uint64_t at,
                        std::uint64_t line);

// What a message about a file's bytes adds about its declaration: " (the file declares encoding GBK)", or for
// none that it is read as UTF-8 and how a GBK file says what it is.
std::string DeclaredEncodingNote(const std::string& declared);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_HEAD_HPP_
