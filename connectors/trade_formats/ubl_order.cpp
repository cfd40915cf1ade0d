#include <string>

#include "trade_formats/record_fields.hpp"
#include "trade_formats/ubl_documents.hpp"

namespace hub::trade_formats {
namespace {

sdk::Record PartnerRecord(const UblParty& party, const std::string& order, const char* role,
                          const UblContext& context) {
  sdk::Record partner;
  partner.entity = "order_partner";
  partner.source_id = order + "/" + role;
  partner.position = context.PositionOf(party.node);
  SetText(&partner, "order_source_id", order);
  SetText(&partner, "role", role);
  SetText(&partner, "partner_number", party.AccountId());
  SetText(&partner, "name", party.name);
  SetText(&partner, "address_line", party.address_line);
  SetText(&partner, "city", party.city);
  SetText(&partner, "postal_code", party.postal_code);
  SetText(&partner, "country", party.country);
  SetText(&partner, "vat", party.company_id);
  return partner;
}

// The ship-to of Delivery: its DeliveryParty, with the DeliveryLocation's address and id where the party has none.
UblParty ShipTo(pugi::xml_node delivery) {
  UblParty party = ReadUblParty(Child(delivery, Cac("DeliveryParty")));
  pugi::xml_node location = Child(delivery, Cac("DeliveryLocation"));
  if (!location) return party;
  UblParty place = ReadUblParty(location);
  pugi::xml_node address = Child(location, Cac("Address"));
  if (!party.present) party = place;
  if (party.AccountId().empty()) party.party_identification = Text(Child(address, Cbc("ID")));
  if (party.address_line.empty()) {
    party.address_line = Text(Child(address, Cbc("StreetName")));
    std::string number = Text(Child(address, Cbc("BuildingNumber")));
    if (!number.empty()) party.address_line += (party.address_line.empty() ? "" : " ") + number;
    party.city = Text(Child(address, Cbc("CityName")));
    party.postal_code = Text(Child(address, Cbc("PostalZone")));
    party.country = Text(Path(address, {Cac("Country"), Cbc("IdentificationCode")}));
  }
  if (!party.node) party.node = location;
  return party;
}

sdk::Status ReadHeader(pugi::xml_node root, const UblContext& context, sdk::Record* order) {
  HUB_RETURN_IF_ERROR(SetUblDate(order, "ordered_on", Child(root, Cbc("IssueDate")), context));
  pugi::xml_node period = Path(root, {Cac("Delivery"), Cac("RequestedDeliveryPeriod")});
  pugi::xml_node requested = Child(period, Cbc("StartDate"));
  if (!requested) requested = Child(period, Cbc("EndDate"));
  HUB_RETURN_IF_ERROR(SetUblDate(order, "requested_on", requested, context));
  pugi::xml_node totals = Child(root, Cac("AnticipatedMonetaryTotal"));
  pugi::xml_node total = Child(totals, Cbc("PayableAmount"));
  if (!total) total = Child(totals, Cbc("LineExtensionAmount"));
  HUB_RETURN_IF_ERROR(SetUblDecimal(order, "total_amount", total, context));
  std::string currency = Text(Child(root, Cbc("DocumentCurrencyCode")));
  if (currency.empty()) currency = Attribute(total, "currencyID");
  SetText(order, "currency", currency);
  SetUblText(order, "sales_order_id", Child(root, Cbc("SalesOrderID")));
  SetUblText(order, "note", Child(root, Cbc("Note")));
  SetUblText(order, "customization_id", Child(root, Cbc("CustomizationID")));
  return SetUblDecimal(order, "tax_amount", Path(root, {Cac("TaxTotal"), Cbc("TaxAmount")}), context);
}

}  // namespace

sdk::Result<std::vector<sdk::Record>> ReadUblOrder(pugi::xml_node root, const UblContext& context) {
  sdk::Result<std::string> number = UblDocumentId(root, context);
  if (!number.ok()) return number.status();
  sdk::Record order;
  order.entity = "order";
  order.source_id = *number;
  order.position = context.PositionOf(root);
  SetText(&order, "order_number", *number);
  SetText(&order, "customer_reference", *number);
  HUB_RETURN_IF_ERROR(ReadHeader(root, context, &order));

  std::vector<sdk::Record> records;
  std::vector<sdk::Record> partners;
  UblParty buyer = ReadUblParty(Child(root, Cac("BuyerCustomerParty")));
  if (buyer.present) {
    std::string buyer_id = buyer.AccountId();
    SetText(&order, "party_source_id", buyer_id);
    if (!buyer_id.empty()) records.push_back(UblPartyRecord(buyer, buyer_id, context));
    partners.push_back(PartnerRecord(buyer, *number, "sold_to", context));
  }
  UblParty seller = ReadUblParty(Child(root, Cac("SellerSupplierParty")));
  if (seller.present) partners.push_back(PartnerRecord(seller, *number, "supplier", context));
  UblParty bill_to = ReadUblParty(Child(root, Cac("AccountingCustomerParty")));
  if (bill_to.present) partners.push_back(PartnerRecord(bill_to, *number, "bill_to", context));
  pugi::xml_node delivery = Child(root, Cac("Delivery"));
  if (delivery) {
    UblParty ship_to = ShipTo(delivery);
    if (ship_to.present) partners.push_back(PartnerRecord(ship_to, *number, "ship_to", context));
  }
  records.push_back(std::move(order));
  for (sdk::Record& partner : partners) records.push_back(std::move(partner));

  sdk::Status status;
  ForEachChild(root, Cac("OrderLine"), [&](pugi::xml_node order_line) {
    if (!status.ok()) return;
    pugi::xml_node item = Child(order_line, Cac("LineItem"));
    if (!item) {
      status = sdk::Status::DataError(context.PositionOf(order_line) + ": the OrderLine has no LineItem");
      return;
    }
    sdk::Record line;
    line.entity = "order_line";
    line.position = context.PositionOf(item);
    SetText(&line, "order_source_id", *number);
    status = ReadUblLineFields(item, Cbc("Quantity"), context, &line);
    line.source_id = *number + "/" + std::string(FieldText(line, "line_no"));
    SetUblText(&line, "note", Child(order_line, Cbc("Note")));
    records.push_back(std::move(line));
  });
  if (!status.ok()) return status;
  return records;
}

}  // namespace hub::trade_formats
