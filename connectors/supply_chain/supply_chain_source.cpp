#include "supply_chain/supply_chain_source.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

#include "supply_chain/idoc_file_reader.hpp"

namespace hub::supply_chain {
namespace {

namespace fs = std::filesystem;

sdk::Result<std::optional<std::string>> NextName(const InboxOptions& options, const std::string& after) {
  sdk::Result<std::vector<std::string>> names = ListInbox(options.folder, options.pattern);
  if (!names.ok()) return names.status();
  auto next = std::upper_bound(names->begin(), names->end(), after);
  if (next == names->end()) return std::optional<std::string>();
  return std::optional<std::string>(*next);
}

}  // namespace

SupplyChainSource::SupplyChainSource(InboxOptions options, Clock clock, LogSink log, CountSink count)
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
        HUB_RETURN_IF_ERROR(MoveInto(path, options_.archive_dir));
        Count("files_archived", 1);
        Log(sdk::LogLevel::kInfo, at->file_name + " is read to its end: moved to " + options_.archive_dir.string());
      }
      after = at->file_name;
      at.reset();
      continue;
    }
    sdk::Result<bool> complete = IsComplete(path, options_.completeness, clock_());
    if (!complete.ok()) return complete.status();
    if (!*complete) return sdk::Batch{{}, last, true, std::nullopt};
    sdk::Result<IdocFileRead> read = ReadIdocFile(path.string(), *at, max_records, options_.chunk_bytes);
    if (!read.ok()) {
      if (read.status().code() == sdk::StatusCode::kIoError) return read.status();
      if (options_.error_dir.empty()) {
        return sdk::Status(read.status().code(), read.status().message() + " (set error_dir to move such files aside)");
      }
      HUB_RETURN_IF_ERROR(SetAside(path, options_.error_dir, read.status().message(), at->idoc_index));
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

sdk::Status SupplyChainSource::CheckHealth() const {
  sdk::Result<std::vector<std::string>> names = ListInbox(options_.folder, options_.pattern);
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
