#include "store/model/staff_managers.hpp"

#include <vector>

#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {

sdk::Result<std::optional<std::int64_t>> ReadManagerOf(odbc::Connection& connection, std::int64_t employee_id) {
  const sdk::Value employee = sdk::Value::Int64(employee_id);
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection,
      "SELECT e.manager_employee_id, 0, 0 FROM employees e JOIN employees m ON m.id = e.manager_employee_id "
      "AND m.status <> 'left' WHERE e.id = ? AND e.manager_employee_id <> e.id "
      "UNION ALL SELECT m.employee_id, 1, m.team_id FROM team_members mine "
      "JOIN team_members m ON m.team_id = mine.team_id AND m.role = 'manager' AND m.employee_id <> mine.employee_id "
      "JOIN employees boss ON boss.id = m.employee_id AND boss.status <> 'left' WHERE mine.employee_id = ? "
      "ORDER BY 2, 3, 1",
      {employee, employee});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::int64_t>();
  return OptionalId(rows->front()[0]);
}

}  // namespace hub::store_model
