// Reading UBL 2.0/2.1 (and PEPPOL BIS 3, a UBL 2.1 profile) documents into neutral records.
#ifndef HUB_TRADE_FORMATS_UBL_READER_HPP_
#define HUB_TRADE_FORMATS_UBL_READER_HPP_

#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::trade_formats {

enum class UblDocumentKind { kInvoice, kCreditNote, kOrder, kDespatchAdvice };

// Reads one whole UBL document (elements are matched by namespace URI and local name, so any prefixes work):
// - Invoice / CreditNote → `party` (AccountingCustomerParty: id = PartyIdentification/ID, else EndpointID, else
//   PartyTaxScheme/CompanyID; UblPartyRecord's fields), `invoice` (invoice_number, kind, issued_on, due_on =
//   DueDate or PaymentMeans/PaymentDueDate, currency, party_source_id, order_reference,
//   original_invoice_source_id = BillingReference/InvoiceDocumentReference/ID, net_amount/total_amount/
//   payable_amount/prepaid_amount from LegalMonetaryTotal, tax_amount), one `invoice_line` per
//   InvoiceLine/CreditNoteLine.
// - Order → `party` (BuyerCustomerParty), `order` (order_number = customer_reference = ID, ordered_on,
//   requested_on, currency, party_source_id, total_amount), `order_partner`s (BuyerCustomerParty sold_to,
//   SellerSupplierParty supplier, AccountingCustomerParty bill_to, Delivery ship_to), `order_line`s.
// - DespatchAdvice → `delivery` (delivery_number, issued_on, order_reference = order_source_id,
//   party_source_id = DeliveryCustomerParty, carrier, weights) and `delivery_line`s (order_line_source_id =
//   "<order>/<OrderLineReference/LineID>").
// Party ids of orders and despatch advices: SupplierAssignedAccountID, else CustomerAssignedAccountID, else
// as for invoices. Source ids: header = its ID, line = "<ID>/<line ID>", partner = "<ID>/<role>". Positions
// are "<source_name>:byte N". DataError (with the position) for XML that does not parse, a root that is not one
// of the four in its UBL namespace, a missing cbc:ID, a number or date that is not one.
sdk::Result<std::vector<sdk::Record>> ReadUblDocument(std::string_view xml, std::string_view source_name);

// Which of the four documents `xml` is, from its root element; NotFound when it is none of them.
sdk::Result<UblDocumentKind> DetectUblDocument(std::string_view xml);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_UBL_READER_HPP_
