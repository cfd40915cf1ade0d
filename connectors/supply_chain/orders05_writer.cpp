#include "supply_chain/orders05_writer.hpp"

#include <boost/json.hpp>

#include <cstdio>
#include <utility>

namespace hub::supply_chain {
namespace {

namespace json = boost::json;

// A member as text: strings as they are, numbers written out; "" when absent or null.
std::string TextOf(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) return {};
  if (value->is_string()) return std::string(value->get_string());
  if (value->is_int64()) return std::to_string(value->get_int64());
  if (value->is_uint64()) return std::to_string(value->get_uint64());
  if (value->is_double()) return json::serialize(*value);
  if (value->is_bool()) return value->get_bool() ? "true" : "false";
  return {};
}

// An entity's fields: under `fields` when the document nests them so, else the object itself.
const json::object& FieldsOf(const json::object& object) {
  const json::value* fields = object.if_contains("fields");
  return fields != nullptr && fields->is_object() ? fields->get_object() : object;
}

const json::array* ArrayOf(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_array() ? &value->get_array() : nullptr;
}

std::string CustomerNumber(const json::object& document, std::string_view partner_system) {
  const json::value* party = document.if_contains("party");
  if (party == nullptr || !party->is_object()) return {};
  const json::array* links = ArrayOf(party->get_object(), "source_links");
  if (links == nullptr) return {};
  for (const json::value& link : *links) {
    if (!link.is_object()) continue;
    if (TextOf(link.get_object(), "source_system") == partner_system) return TextOf(link.get_object(), "source_id");
  }
  return {};
}

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
  const std::string which = "event " + event.event_id + " (" + event.kind + " " + event.id + ")";
  if (event.entity != "order") return sdk::Status::DataError(which + ": the supply_chain connector sends orders only");
  boost::system::error_code error;
  const json::value payload = json::parse(event.payload_json, error);
  if (error || !payload.is_object()) return sdk::Status::DataError(which + ": the payload is not a JSON object");
  const json::value* document = payload.get_object().if_contains("document");
  if (document == nullptr || !document->is_object()) {
    return sdk::Status::DataError(which + ": the payload has no 'document' (subscribe with document=\"true\")");
  }
  const json::object& composed = document->get_object();
  const json::object& fields = FieldsOf(composed);
  OutboundOrder order;
  order.source_id = TextOf(composed, "source_id");
  if (order.source_id.empty()) order.source_id = TextOf(payload.get_object(), "source_id");
  order.order_number = TextOf(fields, "order_number");
  if (order.order_number.empty()) return sdk::Status::DataError(which + ": the order has no order_number");
  if (order.source_id.empty()) order.source_id = order.order_number;
  order.currency = TextOf(fields, "currency");
  order.ordered_on = TextOf(fields, "ordered_on");
  order.requested_on = TextOf(fields, "requested_on");
  order.customer_reference = TextOf(fields, "customer_reference");
  order.total_amount = TextOf(fields, "total_amount");
  order.sold_to = CustomerNumber(composed, partner_system);
  if (order.sold_to.empty()) {
    return sdk::Status::DataError(which + ": the order's customer has no source link in system '" +
                                  std::string(partner_system) + "' (its customer number there)");
  }
  if (const json::array* lines = ArrayOf(composed, "lines")) {
    for (const json::value& value : *lines) {
      if (!value.is_object()) continue;
      const json::object& line = FieldsOf(value.get_object());
      order.lines.push_back(OutboundLine{TextOf(line, "line_no"), TextOf(line, "sku"), TextOf(line, "description"),
                                         TextOf(line, "quantity"), TextOf(line, "unit"), TextOf(line, "unit_price"),
                                         TextOf(line, "amount")});
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
