// Reading UBL's party structures and typed values (private to hub_trade_formats).
#ifndef HUB_TRADE_FORMATS_UBL_PARTY_HPP_
#define HUB_TRADE_FORMATS_UBL_PARTY_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "trade_formats/xml_names.hpp"

namespace hub::trade_formats {

// Where the reader is: the file's name, for positions ("invoice.xml:byte 812").
struct UblContext {
  std::string_view source_name;
  std::string PositionOf(pugi::xml_node node) const;
};

// A party role element (AccountingCustomerParty, BuyerCustomerParty, DeliveryCustomerParty, …) read flat.
struct UblParty {
  bool present = false;
  std::string party_identification;  // Party/PartyIdentification/ID
  std::string endpoint_id;           // Party/EndpointID
  std::string endpoint_scheme;       // its @schemeID, e.g. 0088
  std::string company_id;            // Party/PartyTaxScheme/CompanyID (VAT number)
  std::string legal_company_id;      // Party/PartyLegalEntity/CompanyID (registration number)
  std::string supplier_assigned_id;  // SupplierAssignedAccountID: our number for this customer
  std::string customer_assigned_id;  // CustomerAssignedAccountID
  std::string name;                  // PartyName/Name, else PartyLegalEntity/RegistrationName
  std::string address_line;          // PostalAddress StreetName + BuildingNumber, else AddressLine/Line
  std::string address_line2;         // PostalAddress AdditionalStreetName
  std::string city;
  std::string province;  // PostalAddress CountrySubentity
  std::string postal_code;
  std::string country;       // Country/IdentificationCode
  std::string contact_name;  // Contact/Name
  std::string email;         // Contact/ElectronicMail
  std::string phone;         // Contact/Telephone
  pugi::xml_node node;

  // PEPPOL's customer key: PartyIdentification/ID, else EndpointID, else PartyTaxScheme/CompanyID.
  std::string InvoiceCustomerId() const;
  // The Chinese unified social credit code among company_id and legal_company_id: the first of them of its
  // shape (18 characters of 0-9 and A-Y without I, O, S, V, Z) when the country is CN or not given; "" when
  // none is (its check character is the store's to check).
  std::string Uscc() const;
  // An order's or despatch advice's customer: SupplierAssignedAccountID, else CustomerAssignedAccountID, else
  // InvoiceCustomerId().
  std::string AccountId() const;
};

// The party under `role` (an element holding cac:Party, or the cac:Party or cac:DeliveryParty itself).
UblParty ReadUblParty(pugi::xml_node role);

// The party as a `party` record with source id `id`: kind organization, name, vat, business_registration
// (legal_company_id), uscc (Uscc()), address_line, address_line2, city, province, postal_code, country,
// contact_name, email, phone, endpoint_id (+ endpoint_scheme).
sdk::Record UblPartyRecord(const UblParty& party, const std::string& id, const UblContext& context);

// Typed setters: nothing when the node is missing or empty; DataError naming the element's position when
// its text is not a decimal / an xsd:date.
void SetUblText(sdk::Record* record, std::string name, pugi::xml_node node);
sdk::Status SetUblDecimal(sdk::Record* record, std::string name, pugi::xml_node node, const UblContext& context);
sdk::Status SetUblDate(sdk::Record* record, std::string name, pugi::xml_node node, const UblContext& context);
// A percentage element (cbc:Percent) as a fraction.
sdk::Status SetUblPercent(sdk::Record* record, std::string name, pugi::xml_node node, const UblContext& context);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_UBL_PARTY_HPP_
