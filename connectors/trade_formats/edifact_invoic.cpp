#include <string>

#include "trade_formats/decimal_text.hpp"
#include "trade_formats/edifact_reader.hpp"
#include "trade_formats/edifact_record_support.hpp"

namespace hub::trade_formats {
namespace {

const EdifactProfile& InvoicProfile() {
  static const EdifactProfile profile{"invoice",
                                      "invoice_number",
                                      "invoice_line",
                                      "invoice_source_id",
                                      "",
                                      {{"137", "issued_on"}, {"3", "issued_on"}, {"13", "due_on"}},
                                      {"47", "46", "1"},
                                      {"203", "38", "66"}};
  return profile;
}

// MOA 176 (total tax), else the sum of the per-rate MOA 124 in the invoice's currency.
std::optional<std::string> TaxAmount(const EdifactWalk& walk) {
  if (const EdifactWalk::Amount* total = FindAmount(walk, {"176"})) return total->value;
  std::string_view currency = FieldText(walk.header, "currency");
  std::optional<std::string> sum;
  for (const EdifactWalk::Amount& amount : walk.amounts) {
    if (amount.qualifier != "124" || !(amount.currency.empty() || currency.empty() || amount.currency == currency)) {
      continue;
    }
    sum = sum ? AddDecimals(*sum, amount.value) : amount.value;
    if (!sum) return std::nullopt;
  }
  return sum;
}

}  // namespace

sdk::Result<std::vector<sdk::Record>> ReadEdifactInvoic(const EdifactMessage& message) {
  const EdifactProfile& profile = InvoicProfile();
  sdk::Result<EdifactWalk> walked = WalkEdifactMessage(message, profile);
  if (!walked.ok()) return walked.status();
  EdifactWalk& walk = *walked;
  sdk::Record& invoice = walk.header;
  invoice.Set("kind", sdk::Value::String(FieldText(invoice, "BGM.1001") == "381" ? "credit_note" : "invoice"));
  const sdk::Record* customer = FindPartner(walk, "IV");
  if (customer == nullptr) customer = FindPartner(walk, "BY");
  if (customer != nullptr) {
    SetText(&invoice, "party_source_id", FieldText(*customer, "partner_number"));
    SetText(&invoice, "party_name", FieldText(*customer, "name"));
    SetText(&invoice, "party_vat", FieldText(*customer, "vat"));
  }
  std::string order(FieldText(invoice, "RFF.ON"));
  if (order.empty()) order = std::string(FieldText(invoice, "RFF.CO"));
  SetText(&invoice, "order_reference", order);
  SetText(&invoice, "order_source_id", order);
  std::string original(FieldText(invoice, "RFF.IV"));
  if (original.empty()) original = std::string(FieldText(invoice, "RFF.OI"));
  SetText(&invoice, "original_invoice_source_id", original);
  const EdifactWalk::Amount* net = FindAmount(walk, {"125", "79"});
  if (net != nullptr) invoice.Set("net_amount", sdk::Value::Decimal(net->value));
  std::optional<std::string> tax = TaxAmount(walk);
  if (tax) invoice.Set("tax_amount", sdk::Value::Decimal(*tax));
  if (const EdifactWalk::Amount* total = FindAmount(walk, {"77", "86", "9"})) {
    invoice.Set("total_amount", sdk::Value::Decimal(total->value));
  } else if (net != nullptr && tax) {
    if (std::optional<std::string> sum = AddDecimals(net->value, *tax)) {
      invoice.Set("total_amount", sdk::Value::Decimal(*sum));
    }
  }
  return WalkRecords(std::move(walk), profile);
}

}  // namespace hub::trade_formats
