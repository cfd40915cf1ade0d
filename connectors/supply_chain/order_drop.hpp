// Outbound orders into the drop folder: one ORDERS05 file per order, written atomically, at most once.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_ORDER_DROP_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_ORDER_DROP_HPP_

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "hub/files/drop_ledger.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "supply_chain/orders05_writer.hpp"

namespace hub::supply_chain {

// The format of the files OrderDrop writes: the `outbound_format` option.
enum class OutboundFormat { kIdoc, kUbl };

// Writes each order event as `ORDERS05_<order number>_<event id>.xml` (with OutboundFormat::kUbl a UBL 2.1
// Order, `ORDER_<order number>_<event id>.xml`, by trade_formats::WriteUblOrder) into drop_dir: first to a hidden
// temporary file, flushed, then renamed, so the receiving side never sees half a file. Once per order:
// the ledger `drop_dir/.hub_sent/<order source id>` is checked first and written after the file, so a
// redelivery, or a later update of an order already sent, writes nothing (order changes are not sent).
// A redelivery after a crash between the two writes the same name again (the name holds the event id), so
// there is still one file. The ledger lives with the folder: every hub delivering there must share it.
// The folder and its ledger are a files::DropLedger. Not thread-safe; one call at a time.
class OrderDrop {
 public:
  // `envelope` gives the control record's partners and ports; its docnum and dates are set per event.
  OrderDrop(std::filesystem::path drop_dir, Orders05Envelope envelope, std::string partner_system,
            OutboundFormat format = OutboundFormat::kIdoc);

  // Writes the events in order and answers how many were accepted (all, or the prefix before a failure
  // of the folder). DataError for an event that cannot become an order (OrderOfEvent) when it is the first
  // of the batch, else the prefix before it; IoError when the folder cannot be written.
  sdk::Result<std::size_t> Write(const std::vector<sdk::OutboundEvent>& events);

  // OK when drop_dir exists and is writable; Unavailable otherwise.
  sdk::Status CheckHealth() const;

 private:
  sdk::Status WriteOne(const sdk::OutboundEvent& event);

  files::DropLedger ledger_;  // drop_dir and its .hub_sent ledger
  Orders05Envelope envelope_;
  std::string partner_system_;
  OutboundFormat format_;
};

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_ORDER_DROP_HPP_
