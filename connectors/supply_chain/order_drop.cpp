#include "supply_chain/order_drop.hpp"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <system_error>
#include <tuple>
#include <utility>

#include "hub/files/atomic_file.hpp"
#include "trade_formats/ubl_writer.hpp"

namespace hub::supply_chain {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLedgerFolder = ".hub_sent";

// The name part for a file: letters, digits, '-' and '_' kept, others '_'.
std::string FileSafe(const std::string& text) {
  std::string safe;
  for (char c : text) safe += std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' ? c : '_';
  return safe;
}

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

std::string LedgerName(const std::string& source_id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name;
  for (char c : source_id) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '_' || (c == '.' && !name.empty())) {
      name += c;
    } else {
      name += '%';
      name += kHex[byte >> 4];
      name += kHex[byte & 0x0F];
    }
  }
  return name;
}

OrderDrop::OrderDrop(fs::path drop_dir, Orders05Envelope envelope, std::string partner_system, OutboundFormat format)
    : drop_dir_(std::move(drop_dir)),
      envelope_(std::move(envelope)),
      partner_system_(std::move(partner_system)),
      format_(format) {}

sdk::Result<std::size_t> OrderDrop::Write(const std::vector<sdk::OutboundEvent>& events) {
  std::size_t accepted = 0;
  for (const sdk::OutboundEvent& event : events) {
    const sdk::Status written = WriteOne(event);
    if (!written.ok()) {
      if (accepted == 0) return written;
      return accepted;
    }
    ++accepted;
  }
  return accepted;
}

sdk::Status OrderDrop::WriteOne(const sdk::OutboundEvent& event) {
  sdk::Result<OutboundOrder> order = OrderOfEvent(event, partner_system_);
  if (!order.ok()) return order.status();
  const fs::path ledger_dir = drop_dir_ / kLedgerFolder;
  const fs::path ledger = ledger_dir / LedgerName(order->source_id);
  std::error_code error;
  if (fs::exists(ledger, error)) return sdk::Status::Ok();
  fs::create_directories(ledger_dir, error);
  if (error) return sdk::Status::IoError("cannot create " + ledger_dir.string() + ": " + error.message());
  Orders05Envelope envelope = envelope_;
  envelope.docnum = DocnumOf(event.event_id);
  std::tie(envelope.created_on, envelope.created_at) = SapDateTime(event.occurred_at_unix_ms);
  const std::string stem = FileSafe(order->order_number) + "_" + FileSafe(event.event_id) + ".xml";
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
  HUB_RETURN_IF_ERROR(files::WriteFileAtomically(drop_dir_, name, content));
  return files::WriteFileAtomically(
      ledger_dir, ledger.filename().string(),
      "file: " + name + "\nevent_id: " + event.event_id + "\ndocnum: " + envelope.docnum + "\n");
}

sdk::Status OrderDrop::CheckHealth() const {
  if (::access(drop_dir_.c_str(), W_OK) != 0) {
    return sdk::Status::Unavailable("drop_dir " + drop_dir_.string() +
                                    " is not a writable folder: " + std::strerror(errno));
  }
  return sdk::Status::Ok();
}

}  // namespace hub::supply_chain
