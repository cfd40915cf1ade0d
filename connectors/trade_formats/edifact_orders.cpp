#include <string>

#include "trade_formats/decimal_text.hpp"
#include "trade_formats/edifact_reader.hpp"
#include "trade_formats/edifact_record_support.hpp"

namespace hub::trade_formats {
namespace {

const EdifactProfile& OrdersProfile() {
  static const EdifactProfile profile{
      "order",           "order_number",  "order_line",
      "order_source_id", "order_partner", {{"137", "ordered_on"}, {"4", "ordered_on"}, {"2", "requested_on"}},
      {"21", "1"},       {"203"}};
  return profile;
}

// Σ of the lines' amounts, when every line has one.
std::optional<std::string> SumOfLines(const std::vector<sdk::Record>& lines) {
  std::optional<std::string> sum = "0";
  for (const sdk::Record& line : lines) {
    std::string_view amount = FieldText(line, "amount");
    if (amount.empty()) return std::nullopt;
    sum = AddDecimals(*sum, amount);
    if (!sum) return std::nullopt;
  }
  return sum;
}

}  // namespace

sdk::Result<std::vector<sdk::Record>> ReadEdifactOrders(const EdifactMessage& message) {
  const EdifactProfile& profile = OrdersProfile();
  sdk::Result<EdifactWalk> walked = WalkEdifactMessage(message, profile);
  if (!walked.ok()) return walked.status();
  EdifactWalk& walk = *walked;
  sdk::Record& order = walk.header;
  SetText(&order, "customer_reference", walk.document_number);
  if (const sdk::Record* buyer = FindPartner(walk, "BY")) {
    SetText(&order, "party_source_id", FieldText(*buyer, "partner_number"));
  }
  if (const EdifactWalk::Amount* total = FindAmount(walk, {"86", "79", "128", "77"})) {
    order.Set("total_amount", sdk::Value::Decimal(total->value));
  } else if (std::optional<std::string> sum = SumOfLines(walk.lines); sum && !walk.lines.empty()) {
    order.Set("total_amount", sdk::Value::Decimal(*sum));
  }
  std::string_view line_count = FieldText(order, "CNT.2");
  if (!line_count.empty() && line_count != std::to_string(walk.lines.size())) {
    return sdk::Status::DataError(message.Position() + ": CNT 2 counts " + std::string(line_count) +
                                  " lines, the order " + walk.document_number + " has " +
                                  std::to_string(walk.lines.size()));
  }
  return WalkRecords(std::move(walk), profile);
}

}  // namespace hub::trade_formats
