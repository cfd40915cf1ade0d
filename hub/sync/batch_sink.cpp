#include "sync/batch_sink.hpp"

namespace hub::sync {

std::string RejectionDetail(const sdk::Record& record) {
  const std::string& rejection = record.rejection;
  if (record.position.empty() || rejection.rfind(record.position + ": ", 0) != 0) return rejection;
  return rejection.substr(record.position.size() + 2);
}

}  // namespace hub::sync
