#include "hub/files/row_file_reader.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "hub/files/encoding.hpp"
#include "hub/files/input_file.hpp"
#include "hub/files/line_reader.hpp"
#include "hub/files/text_decoder.hpp"
#include "hub/files/text_lines.hpp"

namespace hub::files {
namespace {

// One read of one file: everything that lives from opening it to returning its records.
class FileSession {
 public:
  FileSession(const RowFileOptions& options, const ParserFactory& parsers, const RecordCheck& check, InputFile file,
              bool complete)
      : options_(options),
        limits_(options.limits),
        parsers_(parsers),
        check_(check),
        file_(std::move(file)),
        name_(file_.path().filename().string()),
        complete_(complete) {}

  const std::string& name() const { return name_; }
  sdk::Status Open(const FileCursor* cursor);
  sdk::Result<FileRead> ReadRecords(std::size_t max_records);

 private:
  sdk::Result<bool> Matches(const FileCursor& cursor) const;
  sdk::Status OpenText(std::string_view encoding);
  sdk::Status SkipBlankLines();
  sdk::Result<bool> AtEnd();
  void Finish(std::uint64_t first_line, sdk::Record* record);
  FileCursor CursorAt(const LineEnd& end) const;

  const RowFileOptions& options_;
  const ReaderLimits& limits_;
  const ParserFactory& parsers_;
  const RecordCheck& check_;
  InputFile file_;
  std::string name_;
  bool complete_;     // known to be written to its end: a last line without its line end is read
  std::string head_;  // the first kFingerprintBytes bytes
  std::uint64_t head_hash_ = 0;
  ResolvedEncoding encoding_;
  std::unique_ptr<TextDecoder> decoder_;
  std::unique_ptr<LineReader> reader_;
  std::unique_ptr<TextLines> lines_;
  std::unique_ptr<RowParser> parser_;
  bool restarted_ = false;
};

sdk::Status FileSession::Open(const FileCursor* cursor) {
  HUB_RETURN_IF_ERROR(file_.ReadAt(0, kFingerprintBytes, &head_));
  head_hash_ = Fingerprint::Of(head_);
  bool resume = false;
  if (cursor != nullptr) {
    sdk::Result<bool> matches = Matches(*cursor);
    if (!matches.ok()) return matches.status();
    resume = *matches;
    restarted_ = !resume;
  }
  // Auto-detection is not repeated on resume (only continued past ASCII): the file is decoded one way throughout.
  const bool reuse_encoding = resume && options_.encoding == kAutoEncoding;
  HUB_RETURN_IF_ERROR(OpenText(reuse_encoding ? std::string_view(cursor->encoding) : options_.encoding));
  HUB_RETURN_IF_ERROR(SkipBlankLines());
  HUB_RETURN_IF_ERROR(parser_->ReadPreamble(*lines_));
  if (!options_.required_field.empty()) {
    HUB_RETURN_IF_ERROR(parser_->CheckFieldExists(options_.required_field).WithContext(options_.required_field_option));
  }
  if (resume && cursor->end.offset > lines_->position().offset) lines_->Seek(cursor->end);
  return sdk::Status::Ok();
}

// True when the bytes before the cursor are still those it was taken after.
sdk::Result<bool> FileSession::Matches(const FileCursor& cursor) const {
  if (cursor.file_name != name_ || cursor.end.offset > file_.size()) return false;
  if (cursor.head_bytes > head_.size() || Fingerprint::Of(head_.substr(0, cursor.head_bytes)) != cursor.head_hash) {
    return false;
  }
  if (cursor.end.line_bytes == 0) return true;
  std::string line;
  const std::uint64_t length = std::min<std::uint64_t>(cursor.end.line_bytes, kFingerprintBytes);
  HUB_RETURN_IF_ERROR(file_.ReadAt(cursor.end.offset - cursor.end.line_bytes, length, &line));
  return Fingerprint::Of(line) == cursor.end.line_hash;
}

sdk::Status FileSession::OpenText(std::string_view encoding) {
  sdk::Result<ResolvedEncoding> resolved = ResolveEncoding(encoding, file_, complete_);
  if (!resolved.ok()) return resolved.status();
  encoding_ = std::move(resolved).value();
  sdk::Result<std::unique_ptr<TextDecoder>> decoder = TextDecoder::Create(encoding_.name);
  if (!decoder.ok()) return sdk::Status::DataError(decoder.status().message());
  decoder_ = std::move(decoder).value();
  sdk::Result<std::unique_ptr<RowParser>> parser = parsers_(name_);
  if (!parser.ok()) return parser.status();
  parser_ = std::move(parser).value();
  reader_ = std::make_unique<LineReader>(file_, decoder_->line_break(), limits_.buffer_bytes, limits_.max_record_bytes,
                                         complete_);
  reader_->Seek(LineEnd{encoding_.bom_bytes, 1, 0, 0});
  lines_ = std::make_unique<TextLines>(*reader_, *decoder_, limits_.max_record_bytes);
  return sdk::Status::Ok();
}

sdk::Result<FileRead> FileSession::ReadRecords(std::size_t max_records) {
  FileRead read;
  HUB_RETURN_IF_ERROR(SkipBlankLines());
  bool exhausted = false;  // the parser found no record: the end, or a tail still being written
  while (read.records.size() < max_records) {
    sdk::Record record;
    std::uint64_t first_line = 0;
    sdk::Result<bool> more = parser_->Next(*lines_, &record, &first_line);
    if (!more.ok()) return more.status();
    if (!*more) {
      exhausted = true;
      break;
    }
    // The cursor goes past empty lines, so that it says "end of file" when only they follow.
    HUB_RETURN_IF_ERROR(SkipBlankLines());
    Finish(first_line, &record);
    read.records.push_back(std::move(record));
  }
  read.end = CursorAt(lines_->position());
  if (exhausted) {
    read.at_end = true;
  } else {
    sdk::Result<bool> at_end = AtEnd();
    if (!at_end.ok()) return at_end.status();
    read.at_end = *at_end;
  }
  read.complete = complete_;
  read.restarted = restarted_;
  return read;
}

sdk::Status FileSession::SkipBlankLines() {
  if (!options_.skip_empty_lines) return sdk::Status::Ok();
  TextLine line;
  for (;;) {
    sdk::Result<bool> more = lines_->Next(&line);
    if (!more.ok() || !*more) return more.status();
    if (!line.error.empty() || !parser_->IsBlank(line.text)) {
      lines_->Unread();
      return sdk::Status::Ok();
    }
  }
}

sdk::Result<bool> FileSession::AtEnd() {
  TextLine line;
  sdk::Result<bool> more = lines_->Next(&line);
  if (!more.ok()) return more.status();
  if (*more) lines_->Unread();
  return !*more;
}

void FileSession::Finish(std::uint64_t first_line, sdk::Record* record) {
  record->position = name_ + ":" + std::to_string(first_line);
  if (check_) {
    std::string problem = check_(*record);
    if (record->rejection.empty()) record->rejection = std::move(problem);
  }
  if (!record->rejection.empty()) {
    record->rejection = record->position + ": " + record->rejection;
    record->fields.clear();
    record->Set("raw", sdk::Value::String(std::string(parser_->raw())));
  }
  if (record->source_id.empty()) record->source_id = record->position;
  record->cursor = EncodeCursor(CursorAt(lines_->position()));
}

FileCursor FileSession::CursorAt(const LineEnd& end) const {
  FileCursor cursor;
  cursor.file_name = name_;
  cursor.encoding = encoding_.resume_as;
  cursor.end = end;
  cursor.head_bytes = std::min<std::uint64_t>(end.offset, head_.size());
  cursor.head_hash =
      cursor.head_bytes == head_.size() ? head_hash_ : Fingerprint::Of(head_.substr(0, cursor.head_bytes));
  return cursor;
}

}  // namespace

sdk::Result<FileRead> RowFileReader::Read(const std::filesystem::path& path, const FileCursor* cursor,
                                          std::size_t max_records, bool in_folder) const {
  sdk::Result<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  const bool complete = IsKnownComplete(*file, options_.completeness, in_folder, clock_());
  FileSession session(options_, parsers_, check_, std::move(file).value(), complete);
  HUB_RETURN_IF_ERROR(session.Open(cursor).WithContext(session.name()));
  sdk::Result<FileRead> read = session.ReadRecords(max_records);
  if (!read.ok()) return read.status().WithContext(session.name());
  return read;
}

}  // namespace hub::files
