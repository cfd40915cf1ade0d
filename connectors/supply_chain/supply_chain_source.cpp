#include "supply_chain/supply_chain_source.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "supply_chain/idoc_cursor.hpp"
#include "supply_chain/idoc_file_reader.hpp"
#include "supply_chain/trade_file_reader.hpp"

namespace hub::supply_chain {
namespace {

// The folder's reader: each file's format from its first bytes, IDoc-XML streamed, the others read whole.
class TradeFolderReader final : public files::DocumentReader {
 public:
  TradeFolderReader(std::uint64_t max_file_bytes, std::size_t chunk_bytes)
      : max_file_bytes_(max_file_bytes), chunk_bytes_(chunk_bytes) {}

  sdk::Result<files::DocumentRead> Read(const files::InputFile& file, const IdocCursor& at, std::size_t max_records,
                                        std::string_view tag) const override {
    sdk::Result<FileFormat> format = FormatOf(file);
    if (!format.ok()) return format.status();
    if (*format == FileFormat::kIdoc) return ReadIdocFile(file.path().string(), at, max_records, chunk_bytes_);
    return files::ReadWholeFile(
        file, at, max_records, tag, FormatName(*format), max_file_bytes_,
        [kind = *format](std::string_view bytes, const std::string& name) { return ReadTradeFile(bytes, name, kind); });
  }

  files::ErrorNote NoteOf(const files::InputFile& file, const IdocCursor& at, const sdk::Status& fault) const override {
    sdk::Result<FileFormat> format = FormatOf(file);
    if (format.ok() && *format != FileFormat::kIdoc) return files::WholeFileNote(at, fault, FormatName(*format));
    return files::ErrorNote{std::string(FormatName(FileFormat::kIdoc)) + ": " + fault.message(),
                            at.file_name + " byte " + std::to_string(at.offset) + ", after IDOC " +
                                std::to_string(at.document_index) + " (the records before it were stored)",
                            std::nullopt};
  }

 private:
  static sdk::Result<FileFormat> FormatOf(const files::InputFile& file) {
    std::string head;
    HUB_RETURN_IF_ERROR(
        file.ReadAt(0, static_cast<std::size_t>(std::min<std::uint64_t>(file.size(), kFingerprintBytes)), &head));
    return DetectFormat(head);
  }

  std::uint64_t max_file_bytes_;
  std::size_t chunk_bytes_;
};

}  // namespace

SupplyChainSource::SupplyChainSource(InboxOptions options, files::Clock clock, LogSink log, CountSink count)
    : source_(options, std::make_unique<TradeFolderReader>(options.max_file_bytes, options.chunk_bytes),
              std::string(kCursorTag), "idocs_read", std::move(clock), std::move(log), std::move(count)) {}

}  // namespace hub::supply_chain
