#include <string>

#include "trade_formats/record_fields.hpp"
#include "trade_formats/ubl_documents.hpp"

namespace hub::trade_formats {
namespace {

sdk::Status ReadShipment(pugi::xml_node shipment, const UblContext& context, sdk::Record* delivery) {
  pugi::xml_node gross = Child(shipment, Cbc("GrossWeightMeasure"));
  pugi::xml_node net = Child(shipment, Cbc("NetWeightMeasure"));
  HUB_RETURN_IF_ERROR(SetUblDecimal(delivery, "gross_weight", gross, context));
  HUB_RETURN_IF_ERROR(SetUblDecimal(delivery, "net_weight", net, context));
  std::string unit = Attribute(gross, "unitCode");
  SetText(delivery, "weight_unit", unit.empty() ? Attribute(net, "unitCode") : unit);
  pugi::xml_node consignment = Child(shipment, Cac("Consignment"));
  SetUblText(delivery, "carrier", Path(consignment, {Cac("CarrierParty"), Cac("PartyName"), Cbc("Name")}));
  SetUblText(delivery, "tracking_number", Child(consignment, Cbc("CarrierAssignedID")));
  pugi::xml_node actual = Path(shipment, {Cac("Delivery"), Cbc("ActualDeliveryDate")});
  HUB_RETURN_IF_ERROR(SetUblDate(delivery, "delivered_on", actual, context));
  pugi::xml_node estimated = Path(shipment, {Cac("Delivery"), Cac("EstimatedDeliveryPeriod"), Cbc("StartDate")});
  return SetUblDate(delivery, "expected_on", estimated, context);
}

}  // namespace

sdk::Result<std::vector<sdk::Record>> ReadUblDespatchAdvice(pugi::xml_node root, const UblContext& context) {
  sdk::Result<std::string> number = UblDocumentId(root, context);
  if (!number.ok()) return number.status();
  sdk::Record delivery;
  delivery.entity = "delivery";
  delivery.source_id = *number;
  delivery.position = context.PositionOf(root);
  SetText(&delivery, "delivery_number", *number);
  delivery.Set("status", sdk::Value::String("shipped"));
  HUB_RETURN_IF_ERROR(SetUblDate(&delivery, "issued_on", Child(root, Cbc("IssueDate")), context));
  std::string order = Text(Path(root, {Cac("OrderReference"), Cbc("ID")}));
  SetText(&delivery, "order_reference", order);
  SetText(&delivery, "order_source_id", order);
  SetUblText(&delivery, "sales_order_id", Path(root, {Cac("OrderReference"), Cbc("SalesOrderID")}));
  SetUblText(&delivery, "type_code", Child(root, Cbc("DespatchAdviceTypeCode")));
  UblParty customer = ReadUblParty(Child(root, Cac("DeliveryCustomerParty")));
  SetText(&delivery, "party_source_id", customer.AccountId());
  SetText(&delivery, "party_name", customer.name);
  HUB_RETURN_IF_ERROR(ReadShipment(Child(root, Cac("Shipment")), context, &delivery));

  std::vector<sdk::Record> records;
  records.push_back(std::move(delivery));
  sdk::Status status;
  ForEachChild(root, Cac("DespatchLine"), [&](pugi::xml_node node) {
    if (!status.ok()) return;
    sdk::Record line;
    line.entity = "delivery_line";
    line.position = context.PositionOf(node);
    SetText(&line, "delivery_source_id", *number);
    status = ReadUblLineFields(node, Cbc("DeliveredQuantity"), context, &line);
    line.source_id = *number + "/" + std::string(FieldText(line, "line_no"));
    pugi::xml_node reference = Child(node, Cac("OrderLineReference"));
    std::string line_order = Text(Path(reference, {Cac("OrderReference"), Cbc("ID")}));
    if (line_order.empty()) line_order = order;
    std::string order_line = Text(Child(reference, Cbc("LineID")));
    if (!line_order.empty() && !order_line.empty()) {
      SetText(&line, "order_line_source_id", line_order + "/" + order_line);
    }
    SetText(&line, "order_line_reference", order_line);
    records.push_back(std::move(line));
  });
  if (!status.ok()) return status;
  return records;
}

}  // namespace hub::trade_formats
