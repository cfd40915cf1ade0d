// The other formats of the watched folder, told apart by content: UN/EDIFACT interchanges and UBL documents,
// read whole with the trade_formats readers (IDoc-XML is streamed by idoc_file_reader instead).
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_TRADE_FILE_READER_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_TRADE_FILE_READER_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hub/files/document_reader.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

enum class FileFormat { kIdoc, kEdifact, kUbl };

// The format of a file from its first bytes (a few KiB): EDIFACT when, after a byte-order mark and white
// space, it starts with UNA or UNB; UBL when its root is a UBL Order, DespatchAdvice, Invoice or CreditNote
// (by namespace); IDoc-XML otherwise (whose reader then says what is wrong with a file that is none). Pure.
FileFormat DetectFormat(std::string_view head);

// The name of a format, for messages: "IDoc-XML", "EDIFACT", "UBL".
std::string_view FormatName(FileFormat format);

// What reading an EDIFACT or UBL file whole gave (files::WholeFileParse): its records in order (a message the
// envelope or its reader refuses is one record with `rejection` set, its text as `raw`), and `fault`, non-OK
// when the file as a whole is bad (no UNB, a bad UNZ, a missing UNZ at its end, a UBL document that does not
// parse): the records before the fault stay valid.
using TradeFileRead = files::WholeFileParse;

// Reads `bytes`, the whole file named `file_name`, as `format` (kEdifact or kUbl).
TradeFileRead ReadTradeFile(std::string_view bytes, const std::string& file_name, FileFormat format);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_TRADE_FILE_READER_HPP_
