#include "supply_chain/trade_file_reader.hpp"

#include <algorithm>
#include <utility>

#include "trade_formats/edifact_interchange.hpp"
#include "trade_formats/edifact_reader.hpp"
#include "trade_formats/ubl_reader.hpp"

namespace hub::supply_chain {
namespace {

constexpr std::size_t kRawBytes = 4096;

std::string_view WithoutLead(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view() : head.substr(first);
}

TradeFileRead ReadEdifact(std::string_view bytes, const std::string& file_name) {
  TradeFileRead read;
  trade_formats::EdifactInterchangeReader reader(file_name, [&](const trade_formats::EdifactMessage& message) {
    sdk::Result<std::vector<sdk::Record>> records = trade_formats::ReadEdifactMessage(message);
    if (records.ok()) {
      for (sdk::Record& record : *records) read.records.push_back(std::move(record));
      return sdk::Status::Ok();
    }
    sdk::Record rejected;
    rejected.entity = message.type == "ORDERS" ? "order" : message.type == "DESADV" ? "delivery" : "invoice";
    rejected.position = message.Position();
    rejected.rejection = records.status().message();
    const std::uint64_t end = std::max(message.end_offset, message.byte_offset);
    rejected.Set("raw", sdk::Value::String(std::string(bytes.substr(
                            message.byte_offset, std::min<std::uint64_t>(end - message.byte_offset, kRawBytes)))));
    read.records.push_back(std::move(rejected));
    return sdk::Status::Ok();
  });
  read.fault = reader.Feed(bytes);
  if (read.fault.ok()) read.fault = reader.Finish();
  return read;
}

}  // namespace

FileFormat DetectFormat(std::string_view head) {
  const std::string_view text = WithoutLead(head);
  if (text.substr(0, 3) == "UNA" || text.substr(0, 3) == "UNB") return FileFormat::kEdifact;
  if (trade_formats::DetectUblDocument(head).ok()) return FileFormat::kUbl;
  return FileFormat::kIdoc;
}

std::string_view FormatName(FileFormat format) {
  switch (format) {
    case FileFormat::kIdoc:
      return "IDoc-XML";
    case FileFormat::kEdifact:
      return "EDIFACT";
    case FileFormat::kUbl:
      return "UBL";
  }
  return "?";
}

TradeFileRead ReadTradeFile(std::string_view bytes, const std::string& file_name, FileFormat format) {
  if (format == FileFormat::kEdifact) return ReadEdifact(bytes, file_name);
  TradeFileRead read;
  sdk::Result<std::vector<sdk::Record>> records = trade_formats::ReadUblDocument(bytes, file_name);
  if (records.ok()) {
    read.records = std::move(records).value();
  } else {
    read.fault = records.status();
  }
  return read;
}

}  // namespace hub::supply_chain
