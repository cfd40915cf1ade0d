#include "trade_formats/ubl_write_support.hpp"

#include <sstream>

#include "trade_formats/decimal_text.hpp"
#include "trade_formats/record_fields.hpp"
#include "trade_formats/xml_names.hpp"

namespace hub::trade_formats {
namespace {

pugi::xml_node AddPrefixed(pugi::xml_node parent, const char* prefix, std::string_view name) {
  return parent.append_child((std::string(prefix) + std::string(name)).c_str());
}

void AddPostalAddress(pugi::xml_node party, const sdk::Record& record) {
  std::string_view street = FieldText(record, "address_line");
  std::string_view city = FieldText(record, "city");
  std::string_view postal = FieldText(record, "postal_code");
  std::string_view country = FieldText(record, "country");
  if (street.empty() && city.empty() && postal.empty() && country.empty()) return;
  pugi::xml_node address = AddCac(party, "PostalAddress");
  AddCbc(address, "StreetName", street);
  AddCbc(address, "CityName", city);
  AddCbc(address, "PostalZone", postal);
  if (!country.empty()) AddCbc(AddCac(address, "Country"), "IdentificationCode", country);
}

// Percent of a fraction: "0.19" → "19", "0.075" → "7.5" (no trailing zeros, so a round trip keeps the text).
std::string PercentOf(std::string_view fraction) {
  std::optional<std::string> percent = MultiplyDecimals(fraction, "100");
  if (!percent) return std::string(fraction);
  if (percent->find('.') != std::string::npos) {
    while (percent->back() == '0') percent->pop_back();
    if (percent->back() == '.') percent->pop_back();
  }
  return *percent;
}

}  // namespace

pugi::xml_node NewUblRoot(pugi::xml_document* document, const char* root_name) {
  pugi::xml_node declaration = document->append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = document->append_child(root_name);
  std::string ns = std::string("urn:oasis:names:specification:ubl:schema:xsd:") + root_name + "-2";
  root.append_attribute("xmlns") = ns.c_str();
  root.append_attribute("xmlns:cac") = std::string(kUblCac).c_str();
  root.append_attribute("xmlns:cbc") = std::string(kUblCbc).c_str();
  AddCbc(root, "UBLVersionID", "2.1");
  return root;
}

pugi::xml_node AddCbc(pugi::xml_node parent, std::string_view name, std::string_view text) {
  if (text.empty()) return {};
  pugi::xml_node node = AddPrefixed(parent, "cbc:", name);
  node.text().set(std::string(text).c_str());
  return node;
}

pugi::xml_node AddCac(pugi::xml_node parent, std::string_view name) { return AddPrefixed(parent, "cac:", name); }

void AddAmount(pugi::xml_node parent, std::string_view name, std::string_view amount, std::string_view currency) {
  pugi::xml_node node = AddCbc(parent, name, amount);
  if (node) node.append_attribute("currencyID") = std::string(currency).c_str();
}

void AddQuantity(pugi::xml_node parent, std::string_view name, std::string_view quantity, std::string_view unit) {
  pugi::xml_node node = AddCbc(parent, name, quantity);
  if (node && !unit.empty()) node.append_attribute("unitCode") = std::string(unit).c_str();
}

void AddPartyRole(pugi::xml_node parent, std::string_view role, const sdk::Record& party, std::string_view id,
                  bool with_account_id) {
  pugi::xml_node role_node = AddCac(parent, role);
  if (with_account_id) AddCbc(role_node, "SupplierAssignedAccountID", id);
  pugi::xml_node node = AddCac(role_node, "Party");
  std::string_view endpoint = FieldText(party, "endpoint_id");
  if (pugi::xml_node endpoint_node = AddCbc(node, "EndpointID", endpoint)) {
    std::string_view scheme = FieldText(party, "endpoint_scheme");
    if (!scheme.empty()) endpoint_node.append_attribute("schemeID") = std::string(scheme).c_str();
  }
  if (!id.empty()) AddCbc(AddCac(node, "PartyIdentification"), "ID", id);
  std::string_view name = FieldText(party, "name");
  if (!name.empty()) AddCbc(AddCac(node, "PartyName"), "Name", name);
  AddPostalAddress(node, party);
  std::string_view vat = FieldText(party, "vat");
  if (!vat.empty()) {
    pugi::xml_node tax_scheme = AddCac(node, "PartyTaxScheme");
    AddCbc(tax_scheme, "CompanyID", vat);
    AddCbc(AddCac(tax_scheme, "TaxScheme"), "ID", "VAT");
  }
  std::string_view phone = FieldText(party, "phone");
  std::string_view email = FieldText(party, "email");
  if (!phone.empty() || !email.empty()) {
    pugi::xml_node contact = AddCac(node, "Contact");
    AddCbc(contact, "Telephone", phone);
    AddCbc(contact, "ElectronicMail", email);
  }
}

std::optional<std::string> LineAmount(const sdk::Record& line) {
  std::string_view amount = FieldText(line, "amount");
  if (!amount.empty()) return std::string(amount);
  std::string_view quantity = FieldText(line, "quantity");
  std::string_view price = FieldText(line, "unit_price");
  if (quantity.empty() || price.empty()) return std::nullopt;
  return MultiplyDecimals(quantity, price);
}

std::optional<std::string> SumOfLineAmounts(const std::vector<sdk::Record>& lines) {
  std::optional<std::string> sum = "0";
  for (const sdk::Record& line : lines) {
    std::optional<std::string> amount = LineAmount(line);
    if (!amount) return std::nullopt;
    sum = AddDecimals(*sum, *amount);
    if (!sum) return std::nullopt;
  }
  return sum;
}

sdk::Status AddLine(pugi::xml_node line_node, const sdk::Record& line, std::string_view quantity_name,
                    std::string_view currency, bool price_before_item) {
  std::string_view line_no = FieldText(line, "line_no");
  if (line_no.empty()) return sdk::Status::InvalidArgument("a line has no line_no");
  std::optional<std::string> amount = LineAmount(line);
  if (!amount) {
    return sdk::Status::InvalidArgument("line " + std::string(line_no) +
                                        " has neither an amount nor a quantity and unit_price");
  }
  AddCbc(line_node, "ID", line_no);
  AddQuantity(line_node, quantity_name, FieldText(line, "quantity"), FieldText(line, "unit"));
  AddAmount(line_node, "LineExtensionAmount", *amount, currency);
  std::string_view order_line = FieldText(line, "order_line_reference");
  if (!order_line.empty() && !price_before_item) AddCbc(AddCac(line_node, "OrderLineReference"), "LineID", order_line);
  auto add_price = [&] {
    std::string_view price = FieldText(line, "unit_price");
    if (price.empty()) return;
    pugi::xml_node price_node = AddCac(line_node, "Price");
    AddAmount(price_node, "PriceAmount", price, currency);
    AddQuantity(price_node, "BaseQuantity", FieldText(line, "price_basis_quantity"), FieldText(line, "unit"));
  };
  if (price_before_item) add_price();
  pugi::xml_node item = AddCac(line_node, "Item");
  std::string_view description = FieldText(line, "description");
  std::string_view name = FieldText(line, "item_name");
  AddCbc(item, "Description", description);
  AddCbc(item, "Name", name.empty() ? description : name);
  std::string_view buyers = FieldText(line, "buyers_item_id");
  if (!buyers.empty()) AddCbc(AddCac(item, "BuyersItemIdentification"), "ID", buyers);
  std::string_view sku = FieldText(line, "sku");
  if (!sku.empty()) AddCbc(AddCac(item, "SellersItemIdentification"), "ID", sku);
  std::string_view standard = FieldText(line, "standard_item_id");
  if (!standard.empty()) AddCbc(AddCac(item, "StandardItemIdentification"), "ID", standard);
  std::string_view tax_rate = FieldText(line, "tax_rate");
  if (!tax_rate.empty()) {
    pugi::xml_node category = AddCac(item, "ClassifiedTaxCategory");
    AddCbc(category, "ID", "S");
    AddCbc(category, "Percent", PercentOf(tax_rate));
    AddCbc(AddCac(category, "TaxScheme"), "ID", "VAT");
  }
  if (!price_before_item) add_price();
  return sdk::Status::Ok();
}

std::string SerializeUbl(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

sdk::Status Require(const sdk::Record& header, std::string_view field, std::string_view what) {
  if (!FieldText(header, field).empty()) return sdk::Status::Ok();
  return sdk::Status::InvalidArgument(std::string(what) + " needs " + std::string(field));
}

}  // namespace hub::trade_formats
