#include "finance/ubl_invoice_file.hpp"

#include <algorithm>
#include <span>
#include <utility>
#include <vector>

#include "trade_formats/ubl_reader.hpp"

namespace hub::finance {
namespace {

// A field of the UBL reader and the column of the odoo17 stream that holds the same.
struct Rename {
  std::string_view reader;
  std::string_view stream;
};

constexpr Rename kPartyNames[] = {{"business_registration", "company_registry"},
                                  {"address_line", "street"},
                                  {"address_line2", "street2"},
                                  {"postal_code", "zip"},
                                  {"country", "country_code"}};

constexpr Rename kInvoiceNames[] = {{"invoice_number", "name"},
                                    {"party_source_id", "partner_id"},
                                    {"net_amount", "amount_untaxed"},
                                    {"tax_amount", "amount_tax"},
                                    {"total_amount", "amount_total"},
                                    {"payable_amount", "amount_residual"},
                                    {"issued_on", "invoice_date"},
                                    {"due_on", "invoice_date_due"},
                                    {"order_reference", "invoice_origin"},
                                    {"original_invoice_source_id", "reversed_entry_id"},
                                    {"buyer_reference", "ref"}};

constexpr Rename kLineNames[] = {{"invoice_source_id", "move_id"}, {"line_no", "sequence"},
                                 {"sku", "product_code"},          {"description", "name"},
                                 {"unit_price", "price_unit"},     {"amount", "price_subtotal"}};

void RenameFields(sdk::Record* record, std::span<const Rename> names) {
  for (sdk::Field& field : record->fields) {
    auto rename = std::find_if(names.begin(), names.end(), [&](const Rename& r) { return r.reader == field.name; });
    if (rename != names.end()) field.name = std::string(rename->stream);
  }
}

std::string_view Text(const sdk::Record& record, std::string_view name) {
  const sdk::Value* value = record.Find(name);
  return value == nullptr ? std::string_view() : std::string_view(value->text());
}

bool IsZero(std::string_view decimal) {
  return !decimal.empty() && decimal.find_first_not_of("+-0.") == std::string_view::npos;
}

// Odoo's payment_state from what LegalMonetaryTotal says is still due and was paid before.
std::string_view PaymentState(const sdk::Record& invoice) {
  const std::string_view payable = Text(invoice, "payable_amount");
  const std::string_view prepaid = Text(invoice, "prepaid_amount");
  if (IsZero(payable) && !IsZero(Text(invoice, "total_amount"))) return "paid";
  if (!prepaid.empty() && !IsZero(prepaid) && prepaid.front() != '-') return "partial";
  return "not_paid";
}

sdk::Status Shape(sdk::Record* invoice) {
  if (Text(*invoice, "party_source_id").empty() || Text(*invoice, "party_name").empty()) {
    return sdk::Status::DataError(invoice->position + ": the " +
                                  std::string(Text(*invoice, "kind") == "credit_note" ? "credit note " : "invoice ") +
                                  invoice->source_id +
                                  " has no customer: cac:AccountingCustomerParty needs an id (PartyIdentification/ID, "
                                  "EndpointID or PartyTaxScheme/CompanyID) and a name");
  }
  invoice->Set("move_type", sdk::Value::String(Text(*invoice, "kind") == "credit_note" ? "out_refund" : "out_invoice"));
  invoice->Set("state", sdk::Value::String("posted"));
  invoice->Set("payment_state", sdk::Value::String(std::string(PaymentState(*invoice))));
  RenameFields(invoice, kInvoiceNames);
  return sdk::Status::Ok();
}

}  // namespace

files::WholeFileParse ReadUblInvoiceFile(std::string_view bytes, const std::string& file_name,
                                         const std::string& system) {
  files::WholeFileParse parse;
  sdk::Result<trade_formats::UblDocumentKind> kind = trade_formats::DetectUblDocument(bytes);
  if (kind.ok() && *kind != trade_formats::UblDocumentKind::kInvoice &&
      *kind != trade_formats::UblDocumentKind::kCreditNote) {
    parse.fault = sdk::Status::DataError(
        file_name + ": a UBL " + (*kind == trade_formats::UblDocumentKind::kOrder ? "Order" : "DespatchAdvice") +
        ", not an Invoice or CreditNote: the finance connector reads only invoices and credit notes");
    return parse;
  }
  sdk::Result<std::vector<sdk::Record>> records = trade_formats::ReadUblDocument(bytes, file_name);
  if (!records.ok()) {
    parse.fault = records.status();
    return parse;
  }
  for (sdk::Record& record : *records) {
    record.source_system = system;
    if (record.entity == "party") RenameFields(&record, kPartyNames);
    if (record.entity == "invoice_line") RenameFields(&record, kLineNames);
    if (record.entity == "invoice") parse.fault = Shape(&record);
    if (!parse.fault.ok()) return files::WholeFileParse{{}, parse.fault};
  }
  parse.records = std::move(records).value();
  return parse;
}

}  // namespace hub::finance
