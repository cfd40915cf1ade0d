#include "sync/batch_sink.hpp"

namespace hub::sync {

std::string QuarantineReason(const sdk::Record& record) {
  // Connectors usually put the position in front of the reason already; do not say it twice.
  if (record.position.empty() || record.rejection.rfind(record.position, 0) == 0) return record.rejection;
  return record.position + ": " + record.rejection;
}

}  // namespace hub::sync
