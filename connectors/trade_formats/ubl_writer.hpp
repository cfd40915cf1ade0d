// Writing UBL 2.1 Orders and Invoices (or CreditNotes) from trade documents.
#ifndef HUB_TRADE_FORMATS_UBL_WRITER_HPP_
#define HUB_TRADE_FORMATS_UBL_WRITER_HPP_

#include <string>

#include "hub/sdk/status.hpp"
#include "trade_formats/trade_document.hpp"

namespace hub::trade_formats {

// A UBL 2.1 Order (UTF-8, prefixes cbc/cac) from an order document: ID = order_number, IssueDate = ordered_on,
// DocumentCurrencyCode, CustomerReference, BuyerCustomerParty (the sold_to partner, else `party` with
// header party_source_id as its account id), SellerSupplierParty (the supplier partner, else `supplier`),
// AccountingCustomerParty (bill_to), Delivery (ship_to, requested_on), TaxTotal (tax_amount),
// AnticipatedMonetaryTotal (Σ line amounts, total_amount), one OrderLine/LineItem per line. What
// ReadUblDocument reads back is the same order, lines and partners. InvalidArgument naming the field when
// order_number, ordered_on or currency is missing, or a line has neither an amount nor quantity × unit_price.
sdk::Result<std::string> WriteUblOrder(const TradeDocument& document);

// A UBL 2.1 Invoice — a CreditNote when header kind is credit_note — from an invoice document:
// ID = invoice_number, IssueDate = issued_on, DueDate (PaymentMeans/PaymentDueDate for a credit note),
// currency, OrderReference, BillingReference (original_invoice_source_id), DespatchDocumentReference
// (despatch_reference), AccountingSupplierParty (`supplier`),
// AccountingCustomerParty (`party`, PartyIdentification/ID = party_source_id), TaxTotal, LegalMonetaryTotal
// (net_amount, total_amount, payable_amount; computed from the lines and tax where missing), one
// InvoiceLine/CreditNoteLine per line. InvalidArgument naming the field when invoice_number, issued_on or
// currency is missing, or a line has neither an amount nor quantity × unit_price.
sdk::Result<std::string> WriteUblInvoice(const TradeDocument& document);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_UBL_WRITER_HPP_
