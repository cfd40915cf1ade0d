#include "store/model/store_fault.hpp"

#include <string>

namespace hub::store_model {

bool IsRecordsFault(const sdk::Status& refusal) {
  switch (refusal.code()) {
    case sdk::StatusCode::kDataError:
    case sdk::StatusCode::kInvalidArgument:
    case sdk::StatusCode::kNotFound:
      return true;
    default:
      return false;
  }
}

sdk::Status NotTheRecordsFault(std::string_view job, const sdk::Status& failure) {
  // A lost store is said once, where the batch ends (StoreUnavailable), whichever statement met it.
  if (failure.code() == sdk::StatusCode::kUnavailable) return failure;
  return failure.WithContext("job " + std::string(job) +
                             ": a statement of the hub's own failed (a hub defect or a damaged store, not the "
                             "record's fault: nothing is quarantined for it and the checkpoint stays)");
}

sdk::Status StoreUnavailable(std::string_view job, const sdk::Status& failure) {
  if (failure.code() != sdk::StatusCode::kUnavailable) return failure;
  return failure.WithContext("job " + std::string(job) + ": store unavailable");
}

}  // namespace hub::store_model
