// The supply_chain connector's reading side without its plugin boundary: the IDoc-XML, EDIFACT and UBL files
// of a watched folder (told apart by content), one at a time in name order, read as batches of records.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_SOURCE_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_SOURCE_HPP_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "hub/files/file_completeness.hpp"
#include "hub/files/input_file.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "supply_chain/idoc_cursor.hpp"
#include "supply_chain/idoc_file_reader.hpp"
#include "supply_chain/trade_file_reader.hpp"

namespace hub::supply_chain {

// Where the source reports what it did to files (archived, set aside, read again). May be empty.
using LogSink = std::function<void(sdk::LogLevel level, std::string_view message)>;

// Where the source counts what it did: "files_archived", "files_failed", "idocs_read", "bytes_read" (the
// hub's /metrics). May be empty.
using CountSink = std::function<void(std::string_view counter, std::int64_t delta)>;

// The folder and what happens to its files. A plain value.
struct InboxOptions {
  std::filesystem::path folder;
  std::string pattern = "*";
  std::filesystem::path archive_dir;  // empty: read files stay, and the cursor moves past their names
  std::filesystem::path error_dir;    // empty: a bad file fails the read
  files::CompletenessRule completeness;
  std::size_t chunk_bytes = std::size_t{1} << 20;
  std::uint64_t max_file_bytes = std::uint64_t{64} << 20;  // EDIFACT and UBL files are read whole
};

// Reads the folder with the semantics of Connector::ReadBatch. Files are read in name order, one at a time;
// a batch never spans two files. A file not known complete  is not read, and the read ends
// there for now (end_of_data), so a file still being copied is never parsed (files::IsKnownComplete: settle
// time, moved in, `final`). A file is archived only when a
// read starts from a cursor at its end, i.e. once the hub has stored its last records. A file failing as a
// whole (not IDoc-XML, malformed between IDOCs, ending before its root closes) goes to error_dir with a
// sidecar after the records before the fault are returned. A file replaced under the cursor (its first
// bytes differ) is read again from its start. Idempotent for a cursor while the files do not change. Not
// thread-safe: one call at a time, as the hub does with a connector.
class SupplyChainSource {
 public:
  SupplyChainSource(InboxOptions options, files::Clock clock, LogSink log = {}, CountSink count = {});

  // At most max_records records after `cursor` ("" for the beginning). InvalidArgument for a cursor this
  // connector did not make; IoError when the folder or a file cannot be read or moved; DataError (naming
  // the file) for a bad file when error_dir is unset.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  // OK when the folder can be listed; Unavailable otherwise.
  sdk::Status CheckHealth() const;

 private:
  sdk::Result<bool> Recognised(const IdocCursor& cursor) const;
  sdk::Result<FileFormat> FormatOf(const files::InputFile& file) const;
  // An EDIFACT or UBL file read whole: the records after at.skip; DataError for a fault of the whole file
  // once the records before it are read.
  sdk::Result<IdocFileRead> ReadWholeFile(const files::InputFile& file, FileFormat format, const IdocCursor& at,
                                          std::size_t max_records) const;
  void Log(sdk::LogLevel level, const std::string& message) const;
  void Count(std::string_view counter, std::int64_t delta) const;

  InboxOptions options_;
  files::Clock clock_;
  LogSink log_;
  CountSink count_;
};

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_SOURCE_HPP_
