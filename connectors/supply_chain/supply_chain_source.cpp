#include "supply_chain/supply_chain_source.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

#include "hub/files/input_file.hpp"
#include "hub/files/watched_folder.hpp"

namespace hub::supply_chain {
namespace {

namespace fs = std::filesystem;

sdk::Result<std::optional<std::string>> NextName(const InboxOptions& options, const std::string& after) {
  sdk::Result<std::vector<std::string>> names = files::ListFiles(options.folder, options.pattern);
  if (!names.ok()) return names.status();
  auto next = std::upper_bound(names->begin(), names->end(), after);
  if (next == names->end()) return std::optional<std::string>();
  return std::optional<std::string>(*next);
}

}  // namespace

SupplyChainSource::SupplyChainSource(InboxOptions options, files::Clock clock, LogSink log, CountSink count)
    : options_(std::move(options)), clock_(std::move(clock)), log_(std::move(log)), count_(std::move(count)) {
  if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

sdk::Result<sdk::Batch> SupplyChainSource::ReadBatch(std::string_view cursor_text, std::size_t max_records) {
  std::optional<IdocCursor> at;
  if (!cursor_text.empty()) {
    sdk::Result<IdocCursor> decoded = DecodeCursor(cursor_text);
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
      at = IdocCursor{**next};
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
      at = IdocCursor{at->file_name};
    }
    if (at->done) {
      if (!options_.archive_dir.empty()) {
        sdk::Result<fs::path> moved = files::MoveIntoFolder(path, options_.archive_dir);
        if (!moved.ok()) return moved.status();
        Count("files_archived", 1);
        Log(sdk::LogLevel::kInfo, at->file_name + " is read to its end: moved to " + options_.archive_dir.string());
      }
      after = at->file_name;
      at.reset();
      continue;
    }
    sdk::Result<files::InputFile> opened = files::InputFile::Open(path);
    if (!opened.ok()) return opened.status();
    if (!files::IsKnownComplete(*opened, options_.completeness, true, clock_())) {
      return sdk::Batch{{}, last, true, std::nullopt};
    }
    sdk::Result<FileFormat> format = FormatOf(*opened);
    if (!format.ok()) return format.status();
    sdk::Result<IdocFileRead> read = *format == FileFormat::kIdoc
                                         ? ReadIdocFile(path.string(), *at, max_records, options_.chunk_bytes)
                                         : ReadWholeFile(*opened, *format, *at, max_records);
    if (!read.ok()) {
      if (read.status().code() == sdk::StatusCode::kIoError) return read.status();
      if (options_.error_dir.empty()) {
        return sdk::Status(read.status().code(), read.status().message() + " (set error_dir to move such files aside)");
      }
      const std::string where = *format == FileFormat::kIdoc ? "byte " + std::to_string(at->offset) + ", after IDOC " +
                                                                   std::to_string(at->idoc_index)
                                                             : "after record " + std::to_string(at->skip);
      const files::ErrorNote note{std::string(FormatName(*format)) + ": " + read.status().message(),
                                  at->file_name + " " + where + " (the records before it were stored)",
                                  *format == FileFormat::kIdoc ? std::nullopt : std::optional(at->skip)};
      HUB_RETURN_IF_ERROR(files::MoveToErrorFolder(path, options_.error_dir, note));
      Count("files_failed", 1);
      Log(sdk::LogLevel::kWarn,
          at->file_name + " moved to " + options_.error_dir.string() + ": " + read.status().message());
      after = at->file_name;
      at.reset();
      continue;
    }
    Count("idocs_read", static_cast<std::int64_t>(read->next.idoc_index - at->idoc_index));
    if (read->next.offset > at->offset) Count("bytes_read", static_cast<std::int64_t>(read->next.offset - at->offset));
    if (read->records.empty() && read->at_end) {
      at = read->next;
      last = EncodeCursor(read->next);
      continue;
    }
    return sdk::Batch{std::move(read->records), EncodeCursor(read->next), false, std::nullopt};
  }
}

sdk::Result<FileFormat> SupplyChainSource::FormatOf(const files::InputFile& file) const {
  std::string head;
  HUB_RETURN_IF_ERROR(
      file.ReadAt(0, static_cast<std::size_t>(std::min<std::uint64_t>(file.size(), kFingerprintBytes)), &head));
  return DetectFormat(head);
}

sdk::Result<IdocFileRead> SupplyChainSource::ReadWholeFile(const files::InputFile& file, FileFormat format,
                                                           const IdocCursor& at, std::size_t max_records) const {
  if (file.size() > options_.max_file_bytes) {
    return sdk::Status::DataError("the file has " + std::to_string(file.size()) + " bytes, more than max_file_bytes (" +
                                  std::to_string(options_.max_file_bytes) + ") for a " +
                                  std::string(FormatName(format)) + " file, which is read whole");
  }
  std::string bytes;
  HUB_RETURN_IF_ERROR(file.ReadAt(0, static_cast<std::size_t>(file.size()), &bytes));
  TradeFileRead trade = ReadTradeFile(bytes, at.file_name, format);
  // The cursor counts the records read; its offset is the file's size, so that the fingerprint covers the
  // file's first bytes and a replaced file is read again.
  IdocCursor next{at.file_name, Fingerprint(bytes, file.size()), file.size(), 1, 0, at.skip, false};
  if (at.skip >= trade.records.size()) {
    if (!trade.fault.ok()) return trade.fault;
    next.done = true;
    return IdocFileRead{{}, next, true};
  }
  IdocFileRead read;
  const std::size_t end = std::min(trade.records.size(), static_cast<std::size_t>(at.skip) + max_records);
  for (std::size_t i = static_cast<std::size_t>(at.skip); i < end; ++i) {
    next.skip = i + 1;
    next.done = next.skip == trade.records.size() && trade.fault.ok();
    trade.records[i].cursor = EncodeCursor(next);
    read.records.push_back(std::move(trade.records[i]));
  }
  read.next = next;
  read.at_end = next.done;
  return read;
}

sdk::Status SupplyChainSource::CheckHealth() const {
  sdk::Result<std::vector<std::string>> names = files::ListFiles(options_.folder, options_.pattern);
  return names.ok() ? sdk::Status::Ok() : sdk::Status::Unavailable(names.status().message());
}

// Whether the file still starts with the bytes the cursor's fingerprint was taken of.
sdk::Result<bool> SupplyChainSource::Recognised(const IdocCursor& cursor) const {
  if (cursor.offset == 0) return true;
  const fs::path path = options_.folder / cursor.file_name;
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (error) return sdk::Status::IoError("cannot examine " + path.string() + ": " + error.message());
  if (size < cursor.offset) return false;
  std::ifstream in(path, std::ios::binary);
  std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(cursor.offset, kFingerprintBytes)), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  if (!in) return sdk::Status::IoError("cannot read " + path.string());
  return Fingerprint(head, cursor.offset) == cursor.fingerprint;
}

void SupplyChainSource::Count(std::string_view counter, std::int64_t delta) const {
  if (count_ && delta != 0) count_(counter, delta);
}

void SupplyChainSource::Log(sdk::LogLevel level, const std::string& message) const {
  if (log_) log_(level, message);
}

}  // namespace hub::supply_chain
