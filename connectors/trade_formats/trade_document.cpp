#include "trade_formats/trade_document.hpp"

#include <string_view>

namespace hub::trade_formats {
namespace {

bool IsHeader(std::string_view entity) { return entity == "order" || entity == "delivery" || entity == "invoice"; }
bool IsLine(std::string_view entity) {
  return entity == "order_line" || entity == "delivery_line" || entity == "invoice_line";
}

}  // namespace

std::vector<TradeDocument> GroupDocuments(std::vector<sdk::Record> records) {
  std::vector<TradeDocument> documents;
  std::optional<sdk::Record> party;
  for (sdk::Record& record : records) {
    if (record.entity == "party") {
      party = std::move(record);
    } else if (IsHeader(record.entity)) {
      documents.emplace_back();
      documents.back().header = std::move(record);
      documents.back().party = std::move(party);
      party.reset();
    } else if (documents.empty()) {
      continue;
    } else if (IsLine(record.entity)) {
      documents.back().lines.push_back(std::move(record));
    } else if (record.entity == "order_partner") {
      documents.back().partners.push_back(std::move(record));
    }
  }
  return documents;
}

}  // namespace hub::trade_formats
