#include "trade_formats/edifact_reader.hpp"

namespace hub::trade_formats {

sdk::Result<std::vector<sdk::Record>> ReadEdifactMessage(const EdifactMessage& message) {
  if (!message.rejection.empty()) return sdk::Status::DataError(message.rejection);
  if (message.type == "ORDERS") return ReadEdifactOrders(message);
  if (message.type == "DESADV") return ReadEdifactDesadv(message);
  if (message.type == "INVOIC") return ReadEdifactInvoic(message);
  return sdk::Status::DataError(message.Position() + ": message type '" + message.type +
                                "' is not read (ORDERS, DESADV, INVOIC)");
}

}  // namespace hub::trade_formats
