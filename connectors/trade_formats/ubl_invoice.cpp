#include <string>

#include "trade_formats/record_fields.hpp"
#include "trade_formats/ubl_documents.hpp"

namespace hub::trade_formats {
namespace {

// The document's tax: the first TaxTotal in the document currency (PEPPOL adds a second one in the tax
// currency), else the first.
pugi::xml_node DocumentTaxAmount(pugi::xml_node root, const std::string& currency) {
  pugi::xml_node first;
  pugi::xml_node in_currency;
  ForEachChild(root, Cac("TaxTotal"), [&](pugi::xml_node total) {
    pugi::xml_node amount = Child(total, Cbc("TaxAmount"));
    if (!first) first = amount;
    if (!in_currency && Attribute(amount, "currencyID") == currency) in_currency = amount;
  });
  return in_currency ? in_currency : first;
}

sdk::Status ReadTotals(pugi::xml_node root, const UblContext& context, sdk::Record* invoice) {
  pugi::xml_node totals = Child(root, Cac("LegalMonetaryTotal"));
  HUB_RETURN_IF_ERROR(SetUblDecimal(invoice, "net_amount", Child(totals, Cbc("TaxExclusiveAmount")), context));
  pugi::xml_node total = Child(totals, Cbc("TaxInclusiveAmount"));
  if (!total) total = Child(totals, Cbc("PayableAmount"));
  HUB_RETURN_IF_ERROR(SetUblDecimal(invoice, "total_amount", total, context));
  HUB_RETURN_IF_ERROR(SetUblDecimal(invoice, "payable_amount", Child(totals, Cbc("PayableAmount")), context));
  HUB_RETURN_IF_ERROR(SetUblDecimal(invoice, "prepaid_amount", Child(totals, Cbc("PrepaidAmount")), context));
  HUB_RETURN_IF_ERROR(
      SetUblDecimal(invoice, "line_extension_amount", Child(totals, Cbc("LineExtensionAmount")), context));
  std::string currency(FieldText(*invoice, "currency"));
  return SetUblDecimal(invoice, "tax_amount", DocumentTaxAmount(root, currency), context);
}

}  // namespace

sdk::Result<std::vector<sdk::Record>> ReadUblInvoice(pugi::xml_node root, bool credit_note, const UblContext& context) {
  sdk::Result<std::string> number = UblDocumentId(root, context);
  if (!number.ok()) return number.status();
  sdk::Record invoice;
  invoice.entity = "invoice";
  invoice.source_id = *number;
  invoice.position = context.PositionOf(root);
  SetText(&invoice, "invoice_number", *number);
  std::string type_code = Text(Child(root, Cbc(credit_note ? "CreditNoteTypeCode" : "InvoiceTypeCode")));
  bool is_credit = credit_note || type_code == "381";
  invoice.Set("kind", sdk::Value::String(is_credit ? "credit_note" : "invoice"));
  SetText(&invoice, "type_code", type_code);
  HUB_RETURN_IF_ERROR(SetUblDate(&invoice, "issued_on", Child(root, Cbc("IssueDate")), context));
  pugi::xml_node due = Child(root, Cbc("DueDate"));
  if (!due) due = Path(root, {Cac("PaymentMeans"), Cbc("PaymentDueDate")});
  HUB_RETURN_IF_ERROR(SetUblDate(&invoice, "due_on", due, context));
  SetUblText(&invoice, "currency", Child(root, Cbc("DocumentCurrencyCode")));
  std::string order = Text(Path(root, {Cac("OrderReference"), Cbc("ID")}));
  SetText(&invoice, "order_reference", order);
  SetText(&invoice, "order_source_id", order);
  SetUblText(&invoice, "original_invoice_source_id",
             Path(root, {Cac("BillingReference"), Cac("InvoiceDocumentReference"), Cbc("ID")}));
  SetUblText(&invoice, "buyer_reference", Child(root, Cbc("BuyerReference")));
  SetUblText(&invoice, "despatch_reference", Path(root, {Cac("DespatchDocumentReference"), Cbc("ID")}));
  SetUblText(&invoice, "customization_id", Child(root, Cbc("CustomizationID")));
  SetUblText(&invoice, "note", Child(root, Cbc("Note")));

  std::vector<sdk::Record> records;
  UblParty customer = ReadUblParty(Child(root, Cac("AccountingCustomerParty")));
  std::string customer_id = customer.InvoiceCustomerId();
  if (!customer_id.empty()) {
    SetText(&invoice, "party_source_id", customer_id);
    SetText(&invoice, "party_name", customer.name);
    SetText(&invoice, "party_vat", customer.company_id);
    records.push_back(UblPartyRecord(customer, customer_id, context));
  }
  HUB_RETURN_IF_ERROR(ReadTotals(root, context, &invoice));
  records.push_back(std::move(invoice));

  sdk::Status status;
  const char* line_name = credit_note ? "CreditNoteLine" : "InvoiceLine";
  XmlName quantity = Cbc(credit_note ? "CreditedQuantity" : "InvoicedQuantity");
  ForEachChild(root, Cac(line_name), [&](pugi::xml_node node) {
    if (!status.ok()) return;
    sdk::Record line;
    line.entity = "invoice_line";
    line.position = context.PositionOf(node);
    SetText(&line, "invoice_source_id", *number);
    status = ReadUblLineFields(node, quantity, context, &line);
    line.source_id = *number + "/" + std::string(FieldText(line, "line_no"));
    SetUblText(&line, "order_line_reference", Path(node, {Cac("OrderLineReference"), Cbc("LineID")}));
    records.push_back(std::move(line));
  });
  if (!status.ok()) return status;
  return records;
}

}  // namespace hub::trade_formats
