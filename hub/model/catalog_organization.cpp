// Our own organization, from HR: employees, teams, territories and specialities. These entities are keyed
// by natural codes (employee number, team code, ...) that every system shares, so other entities refer to
// them by those codes rather than by source ids.
#include "model/catalog_groups.hpp"

namespace hub::model::internal {
namespace {

using enum FieldType;

// Field(name, type, required, stored in, description[, allowed values[, reference]])
constexpr FieldSpec kEmployee[] = {
    Field("employee_number", kString, kRequired, "employees.employee_number", "HR's employee number (工号)."),
    Field("name", kString, kRequired, "employees.name", "Full name in its own script."),
    Field("name_latin", kString, kOptional, "employees.name_latin", "Name in Latin script."),
    Field("email", kString, kOptional, "employees.email", "Work e-mail address."),
    Field("phone", kString, kOptional, "employees.phone", "Work phone in any common form."),
    Field("title", kString, kOptional, "employees.title", "Job title."),
    Field("department", kString, kOptional, "employees.department", "Department."),
    Field("manager_employee_number", kString, kOptional, "employees.manager_employee_id", "The line manager.", "",
          "employee.employee_number"),
    Field("team_code", kString, kOptional, "team_members.team_id", "The team the employee belongs to.", "",
          "team.code"),
    Field("team_role", kString, kOptional, "team_members.role", "Role in that team (default member).",
          "member|lead|manager"),
    Field("territory_codes", kString, kOptional, "employee_territories",
          "Territories the employee owns, as codes separated by commas."),
    Field("speciality_codes", kString, kOptional, "employee_specialities",
          "Specialities, as codes separated by commas; \"code:level\" gives a level 1-5 (default 1)."),
    Field("status", kString, kOptional, "employees.status", "Employment status (default active).",
          "active|on_leave|left"),
    Field("hired_on", kDate, kOptional, "employees.hired_on", "First day of employment."),
    Field("left_on", kDate, kOptional, "employees.left_on", "Last day of employment."),
};

constexpr FieldSpec kTeam[] = {
    Field("code", kString, kRequired, "teams.code", "The team's code."),
    Field("name", kString, kRequired, "teams.name", "The team's name."),
    Field("parent_team_code", kString, kOptional, "teams.parent_team_id", "The team it is part of.", "", "team.code"),
    Field("status", kString, kOptional, "teams.status", "Whether the team still exists (default active).",
          "active|inactive"),
};

constexpr FieldSpec kTerritory[] = {
    Field("code", kString, kRequired, "territories.code", "The territory's code."),
    Field("name", kString, kRequired, "territories.name", "The territory's name."),
    Field("parent_territory_code", kString, kOptional, "territories.parent_territory_id",
          "The territory it is part of.", "", "territory.code"),
    Field("country", kString, kOptional, "territories.country", "Covers parties in this country (ISO 3166-1 alpha-2)."),
    Field("province", kString, kOptional, "territories.province", "Covers parties in this province."),
    Field("city", kString, kOptional, "territories.city", "Covers parties in this city."),
    Field("industry", kString, kOptional, "territories.industry", "Covers parties in this industry."),
};

constexpr FieldSpec kSpeciality[] = {
    Field("code", kString, kRequired, "specialities.code", "The speciality's code, e.g. erp_finance or japanese."),
    Field("name", kString, kRequired, "specialities.name", "The speciality's name."),
    Field("description", kString, kOptional, "specialities.description", "What it covers."),
};

constexpr EntitySpec kEntities[] = {
    {"employee", "employees", "One of our employees, with team, territories and specialities.", kEmployee,
     "employee_number"},
    {"team", "teams", "A sales or service team.", kTeam, "code"},
    {"territory", "territories", "A territory that sales ownership and lead routing are organized by.", kTerritory,
     "code"},
    {"speciality", "specialities", "A skill that lead routing can ask for: product line, industry, language.",
     kSpeciality, "code"},
};

}  // namespace

std::span<const EntitySpec> OrganizationEntities() { return kEntities; }

}  // namespace hub::model::internal
