#include "supply_chain/order_drop.hpp"

#include <ctime>
#include <tuple>
#include <utility>

#include "trade_formats/outbound_events.hpp"
#include "trade_formats/ubl_writer.hpp"

namespace hub::supply_chain {
namespace {

std::pair<std::string, std::string> SapDateTime(std::int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char date[9];
  char time[7];
  std::strftime(date, sizeof(date), "%Y%m%d", &utc);
  std::strftime(time, sizeof(time), "%H%M%S", &utc);
  return {date, time};
}

// The order as trade_formats' writers take it: the sold-to customer by its number in the receiving system.
trade_formats::TradeDocument TradeDocumentOf(const OutboundOrder& order) {
  auto set = [](sdk::Record* record, const char* name, const std::string& value) {
    if (!value.empty()) record->Set(name, sdk::Value::String(value));
  };
  trade_formats::TradeDocument document;
  document.header.entity = "order";
  document.header.source_id = order.order_number;
  set(&document.header, "order_number", order.order_number);
  set(&document.header, "currency", order.currency);
  set(&document.header, "ordered_on", order.ordered_on);
  set(&document.header, "requested_on", order.requested_on);
  set(&document.header, "customer_reference", order.customer_reference);
  set(&document.header, "total_amount", order.total_amount);
  set(&document.header, "party_source_id", order.sold_to);
  for (const OutboundLine& line : order.lines) {
    sdk::Record record;
    record.entity = "order_line";
    set(&record, "line_no", line.line_no);
    set(&record, "sku", line.sku);
    set(&record, "description", line.description);
    set(&record, "quantity", line.quantity);
    set(&record, "unit", line.unit);
    set(&record, "unit_price", line.unit_price);
    set(&record, "amount", line.amount);
    document.lines.push_back(std::move(record));
  }
  return document;
}

}  // namespace

OrderDrop::OrderDrop(std::filesystem::path drop_dir, Orders05Envelope envelope, std::string partner_system,
                     OutboundFormat format)
    : ledger_(std::move(drop_dir)),
      envelope_(std::move(envelope)),
      partner_system_(std::move(partner_system)),
      format_(format) {}

sdk::Result<std::size_t> OrderDrop::Write(const std::vector<sdk::OutboundEvent>& events) {
  return trade_formats::WriteEachEvent(events, [this](const sdk::OutboundEvent& event) { return WriteOne(event); });
}

sdk::Status OrderDrop::WriteOne(const sdk::OutboundEvent& event) {
  sdk::Result<OutboundOrder> order = OrderOfEvent(event, partner_system_);
  if (!order.ok()) return order.status();
  if (ledger_.Has(order->source_id)) return sdk::Status::Ok();
  Orders05Envelope envelope = envelope_;
  envelope.docnum = DocnumOf(event.event_id);
  std::tie(envelope.created_on, envelope.created_at) = SapDateTime(event.occurred_at_unix_ms);
  const std::string stem =
      files::FileNamePart(order->order_number) + "_" + files::FileNamePart(event.event_id) + ".xml";
  std::string name = "ORDERS05_" + stem;
  std::string content;
  if (format_ == OutboundFormat::kUbl) {
    name = "ORDER_" + stem;
    sdk::Result<std::string> ubl = trade_formats::WriteUblOrder(TradeDocumentOf(*order));
    if (!ubl.ok()) return sdk::Status::DataError("event " + event.event_id + ": " + ubl.status().message());
    content = std::move(ubl).value();
  } else {
    content = WriteOrders05(*order, envelope);
  }
  return ledger_.Drop(order->source_id, name, content,
                      "event_id: " + event.event_id + "\ndocnum: " + envelope.docnum + "\n");
}

sdk::Status OrderDrop::CheckHealth() const { return ledger_.CheckWritable("drop_dir"); }

}  // namespace hub::supply_chain
