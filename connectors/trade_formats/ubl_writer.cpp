#include "trade_formats/ubl_writer.hpp"

#include "trade_formats/decimal_text.hpp"
#include "trade_formats/record_fields.hpp"
#include "trade_formats/ubl_write_support.hpp"

namespace hub::trade_formats {
namespace {

const sdk::Record* PartnerOfRole(const TradeDocument& document, std::string_view role) {
  for (const sdk::Record& partner : document.partners) {
    if (FieldText(partner, "role") == role) return &partner;
  }
  return nullptr;
}

void AddOrderParties(pugi::xml_node root, const TradeDocument& document) {
  const sdk::Record& header = document.header;
  if (const sdk::Record* buyer = PartnerOfRole(document, "sold_to")) {
    AddPartyRole(root, "BuyerCustomerParty", *buyer, FieldText(*buyer, "partner_number"), true);
  } else {
    AddPartyRole(root, "BuyerCustomerParty", document.party ? *document.party : sdk::Record{},
                 FieldText(header, "party_source_id"), true);
  }
  if (const sdk::Record* seller = PartnerOfRole(document, "supplier")) {
    AddPartyRole(root, "SellerSupplierParty", *seller, FieldText(*seller, "partner_number"), true);
  } else if (document.supplier) {
    AddPartyRole(root, "SellerSupplierParty", *document.supplier, document.supplier->source_id, false);
  }
  if (const sdk::Record* bill_to = PartnerOfRole(document, "bill_to")) {
    AddPartyRole(root, "AccountingCustomerParty", *bill_to, FieldText(*bill_to, "partner_number"), true);
  }
}

void AddOrderDelivery(pugi::xml_node root, const TradeDocument& document) {
  const sdk::Record* ship_to = PartnerOfRole(document, "ship_to");
  std::string_view requested = FieldText(document.header, "requested_on");
  if (ship_to == nullptr && requested.empty()) return;
  pugi::xml_node delivery = AddCac(root, "Delivery");
  if (!requested.empty()) AddCbc(AddCac(delivery, "RequestedDeliveryPeriod"), "StartDate", requested);
  if (ship_to != nullptr) {
    AddPartyRole(delivery, "DeliveryParty", *ship_to, FieldText(*ship_to, "partner_number"), false);
    // DeliveryParty is a Party itself: its children go directly under it.
    pugi::xml_node role = delivery.last_child();
    pugi::xml_node party = role.child("cac:Party");
    for (pugi::xml_node child = party.first_child(); child;) {
      pugi::xml_node next = child.next_sibling();
      role.append_move(child);
      child = next;
    }
    role.remove_child(party);
  }
}

}  // namespace

sdk::Result<std::string> WriteUblOrder(const TradeDocument& document) {
  const sdk::Record& header = document.header;
  HUB_RETURN_IF_ERROR(Require(header, "order_number", "a UBL Order"));
  HUB_RETURN_IF_ERROR(Require(header, "ordered_on", "a UBL Order"));
  HUB_RETURN_IF_ERROR(Require(header, "currency", "a UBL Order"));
  std::string currency(FieldText(header, "currency"));
  std::optional<std::string> lines_total = SumOfLineAmounts(document.lines);
  if (!lines_total) {
    for (const sdk::Record& line : document.lines) {
      if (!LineAmount(line)) {
        return sdk::Status::InvalidArgument("UBL Order line " + std::string(FieldText(line, "line_no")) +
                                            " has neither an amount nor a quantity and unit_price");
      }
    }
    return sdk::Status::InvalidArgument("the UBL Order's line amounts do not add up (too many digits)");
  }

  pugi::xml_document xml;
  pugi::xml_node root = NewUblRoot(&xml, "Order");
  AddCbc(root, "ID", FieldText(header, "order_number"));
  AddCbc(root, "SalesOrderID", FieldText(header, "sales_order_id"));
  AddCbc(root, "IssueDate", FieldText(header, "ordered_on"));
  AddCbc(root, "Note", FieldText(header, "note"));
  AddCbc(root, "DocumentCurrencyCode", currency);
  std::string_view reference = FieldText(header, "customer_reference");
  if (reference != FieldText(header, "order_number")) AddCbc(root, "CustomerReference", reference);
  AddOrderParties(root, document);
  AddOrderDelivery(root, document);
  std::string_view tax = FieldText(header, "tax_amount");
  if (!tax.empty()) AddAmount(AddCac(root, "TaxTotal"), "TaxAmount", tax, currency);
  pugi::xml_node totals = AddCac(root, "AnticipatedMonetaryTotal");
  AddAmount(totals, "LineExtensionAmount", *lines_total, currency);
  std::string_view total = FieldText(header, "total_amount");
  AddAmount(totals, "PayableAmount", total.empty() ? std::string_view(*lines_total) : total, currency);
  for (const sdk::Record& line : document.lines) {
    pugi::xml_node item = AddCac(AddCac(root, "OrderLine"), "LineItem");
    HUB_RETURN_IF_ERROR(AddLine(item, line, "Quantity", currency, true).WithContext("UBL Order"));
  }
  return SerializeUbl(xml);
}

sdk::Result<std::string> WriteUblInvoice(const TradeDocument& document) {
  const sdk::Record& header = document.header;
  bool credit_note = FieldText(header, "kind") == "credit_note";
  std::string what = credit_note ? "a UBL CreditNote" : "a UBL Invoice";
  HUB_RETURN_IF_ERROR(Require(header, "invoice_number", what));
  HUB_RETURN_IF_ERROR(Require(header, "issued_on", what));
  HUB_RETURN_IF_ERROR(Require(header, "currency", what));
  std::string currency(FieldText(header, "currency"));
  std::optional<std::string> lines_total = SumOfLineAmounts(document.lines);
  if (!lines_total) {
    for (const sdk::Record& line : document.lines) {
      if (!LineAmount(line)) {
        return sdk::Status::InvalidArgument(what + " line " + std::string(FieldText(line, "line_no")) +
                                            " has neither an amount nor a quantity and unit_price");
      }
    }
    return sdk::Status::InvalidArgument(what + ": the line amounts do not add up (too many digits)");
  }

  pugi::xml_document xml;
  pugi::xml_node root = NewUblRoot(&xml, credit_note ? "CreditNote" : "Invoice");
  AddCbc(root, "CustomizationID", FieldText(header, "customization_id"));
  AddCbc(root, "ID", FieldText(header, "invoice_number"));
  AddCbc(root, "IssueDate", FieldText(header, "issued_on"));
  std::string_view due = FieldText(header, "due_on");
  if (!credit_note) AddCbc(root, "DueDate", due);
  std::string_view type_code = FieldText(header, "type_code");
  AddCbc(root, credit_note ? "CreditNoteTypeCode" : "InvoiceTypeCode",
         type_code.empty() ? (credit_note ? "381" : "380") : type_code);
  AddCbc(root, "Note", FieldText(header, "note"));
  AddCbc(root, "DocumentCurrencyCode", currency);
  AddCbc(root, "BuyerReference", FieldText(header, "buyer_reference"));
  std::string_view order = FieldText(header, "order_reference");
  if (order.empty()) order = FieldText(header, "order_source_id");
  if (!order.empty()) AddCbc(AddCac(root, "OrderReference"), "ID", order);
  std::string_view original = FieldText(header, "original_invoice_source_id");
  if (!original.empty()) AddCbc(AddCac(AddCac(root, "BillingReference"), "InvoiceDocumentReference"), "ID", original);
  std::string_view despatch = FieldText(header, "despatch_reference");
  if (!despatch.empty()) AddCbc(AddCac(root, "DespatchDocumentReference"), "ID", despatch);
  AddPartyRole(root, "AccountingSupplierParty", document.supplier ? *document.supplier : sdk::Record{},
               document.supplier ? std::string_view(document.supplier->source_id) : std::string_view(), false);
  AddPartyRole(root, "AccountingCustomerParty", document.party ? *document.party : sdk::Record{},
               FieldText(header, "party_source_id"), false);
  if (credit_note && !due.empty()) AddCbc(AddCac(root, "PaymentMeans"), "PaymentDueDate", due);

  std::string_view tax = FieldText(header, "tax_amount");
  if (!tax.empty()) AddAmount(AddCac(root, "TaxTotal"), "TaxAmount", tax, currency);
  std::string net(FieldText(header, "net_amount"));
  if (net.empty()) net = *lines_total;
  std::string total(FieldText(header, "total_amount"));
  if (total.empty()) total = tax.empty() ? net : AddDecimals(net, tax).value_or(net);
  std::string payable(FieldText(header, "payable_amount"));
  if (payable.empty()) payable = total;
  pugi::xml_node totals = AddCac(root, "LegalMonetaryTotal");
  AddAmount(totals, "LineExtensionAmount", *lines_total, currency);
  AddAmount(totals, "TaxExclusiveAmount", net, currency);
  AddAmount(totals, "TaxInclusiveAmount", total, currency);
  AddAmount(totals, "PrepaidAmount", FieldText(header, "prepaid_amount"), currency);
  AddAmount(totals, "PayableAmount", payable, currency);
  for (const sdk::Record& line : document.lines) {
    pugi::xml_node node = AddCac(root, credit_note ? "CreditNoteLine" : "InvoiceLine");
    HUB_RETURN_IF_ERROR(
        AddLine(node, line, credit_note ? "CreditedQuantity" : "InvoicedQuantity", currency, false).WithContext(what));
  }
  return SerializeUbl(xml);
}

}  // namespace hub::trade_formats
