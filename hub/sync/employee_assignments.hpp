// An employee's place in our organization beyond the employees row: team membership, territories owned
// and specialities, from the employee record's team_code / team_role, territory_codes and
// speciality_codes fields.
#ifndef HUB_SYNC_EMPLOYEE_ASSIGNMENTS_HPP_
#define HUB_SYNC_EMPLOYEE_ASSIGNMENTS_HPP_

#include "hub/odbc/connection.hpp"
#include "sync/entity_extension.hpp"
#include "sync/references.hpp"

namespace hub::sync {

// After an employee row is written, replaces each assignment whose field the mapping fills (a field the
// mapping leaves out leaves those rows alone; a null value clears them, unless another source shares
// the employee): the team (role default member),
// the territories (codes separated by commas, role owner) and the specialities ("code" or "code:level",
// level 1-5, default 1). A code no stored team, territory or speciality has is NotFound (MissingReference), a level out
// of range InvalidArgument. Threads: as the connection. Lifetime: the batch; `references` must outlive it.
class EmployeeAssignments : public EntityExtension {
 public:
  EmployeeAssignments(odbc::Connection& connection, References& references)
      : connection_(connection), references_(references) {}

  sdk::Status BeforeRow(const mapping::MappedRecord&, std::optional<std::int64_t>, RowValues&) override {
    return sdk::Status::Ok();
  }
  sdk::Status AfterRow(const mapping::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  sdk::Status ReplaceTeam(const mapping::MappedRecord& record, std::int64_t employee_id);
  sdk::Status ReplaceTerritories(const sdk::Value& codes, std::int64_t employee_id);
  sdk::Status ReplaceSpecialities(const sdk::Value& codes, std::int64_t employee_id);
  // The id of the `entity` row whose natural key is `code`; NotFound naming `field` when there is none.
  sdk::Result<std::int64_t> IdOf(std::string_view entity, const std::string& code, std::string_view field);

  odbc::Connection& connection_;
  References& references_;
};

}  // namespace hub::sync

#endif  // HUB_SYNC_EMPLOYEE_ASSIGNMENTS_HPP_
