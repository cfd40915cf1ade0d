#include "supply_chain/orders05_writer.hpp"

#include <cstdio>
#include <utility>

#include "trade_formats/outbound_events.hpp"

namespace hub::supply_chain {
namespace {

namespace json = boost::json;
using trade_formats::FieldsOf;
using trade_formats::JsonText;

std::string SapDate(std::string_view iso) {
  std::string date;
  for (char c : iso.substr(0, 10)) {
    if (c != '-') date += c;
  }
  return date;
}

std::string Escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

class IdocText {
 public:
  void Open(const char* segment) { text_ += indent_ + "<" + segment + " SEGMENT=\"1\">\n", indent_ += "  "; }
  void Close(const char* segment) {
    indent_.resize(indent_.size() - 2);
    text_ += indent_ + "</" + segment + ">\n";
  }
  void Field(const char* name, std::string_view value) {
    if (!value.empty()) text_ += indent_ + "<" + name + ">" + Escaped(value) + "</" + name + ">\n";
  }
  void Qualified(const char* segment, const char* qualifier_field, const char* qualifier, const char* field,
                 std::string_view value) {
    if (value.empty()) return;
    Open(segment);
    Field(qualifier_field, qualifier);
    Field(field, value);
    Close(segment);
  }
  std::string& text() { return text_; }
  void Raw(std::string_view text) { text_ += text; }
  void Indent(std::string indent) { indent_ = std::move(indent); }

 private:
  std::string text_;
  std::string indent_;
};

}  // namespace

sdk::Result<OutboundOrder> OrderOfEvent(const sdk::OutboundEvent& event, std::string_view partner_system) {
  const std::string which = trade_formats::EventName(event);
  if (event.entity != "order") return sdk::Status::DataError(which + ": the supply_chain connector sends orders only");
  sdk::Result<trade_formats::EventPayload> payload = trade_formats::EventPayload::Parse(event);
  if (!payload.ok()) return payload.status();
  const json::object& composed = payload->document();
  const json::object& fields = FieldsOf(composed);
  OutboundOrder order;
  order.source_id = JsonText(composed, "source_id");
  if (order.source_id.empty()) order.source_id = JsonText(payload->payload(), "source_id");
  order.order_number = JsonText(fields, "order_number");
  if (order.order_number.empty()) return sdk::Status::DataError(which + ": the order has no order_number");
  if (order.source_id.empty()) order.source_id = order.order_number;
  order.currency = JsonText(fields, "currency");
  order.ordered_on = JsonText(fields, "ordered_on");
  order.requested_on = JsonText(fields, "requested_on");
  order.customer_reference = JsonText(fields, "customer_reference");
  order.total_amount = JsonText(fields, "total_amount");
  if (const json::object* party = trade_formats::JsonObject(composed, "party")) {
    order.sold_to = trade_formats::SourceIdIn(*party, partner_system);
  }
  if (order.sold_to.empty()) {
    return sdk::Status::DataError(which + ": the order's customer has no source link in system '" +
                                  std::string(partner_system) + "' (its customer number there)");
  }
  if (const json::array* lines = trade_formats::JsonArray(composed, "lines")) {
    for (const json::value& value : *lines) {
      if (!value.is_object()) continue;
      const json::object& line = FieldsOf(value.get_object());
      order.lines.push_back(OutboundLine{
          JsonText(line, "line_no"), JsonText(line, "sku"), JsonText(line, "description"), JsonText(line, "quantity"),
          JsonText(line, "unit"), JsonText(line, "unit_price"), JsonText(line, "amount")});
    }
  }
  return order;
}

std::string DocnumOf(std::string_view event_id) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (char c : event_id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char digits[17];
  std::snprintf(digits, sizeof(digits), "%016llu", static_cast<unsigned long long>(hash % 10'000'000'000'000'000ULL));
  return digits;
}

std::string WriteOrders05(const OutboundOrder& order, const Orders05Envelope& envelope) {
  IdocText idoc;
  idoc.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ORDERS05>\n  <IDOC BEGIN=\"1\">\n");
  idoc.Indent("    ");
  idoc.Open("EDI_DC40");
  idoc.Field("TABNAM", "EDI_DC40");
  idoc.Field("MANDT", envelope.client);
  idoc.Field("DOCNUM", envelope.docnum);
  idoc.Field("DIRECT", "2");
  idoc.Field("IDOCTYP", "ORDERS05");
  idoc.Field("MESTYP", "ORDERS");
  idoc.Field("SNDPOR", envelope.sender_port);
  idoc.Field("SNDPRT", envelope.sender_partner_type);
  idoc.Field("SNDPRN", envelope.sender_partner);
  idoc.Field("RCVPOR", envelope.receiver_port);
  idoc.Field("RCVPRT", envelope.receiver_partner_type);
  idoc.Field("RCVPRN", envelope.receiver_partner);
  idoc.Field("CREDAT", envelope.created_on);
  idoc.Field("CRETIM", envelope.created_at);
  idoc.Close("EDI_DC40");
  idoc.Open("E1EDK01");
  idoc.Field("CURCY", order.currency);
  idoc.Field("BELNR", order.order_number);
  idoc.Close("E1EDK01");
  idoc.Qualified("E1EDK14", "QUALF", "012", "ORGID", envelope.order_type);
  idoc.Qualified("E1EDK03", "IDDAT", "012", "DATUM", SapDate(order.ordered_on));
  idoc.Qualified("E1EDK03", "IDDAT", "002", "DATUM", SapDate(order.requested_on));
  idoc.Open("E1EDKA1");
  idoc.Field("PARVW", "AG");
  idoc.Field("PARTN", order.sold_to);
  idoc.Close("E1EDKA1");
  idoc.Qualified("E1EDK02", "QUALF", "001", "BELNR", order.customer_reference);
  for (const OutboundLine& line : order.lines) {
    idoc.Open("E1EDP01");
    idoc.Field("POSEX", line.line_no);
    idoc.Field("MENGE", line.quantity);
    idoc.Field("MENEE", line.unit);
    idoc.Field("VPREI", line.unit_price);
    idoc.Field("NETWR", line.amount);
    if (!line.sku.empty() || !line.description.empty()) {
      idoc.Open("E1EDP19");
      idoc.Field("QUALF", "002");
      idoc.Field("IDTNR", line.sku);
      idoc.Field("KTEXT", line.description);
      idoc.Close("E1EDP19");
    }
    idoc.Close("E1EDP01");
  }
  idoc.Qualified("E1EDS01", "SUMID", "002", "SUMME", order.total_amount);
  idoc.Raw("  </IDOC>\n</ORDERS05>\n");
  return std::move(idoc.text());
}

}  // namespace hub::supply_chain
