// Whom to tell about an employee's work: their manager as HR describes it.
#ifndef HUB_STORE_MODEL_STAFF_MANAGERS_HPP_
#define HUB_STORE_MODEL_STAFF_MANAGERS_HPP_

#include <cstdint>
#include <optional>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// The manager of employee `employee_id`: their line manager (employees.manager_employee_id), else a manager
// (team_members.role manager) of a team they work in — the lowest team id, then the lowest employee id; never
// the employee themselves, nor one who has left. nullopt when there is none. Threads: as the connection. Errors:
// the driver's Status.
sdk::Result<std::optional<std::int64_t>> ReadManagerOf(odbc::Connection& connection, std::int64_t employee_id);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_STAFF_MANAGERS_HPP_
