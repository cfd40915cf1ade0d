#include "hub/files/document_source.hpp"

#include <algorithm>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include "hub/files/input_file.hpp"
#include "hub/files/watched_folder.hpp"

namespace hub::files {
namespace {

namespace fs = std::filesystem;

sdk::Result<std::optional<std::string>> NextName(const DocumentFolderOptions& options, const std::string& after) {
  sdk::Result<std::vector<std::string>> names = ListFiles(options.folder, options.pattern);
  if (!names.ok()) return names.status();
  auto next = std::upper_bound(names->begin(), names->end(), after);
  if (next == names->end()) return std::optional<std::string>();
  return std::optional<std::string>(*next);
}

}  // namespace

DocumentSource::DocumentSource(DocumentFolderOptions options, std::unique_ptr<DocumentReader> reader, std::string tag,
                               std::string documents_counter, Clock clock, DocumentLogSink log, DocumentCountSink count)
    : options_(std::move(options)),
      reader_(std::move(reader)),
      tag_(std::move(tag)),
      documents_counter_(std::move(documents_counter)),
      clock_(std::move(clock)),
      log_(std::move(log)),
      count_(std::move(count)) {
  if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

sdk::Result<sdk::Batch> DocumentSource::ReadBatch(std::string_view cursor_text, std::size_t max_records) {
  std::optional<DocumentCursor> at;
  if (!cursor_text.empty()) {
    sdk::Result<DocumentCursor> decoded = DecodeDocumentCursor(cursor_text, tag_);
    if (!decoded.ok()) return decoded.status();
    at = std::move(decoded).value();
  }
  std::string last(cursor_text);  // handed back when nothing more is read now
  std::string after;              // without a cursor: the next file is the first name after this
  for (;;) {
    if (!at) {
      sdk::Result<std::optional<std::string>> next = NextName(options_, after);
      if (!next.ok()) return next.status();
      if (!next->has_value()) return sdk::Batch{{}, last, true, std::nullopt};
      at = DocumentCursor{**next};
    }
    const fs::path path = options_.folder / at->file_name;
    std::error_code missing;
    if (!fs::exists(path, missing)) {  // archived or taken away since the cursor was made
      after = at->file_name;
      at.reset();
      continue;
    }
    sdk::Result<bool> recognised = Recognised(*at);
    if (!recognised.ok()) return recognised.status();
    if (!*recognised) {
      Log(sdk::LogLevel::kWarn, at->file_name + " was replaced by other content: it is read again from its start");
      at = DocumentCursor{at->file_name};
    }
    if (at->done) {
      if (!options_.archive_dir.empty()) {
        sdk::Result<fs::path> moved = MoveIntoFolder(path, options_.archive_dir);
        if (!moved.ok()) return moved.status();
        Count("files_archived", 1);
        Log(sdk::LogLevel::kInfo, at->file_name + " is read to its end: moved to " + options_.archive_dir.string());
      }
      after = at->file_name;
      at.reset();
      continue;
    }
    sdk::Result<InputFile> opened = InputFile::Open(path);
    if (!opened.ok()) return opened.status();
    if (!IsKnownComplete(*opened, options_.completeness, true, clock_())) {
      return sdk::Batch{{}, last, true, std::nullopt};
    }
    sdk::Result<DocumentRead> read = reader_->Read(*opened, *at, max_records, tag_);
    if (!read.ok()) {
      if (read.status().code() == sdk::StatusCode::kIoError) return read.status();
      if (options_.error_dir.empty()) {
        return sdk::Status(read.status().code(), read.status().message() + " (set error_dir to move such files aside)");
      }
      HUB_RETURN_IF_ERROR(SetAside(*opened, *at, read.status()));
      after = at->file_name;
      at.reset();
      continue;
    }
    Count(documents_counter_, static_cast<std::int64_t>(read->next.document_index - at->document_index));
    if (read->next.offset > at->offset) Count("bytes_read", static_cast<std::int64_t>(read->next.offset - at->offset));
    if (read->records.empty() && read->at_end) {
      at = read->next;
      last = EncodeDocumentCursor(read->next, tag_);
      continue;
    }
    return sdk::Batch{std::move(read->records), EncodeDocumentCursor(read->next, tag_), false, std::nullopt};
  }
}

sdk::Status DocumentSource::SetAside(const InputFile& file, const DocumentCursor& at, const sdk::Status& fault) const {
  const ErrorNote note = reader_->NoteOf(file, at, fault);
  HUB_RETURN_IF_ERROR(MoveToErrorFolder(options_.folder / at.file_name, options_.error_dir, note));
  Count("files_failed", 1);
  Log(sdk::LogLevel::kWarn, at.file_name + " moved to " + options_.error_dir.string() + ": " + fault.message());
  return sdk::Status::Ok();
}

sdk::Status DocumentSource::CheckHealth() const {
  sdk::Result<std::vector<std::string>> names = ListFiles(options_.folder, options_.pattern);
  return names.ok() ? sdk::Status::Ok() : sdk::Status::Unavailable(names.status().message());
}

// Whether the file still starts with the bytes the cursor's fingerprint was taken of.
sdk::Result<bool> DocumentSource::Recognised(const DocumentCursor& cursor) const {
  if (cursor.offset == 0) return true;
  sdk::Result<InputFile> file = InputFile::Open(options_.folder / cursor.file_name);
  if (!file.ok()) return sdk::Status::IoError(file.status().message());
  if (file->size() < cursor.offset) return false;
  std::string head;
  HUB_RETURN_IF_ERROR(file->ReadAt(
      0, static_cast<std::size_t>(std::min<std::uint64_t>(cursor.offset, kDocumentFingerprintBytes)), &head));
  return DocumentFingerprint(head, cursor.offset) == cursor.fingerprint;
}

void DocumentSource::Count(std::string_view counter, std::int64_t delta) const {
  if (count_ && delta != 0 && !counter.empty()) count_(counter, delta);
}

void DocumentSource::Log(sdk::LogLevel level, const std::string& message) const {
  if (log_) log_(level, message);
}

}  // namespace hub::files
