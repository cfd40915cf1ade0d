// The readers of each UBL document type over a parsed DOM (private to hub_trade_formats; see ubl_reader.hpp).
#ifndef HUB_TRADE_FORMATS_UBL_DOCUMENTS_HPP_
#define HUB_TRADE_FORMATS_UBL_DOCUMENTS_HPP_

#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "trade_formats/ubl_party.hpp"

namespace hub::trade_formats {

sdk::Result<std::vector<sdk::Record>> ReadUblInvoice(pugi::xml_node root, bool credit_note, const UblContext& context);
sdk::Result<std::vector<sdk::Record>> ReadUblOrder(pugi::xml_node root, const UblContext& context);
sdk::Result<std::vector<sdk::Record>> ReadUblDespatchAdvice(pugi::xml_node root, const UblContext& context);

// Fields every UBL line has: line_no (cbc:ID), quantity + unit (the given quantity element and @unitCode),
// amount (LineExtensionAmount), description (Item/Description, else Item/Name), sku
// (Item/SellersItemIdentification, else StandardItemIdentification, else BuyersItemIdentification), unit_price
// and price_basis_quantity (Price), tax_rate (Item/ClassifiedTaxCategory/Percent, as a fraction).
sdk::Status ReadUblLineFields(pugi::xml_node line, XmlName quantity, const UblContext& context, sdk::Record* record);
// The document's cbc:ID, or DataError naming the root's position.
sdk::Result<std::string> UblDocumentId(pugi::xml_node root, const UblContext& context);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_UBL_DOCUMENTS_HPP_
