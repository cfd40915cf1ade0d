// Our own organization, from HR: employees, teams, territories and specialities. These entities are keyed
// by natural codes (employee number, team code, ...) that every system shares, so other entities refer to
// them by those codes rather than by source ids.
#include "model/catalog_groups.hpp"

namespace hub::model::internal {
namespace {

using enum FieldType;

// Field(name, type, required, storage, description[, allowed values[, reference]])[.Default…]
constexpr FieldSpec kEmployee[] = {
    Field("employee_number", kString, kRequired, Column("employees", "employee_number"),
          "HR's employee number (工号)."),
    Field("name", kString, kRequired, Column("employees", "name"), "Full name in its own script."),
    Field("name_latin", kString, kOptional, Column("employees", "name_latin"), "Name in Latin script."),
    Field("email", kString, kOptional,
          Column("employees", "email").Derived(DerivedForm::kNormalizedEmail, "email_normalized"),
          "Work e-mail address."),
    Field("phone", kString, kOptional, Column("employees", "phone").Derived(DerivedForm::kE164Phone, "phone_e164"),
          "Work phone in any common form."),
    Field("title", kString, kOptional, Column("employees", "title"), "Job title."),
    Field("department", kString, kOptional, Column("employees", "department"), "Department."),
    Field("manager_employee_number", kString, kOptional, Column("employees", "manager_employee_id"),
          "The line manager.", "", "employee.employee_number"),
    Field("team_code", kString, kOptional, Column("team_members", "team_id"), "The team the employee belongs to.", "",
          "team.code"),
    Field("team_role", kString, kOptional, Column("team_members", "role"), "Role in that team (default member).",
          "member|lead|manager")
        .Default("member"),
    Field("territory_codes", kString, kOptional, Rows("employee_territories"),
          "Territories the employee owns, as codes separated by commas."),
    Field("speciality_codes", kString, kOptional, Rows("employee_specialities"),
          "Specialities, as codes separated by commas; \"code:level\" gives a level 1-5 (1 when none is given)."),
    Field("status", kString, kOptional, Column("employees", "status"), "Employment status (default active).",
          "active|on_leave|left")
        .Default("active"),
    Field("hired_on", kDate, kOptional, Column("employees", "hired_on"), "First day of employment."),
    Field("left_on", kDate, kOptional, Column("employees", "left_on"), "Last day of employment."),
    Field("capacity", kInt64, kOptional, Column("employees", "capacity"),
          "How many open leads the employee can carry at once."),
    Field("status_since", kDate, kOptional, Column("employees", "status_since"),
          "The day the status took effect (carried in employee.status_changed events)."),
    Field("leave_until", kDate, kOptional, Column("employees", "leave_until"),
          "The last day of a leave (status on_leave); none: open-ended. A leave longer than <leads><routing "
          "long_leave_days> hands over the employee's leads, opportunities and customers."),
};

constexpr FieldSpec kTeam[] = {
    Field("code", kString, kRequired, Column("teams", "code"), "The team's code."),
    Field("name", kString, kRequired, Column("teams", "name"), "The team's name."),
    Field("parent_team_code", kString, kOptional, Column("teams", "parent_team_id"), "The team it is part of.", "",
          "team.code"),
    Field("status", kString, kOptional, Column("teams", "status"), "Whether the team still exists (default active).",
          "active|inactive")
        .Default("active"),
};

constexpr FieldSpec kTerritory[] = {
    Field("code", kString, kRequired, Column("territories", "code"), "The territory's code."),
    Field("name", kString, kRequired, Column("territories", "name"), "The territory's name."),
    Field("parent_territory_code", kString, kOptional, Column("territories", "parent_territory_id"),
          "The territory it is part of.", "", "territory.code"),
    Field("country", kString, kOptional, Column("territories", "country"),
          "Covers parties in this country (ISO 3166-1 alpha-2)."),
    Field("province", kString, kOptional, Column("territories", "province"), "Covers parties in this province."),
    Field("city", kString, kOptional, Column("territories", "city"), "Covers parties in this city."),
    Field("industry", kString, kOptional, Column("territories", "industry"), "Covers parties in this industry."),
};

constexpr FieldSpec kSpeciality[] = {
    Field("code", kString, kRequired, Column("specialities", "code"),
          "The speciality's code, e.g. erp_finance or japanese."),
    Field("name", kString, kRequired, Column("specialities", "name"), "The speciality's name."),
    Field("description", kString, kOptional, Column("specialities", "description"), "What it covers."),
};

constexpr EntitySpec kEntities[] = {
    {"employee", "employees", "One of our employees, with team, territories and specialities.", kEmployee,
     "employee_number", kHasUpdatedAt},
    {"team", "teams", "A sales or service team.", kTeam, "code", kHasUpdatedAt},
    {"territory", "territories", "A territory that sales ownership and lead routing are organized by.", kTerritory,
     "code", kHasUpdatedAt},
    {"speciality", "specialities", "A skill that lead routing can ask for: product line, industry, language.",
     kSpeciality, "code", kHasUpdatedAt},
};

}  // namespace

std::span<const EntitySpec> OrganizationEntities() { return kEntities; }

}  // namespace hub::model::internal
