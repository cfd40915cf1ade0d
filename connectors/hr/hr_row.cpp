#include "hr/hr_row.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <utility>

#include "hr/hr_dates.hpp"
#include "hub/files/trim.hpp"

namespace hub::hr {
namespace {

// A column the connector knows: its canonical name and the other headers exports use for it.
struct KnownColumn {
  std::string_view name;
  std::array<std::string_view, 4> aliases;
};

constexpr KnownColumn kColumns[] = {
    {column::kEmployeeNumber, {"员工编号", "员工工号", "employee_number", ""}},
    {column::kName, {"员工姓名", "name", "", ""}},
    {column::kDepartment, {"部门名称", "所属部门", "department", ""}},
    {column::kDepartmentCode, {"部门代码", "department_code", "", ""}},
    {column::kParentDepartment, {"上级部门名称", "parent_department", "", ""}},
    {column::kParentDepartmentCode, {"上级部门代码", "parent_department_code", "", ""}},
    {"职务", {"职位", "岗位", "title", ""}},
    {"角色", {"团队角色", "role", "", ""}},
    {column::kRegion, {"地区", "大区", "负责区域", "region"}},
    {column::kRegionCode, {"地区编码", "region_code", "", ""}},
    {column::kHiredOn, {"入职时间", "hired_on", "", ""}},
    {column::kLeftOn, {"离职时间", "left_on", "", ""}},
    {column::kStatus, {"在职状态", "员工状态", "status", ""}},
    {column::kStatusSince, {"状态日期", "status_since", "", ""}},
    {"上级工号", {"直属上级工号", "manager_employee_number", "", ""}},
    {"手机", {"手机号", "手机号码", "mobile", ""}},
    {"电话", {"办公电话", "phone", "", ""}},
    {"邮箱", {"电子邮箱", "email", "", ""}},
    {column::kIndustrySpecialities, {"industry_specialities", "", "", ""}},
    {column::kFunctionSpecialities, {"function_specialities", "", "", ""}},
    {"产能", {"负荷上限", "capacity", "", ""}},
};

constexpr std::string_view kLeft = "离职";
constexpr std::string_view kActive = "在职";
constexpr std::string_view kListSeparators[] = {"、", ",", "，", ";", "；"};

std::string_view CanonicalName(std::string_view header) {
  for (const KnownColumn& known : kColumns) {
    if (header == known.name) return known.name;
    for (std::string_view alias : known.aliases) {
      if (!alias.empty() && header == alias) return known.name;
    }
  }
  return header;
}

// The text of a field, "" when missing or not text. A table's integer column reads as its digits, a
// TIMESTAMP column (入职日期 kept as a date-time) as its UTC calendar day.
std::string TextOf(const sdk::Record& record, std::string_view name) {
  const sdk::Value* value = record.Find(name);
  if (value == nullptr || value->is_null()) return "";
  if (value->type() == sdk::ValueType::kInt64) return std::to_string(value->integer());
  if (value->type() == sdk::ValueType::kTimestamp) {
    return IsoDay(std::chrono::system_clock::time_point(std::chrono::milliseconds(value->integer())),
                  std::chrono::minutes(0));
  }
  return value->text();
}

void Put(sdk::Record& record, std::string_view name, sdk::Value value) {
  for (sdk::Field& field : record.fields) {
    if (field.name == name) {
      field.value = std::move(value);
      return;
    }
  }
  record.Set(std::string(name), std::move(value));
}

std::string Joined(const std::vector<std::string>& codes) {
  std::string text;
  for (const std::string& code : codes) text += (text.empty() ? "" : ",") + code;
  return text;
}

// The codes of `names` appended to `codes`, each once.
void AppendCodes(const std::vector<std::string>& names, std::vector<std::string>* codes) {
  for (const std::string& name : names) {
    std::string code = CodeOf(name);
    if (std::find(codes->begin(), codes->end(), code) == codes->end()) codes->push_back(std::move(code));
  }
}

// Renames aliases to the canonical names and trims the values.
void Canonicalise(sdk::Record& row) {
  for (sdk::Field& field : row.fields) {
    field.name = std::string(CanonicalName(files::TrimBlanks(field.name)));
    if (field.value.type() == sdk::ValueType::kString)
      field.value = sdk::Value::String(std::string(files::TrimBlanks(field.value.text())));
  }
}

// The date columns as date values; the reason when one holds something else.
std::string ConvertDates(sdk::Record& row) {
  for (std::string_view name : {column::kHiredOn, column::kLeftOn, column::kStatusSince}) {
    const std::string text = TextOf(row, name);
    if (text.empty()) {
      if (row.Find(name) != nullptr) Put(row, name, sdk::Value::Null());
      continue;
    }
    std::optional<std::string> iso = IsoDate(text);
    if (!iso) return std::string(name) + " '" + text + "' is not a date (" + std::string(kDateForms) + ")";
    Put(row, name, sdk::Value::Date(*iso));
  }
  return "";
}

sdk::Record Referenced(std::string entity, const std::string& code, const std::string& name) {
  sdk::Record record;
  record.entity = std::move(entity);
  record.source_id = code;
  record.Set("code", sdk::Value::String(code));
  record.Set("name", sdk::Value::String(name));
  return record;
}

}  // namespace

std::vector<std::string> DefaultHeaderMarkers() {
  std::vector<std::string> markers{std::string(column::kEmployeeNumber)};
  for (const KnownColumn& known : kColumns) {
    if (known.name != column::kEmployeeNumber) continue;
    for (std::string_view alias : known.aliases) {
      if (!alias.empty()) markers.emplace_back(alias);
    }
  }
  return markers;
}

std::string CodeOf(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string code;
  if (U_FAILURE(status)) return std::string(files::TrimBlanks(name));
  icu::UnicodeString normalized = nfkc->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))), status);
  if (U_FAILURE(status)) return std::string(files::TrimBlanks(name));
  normalized.toUTF8String(code);
  return std::string(files::TrimBlanks(code));
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t separator = 0;
    for (std::string_view candidate : kListSeparators) {
      if (text.substr(at).starts_with(candidate)) separator = candidate.size();
    }
    if (at == text.size() || separator != 0) {
      std::string_view item = files::TrimBlanks(text.substr(start, at - start));
      if (!item.empty()) items.emplace_back(item);
      at += separator == 0 ? 1 : separator;
      start = at;
    } else {
      ++at;
    }
  }
  return items;
}

