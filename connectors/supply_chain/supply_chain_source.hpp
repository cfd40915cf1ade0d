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

#include "hub/files/document_source.hpp"
#include "hub/files/file_completeness.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// Where the source reports what it did to files (archived, set aside, read again). May be empty.
using LogSink = files::DocumentLogSink;

// Where the source counts what it did: "files_archived", "files_failed", "idocs_read", "bytes_read" (the
// hub's /metrics). May be empty.
using CountSink = files::DocumentCountSink;

// The folder and what happens to its files (files::DocumentFolderOptions; max_file_bytes bounds the EDIFACT
// and UBL files, read whole), and the chunks IDoc-XML files are streamed in. A plain value.
struct InboxOptions : files::DocumentFolderOptions {
  std::size_t chunk_bytes = std::size_t{1} << 20;
};

// Reads the folder with the semantics of Connector::ReadBatch: a files::DocumentSource whose reader tells
// each file's format by its first bytes (DetectFormat) and streams IDoc-XML IDOC by IDOC (ReadIdocFile) or
// reads an EDIFACT or UBL file whole (ReadTradeFile). A file failing as a whole (not IDoc-XML, malformed
// between IDOCs, ending before its root closes, a bad envelope) goes to error_dir with a sidecar after the
// records before the fault are returned. Cursors are tagged "idoc1" (idoc_cursor.hpp). Not thread-safe: one
// call at a time, as the hub does with a connector.
class SupplyChainSource {
 public:
  SupplyChainSource(InboxOptions options, files::Clock clock, LogSink log = {}, CountSink count = {});

  // At most max_records records after `cursor` ("" for the beginning). InvalidArgument for a cursor this
  // connector did not make; IoError when the folder or a file cannot be read or moved; DataError (naming
  // the file) for a bad file when error_dir is unset.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) {
    return source_.ReadBatch(cursor, max_records);
  }

  // OK when the folder can be listed; Unavailable otherwise.
  sdk::Status CheckHealth() const { return source_.CheckHealth(); }

 private:
  files::DocumentSource source_;
};

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_SOURCE_HPP_
