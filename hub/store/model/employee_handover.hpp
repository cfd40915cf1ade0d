// The moment HR reports an employee away — left, or on a leave longer than <leads><routing long_leave_days> — their
// holdings are handed over (leaver_handover.hpp), in the same transaction as the employee's row.
#ifndef HUB_STORE_MODEL_EMPLOYEE_HANDOVER_HPP_
#define HUB_STORE_MODEL_EMPLOYEE_HANDOVER_HPP_

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "leads/lead_rules.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/leaver_handover.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// An employee's status and the last day of their leave, as stored.
struct Absence {
  std::string status;       // active, on_leave, left
  std::string leave_until;  // YYYY-MM-DD; empty: none given
};

// Why `absence` makes its employee away as of `today`: left; or on_leave with no end given, or ending more than
// `long_leave_days` days after `today`. nullopt: not away (active, or a short leave). Pure.
std::optional<AwayCause> AwayCauseOf(const Absence& absence, TimePoint today, int long_leave_days);

// Around the write of a stored employee's row that writes status on_leave or left (others cost nothing): reads the
// stored Absence before and after, and when the employee went away (AwayCauseOf, as of `clock`, was not before,
// is now) hands over what they hold (LeaverHandover). A returning employee, a short leave, one away already, or a
// new row is left alone. Threads: as the connection. Lifetime: the batch; `turn`, `rules` and `clock` outlive it.
// Errors: the driver's Status.
class EmployeeHandover : public EntityExtension {
 public:
  EmployeeHandover(odbc::Connection& connection, const odbc::OutboxTurn& turn, const leads::LeadRules& rules,
                   const Clock& clock)
      : connection_(connection), turn_(turn), rules_(rules), clock_(clock) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id, RowValues& row) override;
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  sdk::Result<Absence> Read(std::int64_t employee_id);

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;
  const leads::LeadRules& rules_;
  const Clock& clock_;
  std::optional<Absence> before_;  // of the record between BeforeRow and AfterRow
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_EMPLOYEE_HANDOVER_HPP_