std::string MakeEmployee(sdk::Record& row, std::string_view today) {
  Canonicalise(row);
  row.entity = "employee";
  row.source_id = TextOf(row, column::kEmployeeNumber);
  if (row.source_id.empty()) return std::string(column::kEmployeeNumber) + " is empty";
  if (std::string problem = ConvertDates(row); !problem.empty()) return problem;
  if (TextOf(row, column::kStatus).empty()) {
    const sdk::Value* left_on = row.Find(column::kLeftOn);
    const bool left = left_on != nullptr && left_on->type() == sdk::ValueType::kDate && left_on->text() <= today;
    Put(row, column::kStatus, sdk::Value::String(std::string(left ? kLeft : kActive)));
    if (left && TextOf(row, column::kStatusSince).empty()) Put(row, column::kStatusSince, *left_on);
  }
  std::string team = TextOf(row, column::kDepartmentCode);
  if (team.empty()) team = CodeOf(TextOf(row, column::kDepartment));
  if (!team.empty()) Put(row, derived::kTeamCode, sdk::Value::String(team));
  std::vector<std::string> regions = SplitList(TextOf(row, column::kRegionCode));
  if (regions.empty()) AppendCodes(SplitList(TextOf(row, column::kRegion)), &regions);
  if (!regions.empty()) Put(row, derived::kTerritoryCodes, sdk::Value::String(Joined(regions)));
  std::vector<std::string> specialities;
  AppendCodes(SplitList(TextOf(row, column::kIndustrySpecialities)), &specialities);
  AppendCodes(SplitList(TextOf(row, column::kFunctionSpecialities)), &specialities);
  if (!specialities.empty()) Put(row, derived::kSpecialityCodes, sdk::Value::String(Joined(specialities)));
  return "";
}

std::vector<sdk::Record> ReferencedRecords(const sdk::Record& employee) {
  std::vector<sdk::Record> records;
  std::string parent_code = TextOf(employee, column::kParentDepartmentCode);
  const std::string parent_name = TextOf(employee, column::kParentDepartment);
  if (parent_code.empty()) parent_code = CodeOf(parent_name);
  if (!parent_code.empty())
    records.push_back(Referenced("team", parent_code, parent_name.empty() ? parent_code : parent_name));
  const std::string team = TextOf(employee, derived::kTeamCode);
  if (!team.empty()) {
    const std::string name = TextOf(employee, column::kDepartment);
    sdk::Record record = Referenced("team", team, name.empty() ? team : name);
    if (!parent_code.empty()) record.Set("parent_team_code", sdk::Value::String(parent_code));
    records.push_back(std::move(record));
  }
  const std::vector<std::string> region_names = SplitList(TextOf(employee, column::kRegion));
  const std::vector<std::string> region_codes = SplitList(TextOf(employee, derived::kTerritoryCodes));
  for (std::size_t i = 0; i < region_codes.size(); ++i) {
    const bool named = region_names.size() == region_codes.size();
    records.push_back(Referenced("territory", region_codes[i], named ? region_names[i] : region_codes[i]));
  }
  for (std::string_view list : {column::kIndustrySpecialities, column::kFunctionSpecialities}) {
    for (const std::string& name : SplitList(TextOf(employee, list))) {
      sdk::Record record = Referenced("speciality", CodeOf(name), name);
      record.Set("description", sdk::Value::String(std::string(list)));
      records.push_back(std::move(record));
    }
  }
  return records;
}

}  // namespace hub::hr
