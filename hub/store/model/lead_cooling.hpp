// The cooling period of an abandoned customer: a party whose lead was abandoned lately is held back from new
// assignment (<leads><funnel cooling_days>), and never deleted. What the lead router asks before it assigns.
#ifndef HUB_STORE_MODEL_LEAD_COOLING_HPP_
#define HUB_STORE_MODEL_LEAD_COOLING_HPP_

#include <cstdint>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// True when a lead of party `party_id` entered the abandoned stage less than `days` days before `now` (a lead
// abandoned exactly `days` days ago has cooled). Reads only; on the caller's connection, in its transaction if it
// holds one. Threads: as the connection. Errors: the driver's Status.
sdk::Result<bool> InCoolingPeriod(odbc::Connection& connection, std::int64_t party_id, TimePoint now, int days);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_COOLING_HPP_
