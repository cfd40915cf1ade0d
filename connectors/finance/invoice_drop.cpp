#include "finance/invoice_drop.hpp"

#include <ctime>
#include <utility>

#include "trade_formats/outbound_events.hpp"
#include "trade_formats/record_fields.hpp"
#include "trade_formats/ubl_writer.hpp"

namespace hub::finance {
namespace {

using trade_formats::SetText;

std::string IsoDate(std::int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char date[11];
  std::strftime(date, sizeof(date), "%Y-%m-%d", &utc);
  return date;
}

std::string CustomerId(const InvoiceRequest& request) {
  if (!request.customer_partner_id.empty()) return request.customer_partner_id;
  if (!request.customer_number.empty()) return request.customer_number;
  return request.customer_tax_id;
}

}  // namespace

sdk::Result<std::string> UblInvoiceOfRequest(const InvoiceRequest& request) {
  const std::string customer_id = CustomerId(request);
  if (customer_id.empty() || request.customer_name.empty()) {
    return sdk::Status::DataError("invoice request " + request.request_id +
                                  ": the customer has no finance id, number or tax id and name for the UBL invoice");
  }
  trade_formats::TradeDocument document;
  sdk::Record& header = document.header;
  header.entity = "invoice";
  SetText(&header, "invoice_number", request.request_id);
  SetText(&header, "issued_on",
          request.delivery_date.empty() ? IsoDate(request.requested_at_unix_ms) : request.delivery_date);
  SetText(&header, "currency", request.currency);
  SetText(&header, "buyer_reference", request.customer_reference);
  SetText(&header, "order_reference", request.order_number);
  SetText(&header, "despatch_reference", request.delivery_number);
  SetText(&header, "party_source_id", customer_id);
  SetText(&header, "net_amount", request.net_amount);
  sdk::Record party;
  party.entity = "party";
  SetText(&party, "name", request.customer_name);
  SetText(&party, "vat", request.customer_tax_id);
  SetText(&party, "country", request.customer_country);
  document.party = std::move(party);
  for (const InvoiceRequestLine& line : request.lines) {
    sdk::Record record;
    record.entity = "invoice_line";
    SetText(&record, "line_no", std::to_string(line.line_no));
    SetText(&record, "order_line_reference", line.order_line_no);
    SetText(&record, "sku", line.sku);
    SetText(&record, "description", line.description);
    SetText(&record, "quantity", line.quantity);
    SetText(&record, "unit", line.unit);
    SetText(&record, "unit_price", line.unit_price);
    SetText(&record, "tax_rate", line.tax_rate);
    SetText(&record, "amount", line.amount);
    document.lines.push_back(std::move(record));
  }
  sdk::Result<std::string> xml = trade_formats::WriteUblInvoice(document);
  if (!xml.ok()) return sdk::Status::DataError("invoice request " + request.request_id + ": " + xml.status().message());
  return xml;
}

InvoiceDrop::InvoiceDrop(std::filesystem::path drop_dir, std::string finance_system)
    : ledger_(std::move(drop_dir)), finance_system_(std::move(finance_system)) {}

sdk::Result<std::size_t> InvoiceDrop::Write(const std::vector<sdk::OutboundEvent>& events) {
  return trade_formats::WriteEachEvent(events, [this](const sdk::OutboundEvent& event) { return WriteOne(event); });
}

sdk::Status InvoiceDrop::WriteOne(const sdk::OutboundEvent& event) {
  sdk::Result<InvoiceRequest> request = InvoiceRequestOf(event, finance_system_);
  if (!request.ok()) return request.status();
  const std::string key = request->delivery_system + ":" + request->delivery_source_id;
  if (ledger_.Has(key)) return sdk::Status::Ok();
  sdk::Result<std::string> xml = UblInvoiceOfRequest(*request);
  if (!xml.ok()) return sdk::Status::DataError(trade_formats::EventName(event) + ": " + xml.status().message());
  const std::string name = "INVOICE_REQUEST_" + files::FileNamePart(request->delivery_number) + "_" +
                           files::FileNamePart(event.event_id) + ".xml";
  return ledger_.Drop(key, name, *xml, "event_id: " + event.event_id + "\n");
}

sdk::Status InvoiceDrop::CheckHealth() const { return ledger_.CheckWritable("invoice_drop_dir"); }

}  // namespace hub::finance
