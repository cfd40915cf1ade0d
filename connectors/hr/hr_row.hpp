// One row of an HR roster (花名册) made into the employee record, and the team, territory and speciality
// records that row names.
#ifndef HUB_CONNECTORS_HR_HR_ROW_HPP_
#define HUB_CONNECTORS_HR_HR_ROW_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"

namespace hub::hr {

// The column names the connector knows, as the employee record names them; each is also found under its
// aliases (员工编号, 职位, 电子邮箱, employee_number, ...: see kColumns in hr_row.cpp and the README).
namespace column {
inline constexpr std::string_view kEmployeeNumber = "工号";
inline constexpr std::string_view kName = "姓名";
inline constexpr std::string_view kDepartment = "部门";
inline constexpr std::string_view kDepartmentCode = "部门编码";
inline constexpr std::string_view kParentDepartment = "上级部门";
inline constexpr std::string_view kParentDepartmentCode = "上级部门编码";
inline constexpr std::string_view kRegion = "区域";
inline constexpr std::string_view kRegionCode = "区域编码";
inline constexpr std::string_view kHiredOn = "入职日期";
inline constexpr std::string_view kLeftOn = "离职日期";
inline constexpr std::string_view kStatus = "状态";
inline constexpr std::string_view kStatusSince = "状态变更日期";
inline constexpr std::string_view kIndustrySpecialities = "行业专长";
inline constexpr std::string_view kFunctionSpecialities = "职能专长";
}  // namespace column

// The fields the connector adds to an employee record.
namespace derived {
inline constexpr std::string_view kTeamCode = "team_code";                // the 部门's team code
inline constexpr std::string_view kTerritoryCodes = "territory_codes";    // the 区域 codes, comma-separated
inline constexpr std::string_view kSpecialityCodes = "speciality_codes";  // both 专长 columns' codes
}  // namespace derived

// The names a header row may be recognised by (HrOptions::header_markers by default).
std::vector<std::string> DefaultHeaderMarkers();

// The code a team, territory or speciality gets from its name: NFKC-normalised (full-width letters and
// digits become ASCII) and trimmed of white space. Pure; thread-safe.
std::string CodeOf(std::string_view name);

// The items of a list column: split on 、 , ， ; ；, each trimmed, empty ones left out. Pure.
std::vector<std::string> SplitList(std::string_view text);

// Makes the row `row` — a parsed CSV row (fields named by the header) or a table's row (fields named by its
// columns) — the employee record, in place: entity
// "employee", source id the 工号; each column under its canonical name (aliases renamed, other columns
// kept as they are, every value trimmed); dates (入职日期, 离职日期, 状态变更日期) as date values; 状态
// derived when the export has none (离职 when 离职日期 is on or before `today`, else 在职), and 状态变更日期
// then from 离职日期; and the derived fields team_code (部门编码, else CodeOf(部门)), territory_codes and
// speciality_codes (each code once). Answers why the row cannot be an employee (工号 empty, a date that
// is none), "" when it can. `today` is "YYYY-MM-DD". Pure; thread-safe.
std::string MakeEmployee(sdk::Record& row, std::string_view today);

// The records an employee record made by MakeEmployee refers to, each once, in the order they must be
// stored: the parent team (上级部门), the team (部门), the territories (区域), the specialities (行业专长,
// 职能专长). Each has its code as source id and the fields code, name, and for a team parent_team_code,
// for a speciality description (the column it came from). Pure; thread-safe.
std::vector<sdk::Record> ReferencedRecords(const sdk::Record& employee);

}  // namespace hub::hr

#endif  // HUB_CONNECTORS_HR_HR_ROW_HPP_
