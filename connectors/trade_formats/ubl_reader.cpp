#include "trade_formats/ubl_reader.hpp"

#include <string>

#include "trade_formats/record_fields.hpp"
#include "trade_formats/ubl_documents.hpp"

namespace hub::trade_formats {
namespace {

constexpr std::string_view kDocumentNamespacePrefix = "urn:oasis:names:specification:ubl:schema:xsd:";

sdk::Result<UblDocumentKind> KindOf(pugi::xml_node root) {
  std::string_view local = LocalName(root);
  std::string_view ns = NamespaceOf(root);
  std::string expected = std::string(kDocumentNamespacePrefix) + std::string(local) + "-2";
  if (ns == expected) {
    if (local == "Invoice") return UblDocumentKind::kInvoice;
    if (local == "CreditNote") return UblDocumentKind::kCreditNote;
    if (local == "Order") return UblDocumentKind::kOrder;
    if (local == "DespatchAdvice") return UblDocumentKind::kDespatchAdvice;
  }
  return sdk::Status::NotFound("the root element <" + std::string(root.name()) + "> in namespace '" + std::string(ns) +
                               "' is not a UBL Invoice, CreditNote, Order or DespatchAdvice");
}

}  // namespace

sdk::Result<UblDocumentKind> DetectUblDocument(std::string_view xml) {
  pugi::xml_document document;
  // Only the root's start tag matters; a document cut short still names its root.
  pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size(), pugi::parse_minimal);
  pugi::xml_node root = document.document_element();
  if (!root) return sdk::Status::NotFound(std::string("not XML: ") + parsed.description());
  return KindOf(root);
}

sdk::Result<std::vector<sdk::Record>> ReadUblDocument(std::string_view xml, std::string_view source_name) {
  UblContext context{source_name};
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!parsed) {
    return sdk::Status::DataError(std::string(source_name) + ":byte " + std::to_string(parsed.offset) +
                                  ": the XML does not parse (" + parsed.description() + ")");
  }
  pugi::xml_node root = document.document_element();
  sdk::Result<UblDocumentKind> kind = KindOf(root);
  if (!kind.ok()) return sdk::Status::DataError(context.PositionOf(root) + ": " + kind.status().message());
  switch (*kind) {
    case UblDocumentKind::kInvoice:
      return ReadUblInvoice(root, false, context);
    case UblDocumentKind::kCreditNote:
      return ReadUblInvoice(root, true, context);
    case UblDocumentKind::kOrder:
      return ReadUblOrder(root, context);
    case UblDocumentKind::kDespatchAdvice:
      return ReadUblDespatchAdvice(root, context);
  }
  return sdk::Status::Internal("unknown UBL document kind");
}

sdk::Result<std::string> UblDocumentId(pugi::xml_node root, const UblContext& context) {
  std::string id = Text(Child(root, Cbc("ID")));
  if (id.empty()) {
    return sdk::Status::DataError(context.PositionOf(root) + ": the " + std::string(LocalName(root)) +
                                  " has no cbc:ID");
  }
  return id;
}

sdk::Status ReadUblLineFields(pugi::xml_node line, XmlName quantity, const UblContext& context, sdk::Record* record) {
  std::string line_no = Text(Child(line, Cbc("ID")));
  if (line_no.empty()) return sdk::Status::DataError(context.PositionOf(line) + ": the line has no cbc:ID");
  SetText(record, "line_no", line_no);
  pugi::xml_node quantity_node = Child(line, quantity);
  HUB_RETURN_IF_ERROR(SetUblDecimal(record, "quantity", quantity_node, context));
  SetText(record, "unit", Attribute(quantity_node, "unitCode"));
  HUB_RETURN_IF_ERROR(SetUblDecimal(record, "amount", Child(line, Cbc("LineExtensionAmount")), context));
  pugi::xml_node item = Child(line, Cac("Item"));
  std::string description = Text(Child(item, Cbc("Description")));
  std::string name = Text(Child(item, Cbc("Name")));
  SetText(record, "description", description.empty() ? name : description);
  SetText(record, "item_name", name);
  std::string sku = Text(Path(item, {Cac("SellersItemIdentification"), Cbc("ID")}));
  if (sku.empty()) sku = Text(Path(item, {Cac("StandardItemIdentification"), Cbc("ID")}));
  if (sku.empty()) sku = Text(Path(item, {Cac("BuyersItemIdentification"), Cbc("ID")}));
  SetText(record, "sku", sku);
  SetText(record, "buyers_item_id", Text(Path(item, {Cac("BuyersItemIdentification"), Cbc("ID")})));
  SetText(record, "standard_item_id", Text(Path(item, {Cac("StandardItemIdentification"), Cbc("ID")})));
  pugi::xml_node price = Child(line, Cac("Price"));
  HUB_RETURN_IF_ERROR(SetUblDecimal(record, "unit_price", Child(price, Cbc("PriceAmount")), context));
  HUB_RETURN_IF_ERROR(SetUblDecimal(record, "price_basis_quantity", Child(price, Cbc("BaseQuantity")), context));
  pugi::xml_node percent = Path(item, {Cac("ClassifiedTaxCategory"), Cbc("Percent")});
  if (!percent) percent = Path(line, {Cac("TaxTotal"), Cac("TaxSubtotal"), Cbc("Percent")});
  if (!percent) percent = Path(line, {Cac("TaxTotal"), Cac("TaxSubtotal"), Cac("TaxCategory"), Cbc("Percent")});
  return SetUblPercent(record, "tax_rate", percent, context);
}

}  // namespace hub::trade_formats
