// An employee's place in our organization beyond the employees row: team membership, territories owned
// and specialities, from the employee record's team_code / team_role, territory_codes and
// speciality_codes fields.
#ifndef HUB_STORE_MODEL_EMPLOYEE_ASSIGNMENTS_HPP_
#define HUB_STORE_MODEL_EMPLOYEE_ASSIGNMENTS_HPP_

#include "hub/odbc/connection.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/references.hpp"

namespace hub::store_model {

// After an employee row is written, replaces each assignment whose field the mapping fills (a field the
// mapping leaves out leaves those rows alone; a null value clears them, unless another source shares
// the employee): the team (role default member),
// the territories (codes separated by commas, role owner) and the specialities ("code" or "code:level",
// level 1-5, default 1). A code no stored team, territory or speciality has is NotFound (MissingReference), a level out
// of range InvalidArgument. A row just inserted has no assignments yet, so only its new ones are written.
// Threads: as the connection. Lifetime: the batch; `references` must outlive it.
class EmployeeAssignments : public EntityExtension {
 public:
  EmployeeAssignments(odbc::Connection& connection, References& references)
      : connection_(connection), references_(references) {}

  sdk::Status BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id, RowValues&) override {
    new_row_ = !row_id.has_value();
    return sdk::Status::Ok();
  }
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  sdk::Status ReplaceTeam(const model::MappedRecord& record, std::int64_t employee_id);
  sdk::Status ReplaceTerritories(const sdk::Value& codes, std::int64_t employee_id);
  sdk::Status ReplaceSpecialities(const sdk::Value& codes, std::int64_t employee_id);
  // Deletes the employee's rows of `table` unless the employee row was just inserted (it has none).
  sdk::Status ClearUnlessNew(std::string_view table, std::int64_t employee_id);
  // The id of the `entity` row whose natural key is `code`; NotFound naming `field` when there is none.
  sdk::Result<std::int64_t> IdOf(std::string_view entity, const std::string& code, std::string_view field);

  odbc::Connection& connection_;
  References& references_;
  bool new_row_ = false;  // of the record between BeforeRow and AfterRow
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_EMPLOYEE_ASSIGNMENTS_HPP_
