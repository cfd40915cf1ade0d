#include "trade_formats/ubl_party.hpp"

#include <optional>

#include "trade_formats/decimal_text.hpp"
#include "trade_formats/record_fields.hpp"

namespace hub::trade_formats {
namespace {

std::string Joined(std::string first, const std::string& second) {
  if (second.empty()) return first;
  if (first.empty()) return second;
  return first + " " + second;
}

bool IsIsoDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

bool IsUsccShape(std::string_view text) {
  constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  return text.size() == 18 && text.find_first_not_of(kAlphabet) == std::string_view::npos;
}

}  // namespace

std::string UblContext::PositionOf(pugi::xml_node node) const {
  return std::string(source_name) + ":byte " + std::to_string(node.offset_debug());
}

std::string UblParty::InvoiceCustomerId() const {
  if (!party_identification.empty()) return party_identification;
  if (!endpoint_id.empty()) return endpoint_id;
  return company_id;
}

std::string UblParty::Uscc() const {
  if (!country.empty() && country != "CN") return "";
  if (IsUsccShape(company_id)) return company_id;
  if (IsUsccShape(legal_company_id)) return legal_company_id;
  return "";
}

std::string UblParty::AccountId() const {
  if (!supplier_assigned_id.empty()) return supplier_assigned_id;
  if (!customer_assigned_id.empty()) return customer_assigned_id;
  return InvoiceCustomerId();
}

UblParty ReadUblParty(pugi::xml_node role) {
  UblParty party;
  if (!role) return party;
  party.present = true;
  party.node = role;
  party.supplier_assigned_id = Text(Child(role, Cbc("SupplierAssignedAccountID")));
  party.customer_assigned_id = Text(Child(role, Cbc("CustomerAssignedAccountID")));
  pugi::xml_node node = Child(role, Cac("Party"));
  if (!node) node = role;
  party.party_identification = Text(Path(node, {Cac("PartyIdentification"), Cbc("ID")}));
  pugi::xml_node endpoint = Child(node, Cbc("EndpointID"));
  party.endpoint_id = Text(endpoint);
  party.endpoint_scheme = Attribute(endpoint, "schemeID");
  party.company_id = Text(Path(node, {Cac("PartyTaxScheme"), Cbc("CompanyID")}));
  party.legal_company_id = Text(Path(node, {Cac("PartyLegalEntity"), Cbc("CompanyID")}));
  party.name = Text(Path(node, {Cac("PartyName"), Cbc("Name")}));
  if (party.name.empty()) party.name = Text(Path(node, {Cac("PartyLegalEntity"), Cbc("RegistrationName")}));
  if (party.name.empty()) party.name = Text(Path(node, {Cac("PartyTaxScheme"), Cbc("RegistrationName")}));
  pugi::xml_node address = Child(node, Cac("PostalAddress"));
  if (!address) address = Path(node, {Cac("PhysicalLocation"), Cac("Address")});
  party.address_line = Joined(Text(Child(address, Cbc("StreetName"))), Text(Child(address, Cbc("BuildingNumber"))));
  if (party.address_line.empty()) party.address_line = Text(Path(address, {Cac("AddressLine"), Cbc("Line")}));
  party.address_line2 = Text(Child(address, Cbc("AdditionalStreetName")));
  party.city = Text(Child(address, Cbc("CityName")));
  party.province = Text(Child(address, Cbc("CountrySubentity")));
  party.postal_code = Text(Child(address, Cbc("PostalZone")));
  party.country = Text(Path(address, {Cac("Country"), Cbc("IdentificationCode")}));
  pugi::xml_node contact = Child(node, Cac("Contact"));
  party.contact_name = Text(Child(contact, Cbc("Name")));
  party.email = Text(Child(contact, Cbc("ElectronicMail")));
  party.phone = Text(Child(contact, Cbc("Telephone")));
  return party;
}

sdk::Record UblPartyRecord(const UblParty& party, const std::string& id, const UblContext& context) {
  sdk::Record record;
  record.entity = "party";
  record.source_id = id;
  record.position = context.PositionOf(party.node);
  record.Set("kind", sdk::Value::String("organization"));
  SetText(&record, "name", party.name);
  SetText(&record, "vat", party.company_id);
  SetText(&record, "business_registration", party.legal_company_id);
  SetText(&record, "uscc", party.Uscc());
  SetText(&record, "address_line", party.address_line);
  SetText(&record, "address_line2", party.address_line2);
  SetText(&record, "city", party.city);
  SetText(&record, "province", party.province);
  SetText(&record, "postal_code", party.postal_code);
  SetText(&record, "country", party.country);
  SetText(&record, "contact_name", party.contact_name);
  SetText(&record, "email", party.email);
  SetText(&record, "phone", party.phone);
  SetText(&record, "endpoint_id", party.endpoint_id);
  SetText(&record, "endpoint_scheme", party.endpoint_scheme);
  return record;
}

void SetUblText(sdk::Record* record, std::string name, pugi::xml_node node) {
  SetText(record, std::move(name), Text(node));
}

sdk::Status SetUblDecimal(sdk::Record* record, std::string name, pugi::xml_node node, const UblContext& context) {
  std::string text = Text(node);
  if (text.empty()) return sdk::Status::Ok();
  std::optional<std::string> canonical = CanonicalDecimal(text);
  if (!canonical || text.find(',') != std::string::npos) {
    return sdk::Status::DataError(context.PositionOf(node) + ": " + node.name() + " '" + text + "' is not a number");
  }
  record->Set(std::move(name), sdk::Value::Decimal(*canonical));
  return sdk::Status::Ok();
}

sdk::Status SetUblDate(sdk::Record* record, std::string name, pugi::xml_node node, const UblContext& context) {
  std::string text = Text(node);
  if (text.empty()) return sdk::Status::Ok();
  // xsd:date may carry a time zone (2005-06-20Z, 2005-06-20+01:00): the calendar day is what is meant.
  if (!IsIsoDate(text) || (text.size() > 10 && text[10] != 'Z' && text[10] != '+' && text[10] != '-')) {
    return sdk::Status::DataError(context.PositionOf(node) + ": " + node.name() + " '" + text +
                                  "' is not a date (YYYY-MM-DD)");
  }
  record->Set(std::move(name), sdk::Value::Date(text.substr(0, 10)));
  return sdk::Status::Ok();
}

sdk::Status SetUblPercent(sdk::Record* record, std::string name, pugi::xml_node node, const UblContext& context) {
  std::string text = Text(node);
  if (text.empty()) return sdk::Status::Ok();
  std::optional<std::string> fraction = PercentToFraction(text);
  if (!fraction || text.find(',') != std::string::npos) {
    return sdk::Status::DataError(context.PositionOf(node) + ": " + node.name() + " '" + text + "' is not a number");
  }
  record->Set(std::move(name), sdk::Value::Decimal(*fraction));
  return sdk::Status::Ok();
}

}  // namespace hub::trade_formats
