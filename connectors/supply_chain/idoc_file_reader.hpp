// One IDoc-XML file read as records from a cursor: IdocSplitter finds the IDOCs, IdocDocument parses
// each, RecordsOfIdoc turns it into records; a bad IDOC becomes one rejected record and the rest goes on.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_FILE_READER_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_FILE_READER_HPP_

#include <cstddef>
#include <string>
#include <vector>

#include "hub/files/document_reader.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "supply_chain/idoc_cursor.hpp"

namespace hub::supply_chain {

// What one read of a file gave (at_end: the root is closed, the file has nothing after `next`).
using IdocFileRead = files::DocumentRead;

// Reads at most max_records records of the file at `path` from `start` (its file_name names the file;
// a fresh IdocCursor{name} starts at the beginning), splitting with chunks of `chunk_bytes`. Each record's
// position reads "orders.xml:IDOC 3 (DOCNUM 4711) line 1204". An IDOC of an unknown type, without its key,
// or with malformed XML inside it gives one record with `rejection` set (entity named when the type is
// known; field `raw` holds its first 4 KiB) and the read goes on after it. DataError when the file is
// malformed outside any IDOC or ends before its root closes — unless records were read before it in this
// call: those are returned first, and the next read from `next` fails. IoError when it cannot be read.
sdk::Result<IdocFileRead> ReadIdocFile(const std::string& path, const IdocCursor& start, std::size_t max_records,
                                       std::size_t chunk_bytes = std::size_t{1} << 20);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_FILE_READER_HPP_
