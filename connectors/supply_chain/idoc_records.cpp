#include "supply_chain/idoc_records.hpp"

#include <cctype>
#include <charconv>
#include <utility>

namespace hub::supply_chain {
namespace {

using sdk::Record;
using sdk::Value;

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

// Sets a field only when the IDOC has a value for it, so that the mapping's defaults apply otherwise.
void SetText(Record* record, const char* name, std::string value) {
  if (!value.empty()) record->Set(name, Value::String(std::move(value)));
}
void SetDecimal(Record* record, const char* name, std::string_view value) {
  if (!value.empty()) record->Set(name, Value::Decimal(SignedAmount(value)));
}
void SetDate(Record* record, const char* name, std::string_view value) {
  if (!value.empty()) record->Set(name, Value::Date(IsoDate(value)));
}

Record NewRecord(const char* entity, std::string source_id) {
  Record record;
  record.entity = entity;
  record.source_id = std::move(source_id);
  return record;
}

std::string DateOf(const pugi::xml_node& idoc, const char* segment, const char* qualifier) {
  return FieldText(SegmentWhere(idoc, segment, "IDDAT", qualifier), "DATUM");
}

std::string ReferenceOf(const pugi::xml_node& idoc, const char* qualifier) {
  return FieldText(SegmentWhere(idoc, "E1EDK02", "QUALF", qualifier), "BELNR");
}

std::string TotalOf(const pugi::xml_node& idoc, const char* sumid) {
  return FieldText(SegmentWhere(idoc, "E1EDS01", "SUMID", sumid), "SUMME");
}

std::string PartnerNumber(const pugi::xml_node& idoc, const char* role) {
  return FieldText(SegmentWhere(idoc, "E1EDKA1", "PARVW", role), "PARTN");
}

std::string_view PartnerRole(std::string_view parvw) {
  if (parvw == "AG") return "sold_to";
  if (parvw == "WE") return "ship_to";
  if (parvw == "RE") return "bill_to";
  if (parvw == "RG") return "payer";
  if (parvw == "LF") return "supplier";
  return "other";
}

// The fields an E1EDP01 item shares in orders and invoices: position, quantity, unit, prices, material.
void SetItemFields(const pugi::xml_node& item, Record* line) {
  const std::string position = FieldText(item, "POSEX");
  if (AllDigits(position)) line->Set("line_no", Value::Int64(std::stoll(position)));
  SetDecimal(line, "quantity", FieldText(item, "MENGE"));
  SetText(line, "unit", FieldText(item, "MENEE"));
  SetDecimal(line, "unit_price", FieldText(item, "VPREI"));
  SetDecimal(line, "amount", FieldText(item, "NETWR"));
  const pugi::xml_node material = SegmentWhere(item, "E1EDP19", "QUALF", "002");
  SetText(line, "sku", FieldText(material, "IDTNR"));
  SetText(line, "description", FieldText(material, "KTEXT"));
}

// "19.000" (percent, as MSATZ writes it) as "0.19"; text that is not a number unchanged.
std::string PercentAsFraction(const std::string& percent) {
  double number = 0;
  const char* end = percent.data() + percent.size();
  auto [rest, error] = std::from_chars(percent.data(), end, number);
  if (error != std::errc() || rest != end) return percent;
  char buffer[32];
  auto [out, ignored] = std::to_chars(buffer, buffer + sizeof(buffer), number / 100.0);
  (void)ignored;
  return std::string(buffer, out);
}

sdk::Status Missing(const char* segment, const char* field) {
  return sdk::Status::DataError(std::string(segment) + " has no " + field);
}

sdk::Result<std::vector<Record>> DebmasRecords(const pugi::xml_node& idoc) {
  const pugi::xml_node customer = idoc.child("E1KNA1M");
  if (!customer) return sdk::Status::DataError("the DEBMAS IDOC has no E1KNA1M segment");
  const std::string number = FieldText(customer, "KUNNR");
  if (number.empty()) return Missing("E1KNA1M", "KUNNR");
  Record party = NewRecord("party", number);
  party.Set("customer_number", Value::String(number));
  std::string name = FieldText(customer, "NAME1");
  for (const char* more : {"NAME2", "NAME3", "NAME4"}) {
    const std::string part = FieldText(customer, more);
    if (!part.empty()) name += (name.empty() ? "" : " ") + part;
  }
  SetText(&party, "name", std::move(name));
  SetText(&party, "short_name", FieldText(customer, "SORTL"));
  SetText(&party, "address_line", FieldText(customer, "STRAS"));
  SetText(&party, "city", FieldText(customer, "ORT01"));
  SetText(&party, "postal_code", FieldText(customer, "PSTLZ"));
  SetText(&party, "province", FieldText(customer, "REGIO"));
  SetText(&party, "country", FieldText(customer, "LAND1"));
  SetText(&party, "phone", FieldText(customer, "TELF1"));
  SetText(&party, "fax", FieldText(customer, "TELFX"));
  SetText(&party, "tax_id", FieldText(customer, "STCD1"));
  SetText(&party, "vat", FieldText(customer, "STCEG"));
  SetText(&party, "uscc", FieldText(customer, "STCD5"));
  SetText(&party, "classification", FieldText(customer, "KTOKD"));
  party.Set("status", Value::String(FieldText(customer, "LOEVM") == "X" ? "inactive" : "active"));
  std::vector<Record> records;
  records.push_back(std::move(party));
  return records;
}

sdk::Result<std::vector<Record>> OrdersRecords(const pugi::xml_node& idoc) {
  const pugi::xml_node header = idoc.child("E1EDK01");
  const std::string number = FieldText(header, "BELNR");
  if (number.empty()) return Missing("E1EDK01", "BELNR");
  Record order = NewRecord("order", number);
  order.Set("order_number", Value::String(number));
  SetText(&order, "currency", FieldText(header, "CURCY"));
  SetText(&order, "party_source_id", PartnerNumber(idoc, "AG"));
  SetDate(&order, "ordered_on", DateOf(idoc, "E1EDK03", "012"));
  SetDate(&order, "requested_on", DateOf(idoc, "E1EDK03", "002"));
  SetText(&order, "customer_reference", ReferenceOf(idoc, "001"));
  SetDecimal(&order, "total_amount", TotalOf(idoc, "002"));
  std::vector<Record> records;
  records.push_back(std::move(order));
  for (pugi::xml_node item : idoc.children("E1EDP01")) {
    const std::string position = FieldText(item, "POSEX");
    if (position.empty()) return Missing("E1EDP01", "POSEX");
    Record line = NewRecord("order_line", LineSourceId(number, position));
    line.Set("order_source_id", Value::String(number));
    SetItemFields(item, &line);
    records.push_back(std::move(line));
  }
  for (pugi::xml_node partner : idoc.children("E1EDKA1")) {
    const std::string parvw = FieldText(partner, "PARVW");
    if (parvw.empty()) return Missing("E1EDKA1", "PARVW");
    Record party = NewRecord("order_partner", number + "/" + parvw);
    party.Set("order_source_id", Value::String(number));
    party.Set("role", Value::String(std::string(PartnerRole(parvw))));
    party.Set("partner_function", Value::String(parvw));
    const std::string partner_number = FieldText(partner, "PARTN");
    SetText(&party, "partner_number", partner_number);
    SetText(&party, "party_source_id", partner_number);
    SetText(&party, "name", FieldText(partner, "NAME1"));
    SetText(&party, "address_line", FieldText(partner, "STRAS"));
    SetText(&party, "city", FieldText(partner, "ORT01"));
    SetText(&party, "postal_code", FieldText(partner, "PSTLZ"));
    SetText(&party, "country", FieldText(partner, "LAND1"));
    records.push_back(std::move(party));
  }
  return records;
}

sdk::Result<std::vector<Record>> DeliveryRecords(const pugi::xml_node& idoc) {
  const pugi::xml_node header = idoc.child("E1EDL20");
  const std::string number = FieldText(header, "VBELN");
  if (number.empty()) return Missing("E1EDL20", "VBELN");
  Record delivery = NewRecord("delivery", number);
  delivery.Set("delivery_number", Value::String(number));
  SetDecimal(&delivery, "gross_weight", FieldText(header, "BTGEW"));
  SetDecimal(&delivery, "net_weight", FieldText(header, "NTGEW"));
  SetText(&delivery, "weight_unit", FieldText(header, "GEWEI"));
  std::string incoterms = FieldText(header, "INCO1");
  const std::string place = FieldText(header, "INCO2");
  if (!place.empty()) incoterms += (incoterms.empty() ? "" : " ") + place;
  SetText(&delivery, "incoterms", std::move(incoterms));
  SetText(&delivery, "party_source_id", FieldText(SegmentWhere(header, "E1ADRM1", "PARTNER_Q", "WE"), "PARTNER_ID"));
  const pugi::xml_node goods_issue = SegmentWhere(header, "E1EDT13", "QUALF", "006");
  SetDate(&delivery, "shipped_on",
          FieldText(goods_issue, "ISDD").empty() ? FieldText(goods_issue, "NTANF") : FieldText(goods_issue, "ISDD"));
  std::vector<Record> lines;
  std::string order_number;
  for (pugi::xml_node item : header.children("E1EDL24")) {
    const std::string position = FieldText(item, "POSNR");
    if (position.empty()) return Missing("E1EDL24", "POSNR");
    Record line = NewRecord("delivery_line", LineSourceId(number, position));
    line.Set("delivery_source_id", Value::String(number));
    if (AllDigits(position)) line.Set("line_no", Value::Int64(std::stoll(position)));
    SetText(&line, "sku", FieldText(item, "MATNR"));
    SetText(&line, "description", FieldText(item, "ARKTX"));
    SetDecimal(&line, "quantity", FieldText(item, "LFIMG"));
    SetText(&line, "unit", FieldText(item, "VRKME"));
    const std::string reference = FieldText(item, "VGBEL");
    if (!reference.empty()) {
      if (order_number.empty()) order_number = reference;
      line.Set("order_line_source_id", Value::String(LineSourceId(reference, FieldText(item, "VGPOS"))));
    }
    lines.push_back(std::move(line));
  }
  SetText(&delivery, "order_source_id", order_number);
  SetText(&delivery, "order_reference", order_number);
  std::vector<Record> records;
  records.push_back(std::move(delivery));
  for (Record& line : lines) records.push_back(std::move(line));
  return records;
}

sdk::Result<std::vector<Record>> InvoiceRecords(const pugi::xml_node& idoc) {
  const pugi::xml_node header = idoc.child("E1EDK01");
  std::string number = ReferenceOf(idoc, "009");
  if (number.empty()) number = FieldText(header, "BELNR");
  if (number.empty()) return sdk::Status::DataError("neither E1EDK02 QUALF 009 nor E1EDK01 has BELNR");
  Record invoice = NewRecord("invoice", number);
  invoice.Set("invoice_number", Value::String(number));
  invoice.Set("kind", Value::String(FieldText(header, "BSART") == "CRME" ? "credit_note" : "invoice"));
  SetText(&invoice, "currency", FieldText(header, "CURCY"));
  std::string payer = PartnerNumber(idoc, "AG");
  if (payer.empty()) payer = PartnerNumber(idoc, "RE");
  SetText(&invoice, "party_source_id", std::move(payer));
  SetDate(&invoice, "issued_on", DateOf(idoc, "E1EDK03", "012"));
  SetText(&invoice, "order_reference", ReferenceOf(idoc, "002"));
  SetDecimal(&invoice, "net_amount", TotalOf(idoc, "010"));
  SetDecimal(&invoice, "tax_amount", TotalOf(idoc, "005"));
  SetDecimal(&invoice, "total_amount", TotalOf(idoc, "011"));
  std::vector<Record> records;
  records.push_back(std::move(invoice));
  for (pugi::xml_node item : idoc.children("E1EDP01")) {
    const std::string position = FieldText(item, "POSEX");
    if (position.empty()) return Missing("E1EDP01", "POSEX");
    Record line = NewRecord("invoice_line", LineSourceId(number, position));
    line.Set("invoice_source_id", Value::String(number));
    SetItemFields(item, &line);
    const std::string rate = FieldText(item.child("E1EDP04"), "MSATZ");
    if (!rate.empty()) line.Set("tax_rate", Value::Decimal(PercentAsFraction(SignedAmount(rate))));
    records.push_back(std::move(line));
  }
  return records;
}

}  // namespace

std::string LineSourceId(std::string_view document, std::string_view position) {
  std::string id(document);
  id += '/';
  if (AllDigits(position)) {
    const std::size_t first = position.find_first_not_of('0');
    id += first == std::string_view::npos ? std::string_view("0") : position.substr(first);
  } else {
    id += position;
  }
  return id;
}

std::string IsoDate(std::string_view sap_date) {
  if (sap_date.size() != 8 || !AllDigits(sap_date)) return std::string(sap_date);
  std::string iso;
  iso.append(sap_date.substr(0, 4)).append("-").append(sap_date.substr(4, 2)).append("-").append(sap_date.substr(6));
  return iso;
}

std::string SignedAmount(std::string_view sap_amount) {
  if (sap_amount.size() > 1 && sap_amount.back() == '-') {
    return "-" + std::string(sap_amount.substr(0, sap_amount.size() - 1));
  }
  return std::string(sap_amount);
}

sdk::Result<std::vector<Record>> RecordsOfIdoc(const IdocDocument& idoc) {
  const IdocControl& control = idoc.control();
  const std::string_view type = control.idoctyp;
  const std::string_view message = control.mestyp;
  if (StartsWith(type, "DEBMAS")) return DebmasRecords(idoc.idoc());
  if (StartsWith(type, "ORDERS")) return OrdersRecords(idoc.idoc());
  if (StartsWith(type, "DELVRY") || message == "DESADV" || message == "DELVRY") return DeliveryRecords(idoc.idoc());
  if (StartsWith(type, "INVOIC")) return InvoiceRecords(idoc.idoc());
  return sdk::Status::DataError("unknown IDoc type '" + control.idoctyp + "' (message type '" + control.mestyp +
                                "'): this connector reads DEBMAS, ORDERS, DELVRY/DESADV and INVOIC");
}

}  // namespace hub::supply_chain
