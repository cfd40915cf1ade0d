// Building UBL elements from neutral records (private to hub_trade_formats).
#ifndef HUB_TRADE_FORMATS_UBL_WRITE_SUPPORT_HPP_
#define HUB_TRADE_FORMATS_UBL_WRITE_SUPPORT_HPP_

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::trade_formats {

// A new document whose root `root_name` is in the UBL document namespace of that name, with cbc/cac declared.
pugi::xml_node NewUblRoot(pugi::xml_document* document, const char* root_name);
// <cbc:name>text</cbc:name> (or cac), appended; nothing when text is empty (returns an empty node).
pugi::xml_node AddCbc(pugi::xml_node parent, std::string_view name, std::string_view text);
pugi::xml_node AddCac(pugi::xml_node parent, std::string_view name);
// An amount element with currencyID.
void AddAmount(pugi::xml_node parent, std::string_view name, std::string_view amount, std::string_view currency);
// A quantity element with unitCode (when the unit is known).
void AddQuantity(pugi::xml_node parent, std::string_view name, std::string_view quantity, std::string_view unit);

// A party role element (`role`, e.g. AccountingCustomerParty) from a party or order_partner record:
// account id → SupplierAssignedAccountID (when `with_account_id`) and PartyIdentification/ID, name,
// PostalAddress, PartyTaxScheme (vat), Contact.
void AddPartyRole(pugi::xml_node parent, std::string_view role, const sdk::Record& party, std::string_view id,
                  bool with_account_id);
// Item, Price and the line's amount for one line (`quantity_name` e.g. InvoicedQuantity) in UBL's order:
// ID, quantity, LineExtensionAmount, [between(line)], Price/Item as `price_before_item` says (Order puts
// Price before Item, Invoice puts Item first). InvalidArgument when the amount can't be had.
sdk::Status AddLine(pugi::xml_node line_node, const sdk::Record& line, std::string_view quantity_name,
                    std::string_view currency, bool price_before_item);
// The line's amount: its amount field, else quantity × unit_price.
std::optional<std::string> LineAmount(const sdk::Record& line);
// Σ of the lines' amounts ("0" for no lines), nullopt when a line has none.
std::optional<std::string> SumOfLineAmounts(const std::vector<sdk::Record>& lines);
// The document serialized as UTF-8 with an XML declaration, indented.
std::string SerializeUbl(const pugi::xml_document& document);
// InvalidArgument "<what> needs <field>" when the header lacks it.
sdk::Status Require(const sdk::Record& header, std::string_view field, std::string_view what);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_UBL_WRITE_SUPPORT_HPP_
