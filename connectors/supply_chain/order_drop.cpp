#include "supply_chain/order_drop.hpp"

#include <fcntl.h>
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

namespace hub::supply_chain {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLedgerFolder = ".hub_sent";

sdk::Status WriteError(const fs::path& path) {
  return sdk::Status::IoError("cannot write " + path.string() + ": " + std::strerror(errno));
}

// Writes `bytes` to a hidden temporary file beside `target`, flushes it to disk and renames it over
// `target`, so that `target` is either absent or whole.
sdk::Status WriteAtomically(const fs::path& target, const std::string& bytes) {
  const fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".tmp");
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return WriteError(temporary);
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const sdk::Status failed = WriteError(temporary);
      ::close(fd);
      return failed;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) return WriteError(temporary);
  if (std::rename(temporary.c_str(), target.c_str()) != 0) return WriteError(target);
  return sdk::Status::Ok();
}

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

OrderDrop::OrderDrop(fs::path drop_dir, Orders05Envelope envelope, std::string partner_system)
    : drop_dir_(std::move(drop_dir)), envelope_(std::move(envelope)), partner_system_(std::move(partner_system)) {}

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
  const std::string name = "ORDERS05_" + FileSafe(order->order_number) + "_" + FileSafe(event.event_id) + ".xml";
  HUB_RETURN_IF_ERROR(WriteAtomically(drop_dir_ / name, WriteOrders05(*order, envelope)));
  return WriteAtomically(ledger,
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
