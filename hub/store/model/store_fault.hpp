// Whose fault a store error met while writing a record is: the record's, which the sink quarantines, or
// the hub's or the store's, which ends the batch and the run.
#ifndef HUB_STORE_MODEL_STORE_FAULT_HPP_
#define HUB_STORE_MODEL_STORE_FAULT_HPP_

#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::store_model {

// True when `refusal`, a writer's error for one record, is the record's own fault: the database refused
// its data (DataError: a constraint, a value too long or of the wrong form — SQLSTATE classes 22 and 23),
// a writer's own check refused a value (InvalidArgument), or it refers to a record the store does not hold
// (NotFound). Anything else is not: SQL the hub generated wrongly or that names a table or column the
// store lacks (Internal: classes 42, 0A, 3F), a writer's check that the hub's own code failed (Internal: a
// reference to an entity the catalog lacks, a record handed to the wrong writer, an unknown dialect token),
// a transaction in a bad state (class 25), a lost connection (Unavailable), or an error nobody classified
// (IoError).
bool IsRecordsFault(const sdk::Status& refusal);

// The error that ends the batch of `job` for `failure`, which is not a record's fault: "job J: a
// statement of the hub's own failed (a hub defect or a damaged store, not the record's fault: nothing is
// quarantined for it and the checkpoint stays): …", followed by the driver's message, which names the
// statement (its SQL, shortened; never its values). A lost store (Unavailable) is returned as it is, for
// StoreUnavailable to name. The code is `failure`'s.
sdk::Status NotTheRecordsFault(std::string_view job, const sdk::Status& failure);

// `failure` of `job`'s batch as "job J: store unavailable: …" when the store was lost (Unavailable: the
// connection, a serialization failure or deadlock to retry later), else `failure` itself.
sdk::Status StoreUnavailable(std::string_view job, const sdk::Status& failure);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_STORE_FAULT_HPP_
