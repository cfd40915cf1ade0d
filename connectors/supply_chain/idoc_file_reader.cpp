#include "supply_chain/idoc_file_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "hub/files/text_decoder.hpp"
#include "supply_chain/idoc_document.hpp"
#include "supply_chain/idoc_head.hpp"
#include "supply_chain/idoc_records.hpp"
#include "supply_chain/idoc_splitter.hpp"

namespace hub::supply_chain {
namespace {

constexpr std::size_t kRawBytes = 4096;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

class SpanReader {
 public:
  static sdk::Result<SpanReader> Open(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return sdk::Status::IoError("cannot open " + path);
    return SpanReader(path, file);
  }

  sdk::Result<std::string> Read(std::uint64_t begin, std::uint64_t end) {
    std::string bytes(static_cast<std::size_t>(end - begin), '\0');
    if (std::fseek(file_.get(), static_cast<long>(begin), SEEK_SET) != 0 ||
        std::fread(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size()) {
      return sdk::Status::IoError("cannot read " + path_ + " at byte " + std::to_string(begin));
    }
    return bytes;
  }

  // The first `most` bytes, fewer in a shorter file.
  sdk::Result<std::string> ReadHead(std::size_t most) {
    std::string bytes(most, '\0');
    if (std::fseek(file_.get(), 0, SEEK_SET) != 0) return sdk::Status::IoError("cannot read " + path_);
    bytes.resize(std::fread(bytes.data(), 1, bytes.size(), file_.get()));
    if (std::ferror(file_.get()) != 0) return sdk::Status::IoError("cannot read " + path_);
    return bytes;
  }

 private:
  SpanReader(std::string path, std::FILE* file) : path_(std::move(path)), file_(file) {}
  std::string path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
};

// The text between <DOCNUM> and </DOCNUM>, for naming an IDOC that did not parse; "" when none.
std::string ScanDocnum(std::string_view bytes) {
  const std::size_t open = bytes.find("<DOCNUM>");
  if (open == std::string_view::npos) return {};
  const std::size_t from = open + 8;
  const std::size_t close = bytes.find("</DOCNUM>", from);
  if (close == std::string_view::npos || close - from > 64) return {};
  return std::string(bytes.substr(from, close - from));
}

std::string EntityOfType(std::string_view idoc_type) {
  if (idoc_type.rfind("DEBMAS", 0) == 0) return "party";
  if (idoc_type.rfind("ORDERS", 0) == 0) return "order";
  if (idoc_type.rfind("DELVRY", 0) == 0) return "delivery";
  if (idoc_type.rfind("INVOIC", 0) == 0) return "invoice";
  return {};
}

std::string Position(const std::string& file_name, std::uint64_t index, const std::string& docnum, std::uint64_t line) {
  std::string position = file_name + ":IDOC " + std::to_string(index);
  if (!docnum.empty()) position += " (DOCNUM " + docnum + ")";
  return position + " line " + std::to_string(line);
}

sdk::Record Rejected(std::string entity, std::string position, std::string why, std::string_view bytes) {
  sdk::Record record;
  record.entity = std::move(entity);
  record.position = std::move(position);
  record.rejection = std::move(why);
  record.Set("raw", sdk::Value::String(std::string(bytes.substr(0, kRawBytes))));
  return record;
}

// The records of one IDOC's bytes (its text: UTF-8 when transcoded, as the file has them otherwise), or
// one rejected record.
std::vector<sdk::Record> RecordsOfSpan(const IdocSpan& span, std::uint64_t index, const std::string& file_name,
                                       const std::string& encoding, std::string_view bytes) {
  std::vector<sdk::Record> records;
  if (!span.malformed.empty()) {
    records.push_back(Rejected("", Position(file_name, index, ScanDocnum(bytes), span.malformed_line),
                               "malformed XML in the IDOC: " + span.malformed, bytes));
    return records;
  }
  sdk::Result<IdocDocument> document = IdocDocument::Parse(bytes, encoding);
  if (!document.ok()) {
    records.push_back(
        Rejected("", Position(file_name, index, ScanDocnum(bytes), span.line), document.status().message(), bytes));
    return records;
  }
  const IdocControl& control = document->control();
  std::string position = Position(file_name, index, control.docnum, span.line);
  sdk::Result<std::vector<sdk::Record>> parsed = RecordsOfIdoc(*document);
  if (!parsed.ok()) {
    records.push_back(Rejected(EntityOfType(control.idoctyp), std::move(position), parsed.status().message(), bytes));
    return records;
  }
  records = std::move(parsed).value();
  for (sdk::Record& record : records) {
    record.position = position;
    record.Set("idoc_number", sdk::Value::String(control.docnum));
  }
  return records;
}

// The text of a malformed IDOC of a transcoded file, skipped to its </IDOC> (IdocSpan::text is empty): the
// stream decoded its bytes only up to the malformed place, so the rest may not be text in the encoding:
// DataError "<path>: byte N (line L): <reason> (the file declares …)" then. A view of *out.
sdk::Result<std::string_view> DecodeSkippedIdoc(files::TextDecoder& decoder, const IdocSpan& idoc,
                                                std::string_view bytes, const std::string& path,
                                                const std::string& declared, std::string* out) {
  decoder.Restart(idoc.begin);
  out->clear();
  const sdk::Status decoded = decoder.DecodeChunk(bytes, true, out);
  if (decoded.ok()) return std::string_view(*out);
  if (!decoder.fault()) return decoded;
  const std::uint64_t at = decoder.fault()->offset;
  const auto line = idoc.line + static_cast<std::uint64_t>(std::count(
                                    bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(at - idoc.begin), '\n'));
  return sdk::Status::DataError(path + ": byte " + std::to_string(at) + " (line " + std::to_string(line) +
                                "): " + decoder.fault()->reason + DeclaredEncodingNote(declared));
}

}  // namespace

sdk::Result<IdocFileRead> ReadIdocFile(const std::string& path, const IdocCursor& start, std::size_t max_records,
                                       std::size_t chunk_bytes) {
  if (start.done) return IdocFileRead{{}, start, true};
  sdk::Result<std::unique_ptr<IdocSplitter>> splitter =
      IdocSplitter::Open(path, SplitStart{start.offset, start.line}, chunk_bytes);
  if (!splitter.ok()) return splitter.status();
  sdk::Result<SpanReader> spans = SpanReader::Open(path);
  if (!spans.ok()) return spans.status();
  // The first bytes, for the fingerprints of cursors near the start.
  sdk::Result<std::string> head = spans->ReadHead(kFingerprintBytes);
  if (!head.ok()) return head.status();
  const std::uint64_t full_fingerprint = Fingerprint(*head, kFingerprintBytes);
  auto cursor_text = [&](IdocCursor cursor) {
    cursor.fingerprint = cursor.offset >= head->size() ? full_fingerprint : Fingerprint(*head, cursor.offset);
    return EncodeCursor(cursor);
  };

  // A transcoded file's spans are decoded as the stream was (the splitter has seen them decode).
  std::unique_ptr<files::TextDecoder> decoder;
  std::string encoding = (*splitter)->encoding();
  if (!(*splitter)->converter().empty()) {
    sdk::Result<std::unique_ptr<files::TextDecoder>> created = files::TextDecoder::Create((*splitter)->converter());
    if (!created.ok()) return created.status();
    decoder = std::move(created).value();
    encoding = "UTF-8";
  }

  std::string transcoded;

  IdocFileRead read;
  read.next = start;
  while (read.records.size() < max_records) {
    sdk::Result<std::optional<IdocSpan>> span = (*splitter)->Next();
    if (!span.ok()) {
      if (read.records.empty()) return span.status();
      break;
    }
    if (!span->has_value()) {
      read.at_end = true;
      read.next.done = true;
      break;
    }
    const IdocSpan& idoc = **span;
    const std::uint64_t index = read.next.document_index + 1;
    sdk::Result<std::string> bytes = idoc.text.empty() ? spans->Read(idoc.begin, idoc.end) : std::string();
    if (!bytes.ok()) return bytes.status();
    std::string_view text = idoc.text.empty() ? std::string_view(*bytes) : std::string_view(idoc.text);
    if (decoder != nullptr && idoc.text.empty()) {
      sdk::Result<std::string_view> decoded =
          DecodeSkippedIdoc(*decoder, idoc, *bytes, path, (*splitter)->encoding(), &transcoded);
      if (!decoded.ok()) {
        if (decoded.status().code() == sdk::StatusCode::kDataError && !read.records.empty()) break;
        return decoded.status();
      }
      text = *decoded;
    }
    std::vector<sdk::Record> records = RecordsOfSpan(idoc, index, start.file_name, encoding, text);
    const IdocCursor inside{start.file_name, 0, idoc.begin, idoc.line, read.next.document_index, 0};
    const IdocCursor after{start.file_name, 0, idoc.end, idoc.end_line, index, 0};
    for (std::size_t i = read.next.skip; i < records.size(); ++i) {
      if (read.records.size() == max_records) {
        read.next = inside;
        read.next.skip = i;
        read.next.fingerprint = Fingerprint(*head, read.next.offset);
        return read;
      }
      IdocCursor at = i + 1 < records.size() ? inside : after;
      if (i + 1 < records.size()) at.skip = i + 1;
      records[i].cursor = cursor_text(at);
      read.records.push_back(std::move(records[i]));
    }
    read.next = after;
  }
  read.next.fingerprint = read.next.offset >= head->size() ? full_fingerprint : Fingerprint(*head, read.next.offset);
  return read;
}

}  // namespace hub::supply_chain
