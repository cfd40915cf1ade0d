#include "supply_chain/idoc_head.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <vector>

#include "hub/files/text_decoder.hpp"
#include "supply_chain/idoc_encoding.hpp"
#include "supply_chain/idoc_text_stream.hpp"

namespace hub::supply_chain {
namespace {

std::string Upper(const char* text) {
  std::string upper(text == nullptr ? "" : text);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  return upper;
}

struct HeadScan {
  XML_Parser parser = nullptr;
  std::string root_name;
  std::string encoding;
  std::uint64_t root_begin = 0;
  std::uint64_t root_end = 0;
  bool found = false;
};

void XMLCALL HeadDeclaration(void* data, const XML_Char*, const XML_Char* encoding, int) {
  static_cast<HeadScan*>(data)->encoding = Upper(encoding);
}

void XMLCALL HeadStart(void* data, const XML_Char* name, const XML_Char**) {
  auto* scan = static_cast<HeadScan*>(data);
  scan->root_name = name;
  scan->root_begin = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(scan->parser));
  scan->root_end = scan->root_begin + static_cast<std::uint64_t>(XML_GetCurrentByteCount(scan->parser));
  scan->found = true;
  XML_StopParser(scan->parser, XML_FALSE);
}

// The reason a file read as UTF-8 is not, when its bytes at `offset` are no UTF-8 character: where expat
// stopped at a byte it could not read. Empty when they are (the XML is at fault, not the encoding).
sdk::Result<std::string> InvalidUtf8At(std::FILE* file, const std::string& path, std::uint64_t offset) {
  constexpr std::size_t kLongestCharacter = 4;
  std::array<char, kLongestCharacter> window{};
  sdk::Result<std::size_t> got = ReadFileAt(file, path, offset, window.data(), window.size());
  if (!got.ok()) return got.status();
  sdk::Result<std::unique_ptr<files::TextDecoder>> decoder = files::TextDecoder::Create("UTF-8");
  if (!decoder.ok()) return decoder.status();
  (*decoder)->Restart(offset);
  std::string text;
  const sdk::Status decoded =
      (*decoder)->DecodeChunk(std::string_view(window.data(), *got), *got < window.size(), &text);
  if (decoded.ok() || !(*decoder)->fault() || (*decoder)->fault()->offset != offset) return std::string();
  return (*decoder)->fault()->reason;
}

// Scans the head as expat reads it: UTF-8, UTF-16, Latin-1, ASCII. With the root found, or an error; the
// declared encoding is in `scan` either way.
sdk::Result<XML_Error> ScanNativeHead(std::FILE* file, const std::string& path, std::size_t chunk_bytes,
                                      HeadScan* scan) {
  ExpatParser parser(XML_ParserCreate(nullptr));
  scan->parser = parser.get();
  XML_SetUserData(parser.get(), scan);
  XML_SetXmlDeclHandler(parser.get(), HeadDeclaration);
  XML_SetStartElementHandler(parser.get(), HeadStart);
  std::vector<char> chunk(std::min<std::size_t>(chunk_bytes, 64 * 1024));
  std::uint64_t offset = 0;
  for (;;) {
    sdk::Result<std::size_t> got = ReadFileAt(file, path, offset, chunk.data(), chunk.size());
    if (!got.ok()) return got.status();
    const XML_Status status = XML_Parse(parser.get(), chunk.data(), static_cast<int>(*got), *got == 0);
    if (scan->found) return XML_ERROR_NONE;
    if (status == XML_STATUS_ERROR || *got == 0) {
      const XML_Error error = status == XML_STATUS_ERROR ? XML_GetErrorCode(parser.get()) : XML_ERROR_NO_ELEMENTS;
      if (error == XML_ERROR_UNKNOWN_ENCODING) return error;
      const std::string line = std::to_string(XML_GetCurrentLineNumber(parser.get()));
      if (status == XML_STATUS_ERROR) {
        HUB_RETURN_IF_ERROR(CheckUtf8At(file, path, scan->encoding,
                                        static_cast<std::uint64_t>(XML_GetCurrentByteIndex(parser.get())),
                                        XML_GetCurrentLineNumber(parser.get())));
      }
      const std::string why =
          status == XML_STATUS_ERROR ? XML_ErrorString(error) : "the file ends before its root element starts";
      return sdk::Status::DataError(path + ": line " + line + ": not IDoc-XML: " + why);
    }
    offset += *got;
  }
}

// Scans the head of a file transcoded with `converter` (its declaration names an encoding expat lacks).
sdk::Result<IdocHead> ReadTranscodedHead(std::FILE* file, const std::string& path, std::size_t chunk_bytes,
                                         const IdocEncoding& encoding) {
  sdk::Result<IdocTextStream> stream =
      IdocTextStream::Open(file, path, encoding.converter, std::min<std::size_t>(chunk_bytes, 64 * 1024));
  if (!stream.ok()) return stream.status();
  stream->Seek(0, 0, 1);
  // The declaration names an encoding the text is no longer in: expat is told it is UTF-8.
  ExpatParser parser(XML_ParserCreate("UTF-8"));
  HeadScan scan;
  scan.parser = parser.get();
  XML_SetUserData(parser.get(), &scan);
  XML_SetStartElementHandler(parser.get(), HeadStart);
  std::string text;
  for (;;) {
    sdk::Result<std::string_view> chunk = stream->Next();
    if (!chunk.ok()) {
      return sdk::Status(chunk.status().code(),
                         path + ": " + chunk.status().message() + DeclaredEncodingNote(encoding.declared));
    }
    text.append(*chunk);
    const XML_Status status = XML_Parse(parser.get(), chunk->data(), static_cast<int>(chunk->size()), chunk->empty());
    if (scan.found) break;
    if (status == XML_STATUS_ERROR || chunk->empty()) {
      const std::string why = status == XML_STATUS_ERROR ? XML_ErrorString(XML_GetErrorCode(parser.get()))
                                                         : "the file ends before its root element starts";
      return sdk::Status::DataError(path + ": line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) +
                                    ": not IDoc-XML: " + why);
    }
  }
  IdocHead head;
  head.bytes = text.substr(0, scan.root_end);
  head.root_name = scan.root_name;
  head.encoding = encoding.declared;
  head.converter = encoding.converter;
  head.content_begin = stream->FileOffset(scan.root_begin) + 1;
  head.newlines = static_cast<std::uint64_t>(std::count(head.bytes.begin(), head.bytes.end(), '\n'));
  return head;
}

}  // namespace

