#include "store/model/employee_handover.hpp"

#include <chrono>
#include <cstdio>
#include <vector>

#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

// The day `text` (YYYY-MM-DD) names; nullopt for any other text.
std::optional<std::chrono::sys_days> DayOf(const std::string& text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date);
}

}  // namespace

std::optional<AwayCause> AwayCauseOf(const Absence& absence, TimePoint today, int long_leave_days) {
  if (absence.status == "left") return AwayCause::kLeft;
  if (absence.status != "on_leave") return std::nullopt;
  const std::optional<std::chrono::sys_days> until = DayOf(absence.leave_until);
  if (!until) return AwayCause::kLongLeave;
  const auto day = std::chrono::floor<std::chrono::days>(today);
  if (*until - day > std::chrono::days(long_leave_days)) return AwayCause::kLongLeave;
  return std::nullopt;
}

sdk::Result<Absence> EmployeeHandover::Read(std::int64_t employee_id) {
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection_, "SELECT status, leave_until FROM employees WHERE id = ?", {sdk::Value::Int64(employee_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Absence{};
  return Absence{TextOrEmpty(rows->front()[0]), TextOrEmpty(rows->front()[1])};
}

sdk::Status EmployeeHandover::BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id,
                                        RowValues& row) {
  before_.reset();
  const std::string status = row.Written("status");
  if (!row_id || (status != "left" && status != "on_leave")) return sdk::Status::Ok();
  sdk::Result<Absence> before = Read(*row_id);
  if (!before.ok()) return before.status();
  before_ = std::move(before).value();
  return sdk::Status::Ok();
}

sdk::Status EmployeeHandover::AfterRow(const model::MappedRecord&, std::int64_t row_id, std::int64_t, bool) {
  if (!before_) return sdk::Status::Ok();
  const Absence before = std::move(*before_);
  before_.reset();
  const TimePoint now = clock_.Now();
  const int long_leave_days = rules_.routing.long_leave_days;
  if (AwayCauseOf(before, now, long_leave_days)) return sdk::Status::Ok();
  sdk::Result<Absence> after = Read(row_id);
  if (!after.ok()) return after.status();
  const std::optional<AwayCause> cause = AwayCauseOf(*after, now, long_leave_days);
  if (!cause) return sdk::Status::Ok();
  LeaverHandover handover(connection_, turn_, rules_);
  return handover.HandOver(row_id, *cause, now).status();
}

}  // namespace hub::store_model
