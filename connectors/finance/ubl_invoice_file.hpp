// A UBL 2.1 / PEPPOL BIS 3 Invoice or CreditNote file read as the finance connector's records: the records
// of the odoo17 profile's streams where they overlap (entities and field names), so that one mapping maps both.
#ifndef HUB_CONNECTORS_FINANCE_UBL_INVOICE_FILE_HPP_
#define HUB_CONNECTORS_FINANCE_UBL_INVOICE_FILE_HPP_

#include <string>
#include <string_view>

#include "hub/files/document_reader.hpp"

namespace hub::finance {

// Reads `bytes`, the whole file `file_name`, with the trade_formats UBL reader and renames its fields to the
// columns of the odoo17 streams, every record in source system `system`:
//  - party (partners; the AccountingCustomerParty, id = PartyIdentification/ID, else EndpointID, else
//    PartyTaxScheme/CompanyID): kind, name, vat, company_registry (PartyLegalEntity/CompanyID), uscc (an
//    18-character unified social credit code among those two), street, street2, city, province, zip,
//    country_code, contact_name, email, phone, endpoint_id, endpoint_scheme;
//  - invoice (invoices; id = the document's cbc:ID): name, move_type (out_invoice, out_refund), state
//    (posted), payment_state (paid when PayableAmount is 0, partial when a PrepaidAmount is, else not_paid),
//    partner_id, currency, amount_untaxed, amount_tax, amount_total, amount_residual (PayableAmount),
//    invoice_date, invoice_date_due, invoice_origin (OrderReference), reversed_entry_id (a credit note's
//    BillingReference: the original invoice's number, its id), ref (BuyerReference);
//  - invoice_line (invoice_lines; id = "<number>/<line ID>"): move_id, sequence, product_code, name,
//    quantity, unit, price_unit, price_subtotal, tax_rate.
// `fault` (DataError with the file and position; no records) for XML that does not parse, a root that is no
// UBL Invoice or CreditNote (an Order, another vocabulary), a missing cbc:ID, a document without a customer
// (no AccountingCustomerParty id or no name), or a number or date that is not one. Pure.
files::WholeFileParse ReadUblInvoiceFile(std::string_view bytes, const std::string& file_name,
                                         const std::string& system);

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_UBL_INVOICE_FILE_HPP_