std::string DeclaredEncodingNote(const std::string& encoding) {
  if (!encoding.empty()) return " (the file declares encoding " + encoding + ")";
  return " (the file's declaration names no encoding, so it is read as UTF-8; a GBK or GB18030 file says so: "
         "<?xml version=\"1.0\" encoding=\"GBK\"?>)";
}

sdk::Status CheckUtf8At(std::FILE* file, const std::string& path, const std::string& declared, std::uint64_t at,
                        std::uint64_t line) {
  if (!declared.empty() && declared != "UTF-8") return sdk::Status::Ok();
  sdk::Result<std::string> invalid = InvalidUtf8At(file, path, at);
  if (!invalid.ok()) return invalid.status();
  if (invalid->empty()) return sdk::Status::Ok();
  return sdk::Status::DataError(path + ": byte " + std::to_string(at) + " (line " + std::to_string(line) +
                                "): " + *invalid + DeclaredEncodingNote(declared));
}

sdk::Result<IdocHead> ReadIdocHead(std::FILE* file, const std::string& path, std::size_t chunk_bytes) {
  HeadScan scan;
  sdk::Result<XML_Error> scanned = ScanNativeHead(file, path, chunk_bytes, &scan);
  if (!scanned.ok()) return scanned.status();
  if (*scanned == XML_ERROR_UNKNOWN_ENCODING) {
    sdk::Result<IdocEncoding> encoding = IdocEncodingOf(scan.encoding);
    if (!encoding.ok()) return sdk::Status::DataError(path + ": line 1: " + encoding.status().message());
    return ReadTranscodedHead(file, path, chunk_bytes, *encoding);
  }
  IdocHead head;
  head.bytes.resize(scan.root_end);
  sdk::Result<std::size_t> got = ReadFileAt(file, path, 0, head.bytes.data(), head.bytes.size());
  if (!got.ok()) return got.status();
  head.root_name = scan.root_name;
  head.encoding = scan.encoding;
  if (head.bytes.size() >= 2 && head.bytes[0] == '\xFF' && head.bytes[1] == '\xFE') head.encoding = "UTF-16LE";
  if (head.bytes.size() >= 2 && head.bytes[0] == '\xFE' && head.bytes[1] == '\xFF') head.encoding = "UTF-16BE";
  head.content_begin = head.bytes.size();
  head.newlines = static_cast<std::uint64_t>(std::count(head.bytes.begin(), head.bytes.end(), '\n'));
  return head;
}

}  // namespace hub::supply_chain
