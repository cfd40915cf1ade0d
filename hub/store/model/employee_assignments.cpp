#include "store/model/employee_assignments.hpp"

#include <charconv>
#include <set>
#include <string>
#include <vector>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The codes of a list "A, B,C" (ASCII or full-width commas, blanks around codes ignored), each once.
std::vector<std::string> SplitCodes(const std::string& text) {
  std::string unified = text;
  for (std::size_t at = unified.find("，"); at != std::string::npos; at = unified.find("，", at)) {
    unified.replace(at, std::string_view("，").size(), ",");
  }
  std::vector<std::string> codes;
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= unified.size()) {
    std::size_t comma = unified.find(',', start);
    if (comma == std::string::npos) comma = unified.size();
    std::string code = unified.substr(start, comma - start);
    code.erase(0, code.find_first_not_of(" \t"));
    code.erase(code.find_last_not_of(" \t") + 1);
    if (!code.empty() && seen.insert(code).second) codes.push_back(code);
    start = comma + 1;
  }
  return codes;
}

sdk::Status Exec(odbc::Connection& connection, std::string_view sql, const std::vector<Value>& params) {
  auto executed = ExecuteStoreStatement(connection, sql, params);
  return executed.ok() ? sdk::Status::Ok() : executed.status();
}

}  // namespace

sdk::Status EmployeeAssignments::AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t,
                                          bool shared_row) {
  // Whether the record says something about `field`: mapped, and not null on a row another source shares.
  auto says = [&](std::string_view field) {
    const Value* value = record.Find(field);
    return value != nullptr && !(shared_row && value->is_null());
  };
  if (says("team_code")) HUB_RETURN_IF_ERROR(ReplaceTeam(record, row_id));
  if (says("territory_codes")) HUB_RETURN_IF_ERROR(ReplaceTerritories(*record.Find("territory_codes"), row_id));
  if (says("speciality_codes")) HUB_RETURN_IF_ERROR(ReplaceSpecialities(*record.Find("speciality_codes"), row_id));
  return sdk::Status::Ok();
}

sdk::Status EmployeeAssignments::ReplaceTeam(const model::MappedRecord& record, std::int64_t employee_id) {
  HUB_RETURN_IF_ERROR(ClearUnlessNew("team_members", employee_id));
  const Value* code = record.Find("team_code");
  if (code->is_null()) return sdk::Status::Ok();
  sdk::Result<std::int64_t> team_id = IdOf("team", code->text(), "team_code");
  if (!team_id.ok()) return team_id.status();
  const Value* role = record.Find("team_role");
  return Exec(
      connection_, "INSERT INTO team_members (team_id, employee_id, role) VALUES (?, ?, ?)",
      {Value::Int64(*team_id), Value::Int64(employee_id),
       role == nullptr || role->is_null() ? Value::String(std::string(record.DeclaredDefault("team_role"))) : *role});
}

sdk::Status EmployeeAssignments::ReplaceTerritories(const Value& codes, std::int64_t employee_id) {
  HUB_RETURN_IF_ERROR(ClearUnlessNew("employee_territories", employee_id));
  if (codes.is_null()) return sdk::Status::Ok();
  for (const std::string& code : SplitCodes(codes.text())) {
    sdk::Result<std::int64_t> territory_id = IdOf("territory", code, "territory_codes");
    if (!territory_id.ok()) return territory_id.status();
    HUB_RETURN_IF_ERROR(Exec(connection_, "INSERT INTO employee_territories (employee_id, territory_id) VALUES (?, ?)",
                             {Value::Int64(employee_id), Value::Int64(*territory_id)}));
  }
  return sdk::Status::Ok();
}

sdk::Status EmployeeAssignments::ReplaceSpecialities(const Value& codes, std::int64_t employee_id) {
  HUB_RETURN_IF_ERROR(ClearUnlessNew("employee_specialities", employee_id));
  if (codes.is_null()) return sdk::Status::Ok();
  std::set<std::string> stored;
  for (const std::string& entry : SplitCodes(codes.text())) {
    const std::size_t colon = entry.find(':');
    const std::string code = entry.substr(0, colon);
    int level = 1;
    if (colon != std::string::npos) {
      const std::string digits = entry.substr(colon + 1);
      auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), level);
      if (error != std::errc() || end != digits.data() + digits.size() || level < 1 || level > 5) {
        return sdk::Status::InvalidArgument("speciality '" + entry + "' (speciality_codes): the level must be 1 to 5");
      }
    }
    if (!stored.insert(code).second) continue;
    sdk::Result<std::int64_t> speciality_id = IdOf("speciality", code, "speciality_codes");
    if (!speciality_id.ok()) return speciality_id.status();
    HUB_RETURN_IF_ERROR(Exec(connection_,
                             "INSERT INTO employee_specialities (employee_id, speciality_id, level) VALUES (?, ?, ?)",
                             {Value::Int64(employee_id), Value::Int64(*speciality_id), Value::Int64(level)}));
  }
  return sdk::Status::Ok();
}

sdk::Status EmployeeAssignments::ClearUnlessNew(std::string_view table, std::int64_t employee_id) {
  if (new_row_) return sdk::Status::Ok();
  return Exec(connection_, "DELETE FROM " + std::string(table) + " WHERE employee_id = ?", {Value::Int64(employee_id)});
}

sdk::Result<std::int64_t> EmployeeAssignments::IdOf(std::string_view entity, const std::string& code,
                                                    std::string_view field) {
  sdk::Result<std::optional<std::int64_t>> id = references_.FindByNaturalKey(*model::FindEntity(entity), code);
  if (!id.ok()) return id.status();
  if (!*id) return MissingReference(entity, code, field);
  return **id;
}

}  // namespace hub::store_model
