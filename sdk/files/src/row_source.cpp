#include "hub/files/row_source.hpp"

#include <system_error>
#include <utility>

#include "hub/files/input_file.hpp"
#include "hub/files/watched_folder.hpp"

namespace hub::files {

namespace fs = std::filesystem;

namespace {

sdk::Batch BatchOf(FileRead read, std::string_view cursor_text, bool end_of_data) {
  sdk::Batch batch;
  batch.next_cursor = read.records.empty() ? std::string(cursor_text) : read.records.back().cursor;
  batch.records = std::move(read.records);
  batch.end_of_data = end_of_data;
  return batch;
}

}  // namespace

RowSource::RowSource(SourceFiles files, RowFileOptions options, ParserFactory parsers, RecordCheck check, LogSink log,
                     Clock clock)
    : files_(std::move(files)),
      reader_(std::move(options), std::move(parsers), std::move(check),
              clock ? std::move(clock) : Clock([] { return std::chrono::system_clock::now(); })),
      log_(std::move(log)) {}

sdk::Result<sdk::Batch> RowSource::ReadBatch(std::string_view cursor_text, std::size_t max_records) {
  std::optional<FileCursor> cursor;
  if (!cursor_text.empty()) {
    sdk::Result<FileCursor> decoded = DecodeCursor(cursor_text);
    if (!decoded.ok()) return decoded.status();
    cursor = std::move(decoded).value();
  }
  if (max_records == 0) return sdk::Batch{{}, std::string(cursor_text), false, std::nullopt};
  std::error_code error;
  const FileCursor* resume = cursor ? &*cursor : nullptr;
  if (fs::is_directory(files_.path, error)) return ReadFolder(cursor_text, resume, max_records);
  return ReadSingleFile(cursor_text, resume, max_records);
}

sdk::Result<sdk::Batch> RowSource::ReadSingleFile(std::string_view cursor_text, const FileCursor* cursor,
                                                  std::size_t max_records) {
  sdk::Result<FileRead> read = reader_.Read(files_.path, cursor, max_records, false);
  if (!read.ok()) return read.status();
  NoteRestart(*read);
  const bool at_end = read->at_end;
  return BatchOf(std::move(read).value(), cursor_text, at_end);
}

// Reads on in the cursor's file, or the next file with records. A file that gives no records from a
// cursor the hub committed (or from its start) has nothing unstored left, so it is archived right away,
// once it is complete: a file still being written (in place) may grow, so the read waits at it.
sdk::Result<sdk::Batch> RowSource::ReadFolder(std::string_view cursor_text, const FileCursor* cursor,
                                              std::size_t max_records) {
  std::optional<std::string> name;
  if (cursor != nullptr) name = cursor->file_name;
  for (bool first = true;; first = false) {
    if (!first || !name) {
      sdk::Result<std::optional<std::string>> next = NextFile(name);
      if (!next.ok()) return next.status();
      name = *next;
      cursor = nullptr;
    }
    if (!name) return sdk::Batch{{}, std::string(cursor_text), true, std::nullopt};
    sdk::Result<FileRead> read = reader_.Read(files_.path / *name, cursor, max_records, true);
    if (read.ok() && !read->records.empty()) {
      NoteRestart(*read);
      return BatchOf(std::move(read).value(), cursor_text, false);
    }
    if (read.ok() && !read->complete) return sdk::Batch{{}, std::string(cursor_text), true, std::nullopt};
    if (read.ok()) {
      HUB_RETURN_IF_ERROR(Archive(*name));
    } else if (read.status().code() != sdk::StatusCode::kNotFound) {
      HUB_RETURN_IF_ERROR(SetAside(*name, cursor, read.status()));
    }
  }
}

// With archive_dir every file still in the folder is unread, so the next is the first other than the
// current one (even a late file whose name sorts earlier); without, read files stay and names go forward.
sdk::Result<std::optional<std::string>> RowSource::NextFile(const std::optional<std::string>& after) const {
  sdk::Result<std::vector<std::string>> names = ListFiles(files_.path, files_.pattern);
  if (!names.ok()) return names.status();
  for (const std::string& name : *names) {
    if (!after) return std::optional<std::string>(name);
    if (files_.archive_dir.empty() ? name > *after : name != *after) return std::optional<std::string>(name);
  }
  return std::optional<std::string>();
}

sdk::Status RowSource::Archive(const std::string& name) {
  if (files_.archive_dir.empty()) return sdk::Status::Ok();
  sdk::Result<fs::path> moved = MoveIntoFolder(files_.path / name, files_.archive_dir);
  if (!moved.ok()) return moved.status();
  Log(sdk::LogLevel::kInfo, "archived " + name + " to " + moved->string());
  return sdk::Status::Ok();
}

// The note says where reading stood in the file: its start, with no records read before; or the cursor's
// line, the records before it read by earlier runs (not counted here).
sdk::Status RowSource::SetAside(const std::string& name, const FileCursor* cursor, const sdk::Status& why) {
  if (files_.error_dir.empty()) {
    return sdk::Status(why.code(), why.message() + " (set error_dir to move such files aside)");
  }
  ErrorNote note{why.message(), name + ":1", std::uint64_t{0}};
  if (cursor != nullptr && cursor->file_name == name) {
    note.position = name + ":" + std::to_string(cursor->end.next_line);
    note.records_before.reset();
  }
  HUB_RETURN_IF_ERROR(MoveToErrorFolder(files_.path / name, files_.error_dir, note));
  Log(sdk::LogLevel::kWarn, "moved " + name + " to " + files_.error_dir.string() + ": " + why.message());
  return sdk::Status::Ok();
}

sdk::Status RowSource::CheckHealth() const {
  std::error_code error;
  const fs::file_status status = fs::status(files_.path, error);
  if (!fs::exists(status)) {
    return sdk::Status::Unavailable(files_.path.string() + " does not exist (option 'path')");
  }
  if (fs::is_directory(status)) {
    sdk::Result<std::vector<std::string>> names = ListFiles(files_.path, files_.pattern);
    return names.ok() ? sdk::Status::Ok() : sdk::Status::Unavailable(names.status().message());
  }
  sdk::Result<InputFile> file = InputFile::Open(files_.path);
  return file.ok() ? sdk::Status::Ok() : sdk::Status::Unavailable(file.status().message());
}

void RowSource::NoteRestart(const FileRead& read) const {
  if (read.restarted) {
    Log(sdk::LogLevel::kWarn, read.end.file_name + " changed since it was last read: reading it again from the start");
  }
}

void RowSource::Log(sdk::LogLevel level, const std::string& message) const {
  if (log_) log_(level, message);
}

}  // namespace hub::files
