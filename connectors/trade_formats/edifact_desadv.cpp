#include <string>

#include "trade_formats/edifact_reader.hpp"
#include "trade_formats/edifact_record_support.hpp"

namespace hub::trade_formats {
namespace {

const EdifactProfile& DesadvProfile() {
  static const EdifactProfile profile{"delivery",
                                      "delivery_number",
                                      "delivery_line",
                                      "delivery_source_id",
                                      "",
                                      {{"137", "issued_on"},
                                       {"11", "shipped_on"},
                                       {"17", "expected_on"},
                                       {"132", "expected_on"},
                                       {"35", "delivered_on"}},
                                      {"12", "1"},
                                      {"203"}};
  return profile;
}

void CopyRaw(sdk::Record* record, std::string_view from, std::string name) {
  SetText(record, std::move(name), std::string(FieldText(*record, from)));
}

}  // namespace

sdk::Result<std::vector<sdk::Record>> ReadEdifactDesadv(const EdifactMessage& message) {
  const EdifactProfile& profile = DesadvProfile();
  sdk::Result<EdifactWalk> walked = WalkEdifactMessage(message, profile);
  if (!walked.ok()) return walked.status();
  EdifactWalk& walk = *walked;
  sdk::Record& delivery = walk.header;
  if (delivery.Find("status") == nullptr) delivery.Set("status", sdk::Value::String("shipped"));
  std::string order(FieldText(delivery, "RFF.ON"));
  SetText(&delivery, "order_reference", order);
  SetText(&delivery, "order_source_id", order);
  if (const sdk::Record* ship_to = FindPartner(walk, "DP")) {
    SetText(&delivery, "party_source_id", FieldText(*ship_to, "partner_number"));
  }
  CopyRaw(&delivery, "MEA.AAD", "gross_weight");
  CopyRaw(&delivery, "MEA.AAL", "net_weight");
  std::string unit(FieldText(delivery, "MEA.AAD.6411"));
  SetText(&delivery, "weight_unit", unit.empty() ? FieldText(delivery, "MEA.AAL.6411") : std::string_view(unit));
  std::string carrier(FieldText(delivery, "TDT.3128"));
  SetText(&delivery, "carrier", carrier.empty() ? FieldText(delivery, "TDT.3127") : std::string_view(carrier));
  CopyRaw(&delivery, "RFF.CN", "tracking_number");
  for (sdk::Record& line : walk.lines) {
    std::string_view line_order = FieldText(line, "RFF.ON");
    std::string_view order_line = FieldText(line, "RFF.ON.1156");
    if (line_order.empty()) line_order = order;
    if (order_line.empty()) order_line = FieldText(line, "line_no");
    if (line_order.empty()) continue;
    std::string id;  // built before the line gets a field: the views point into its fields
    id.reserve(line_order.size() + 1 + order_line.size());
    id.append(line_order).append(1, '/').append(order_line);
    SetText(&line, "order_line_source_id", id);
  }
  return WalkRecords(std::move(walk), profile);
}

}  // namespace hub::trade_formats
