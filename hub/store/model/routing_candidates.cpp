#include "store/model/routing_candidates.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "store/model/store_statements.hpp"
#include "store/model/stored_number.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

std::string TextOf(const Value& value) { return value.is_null() ? std::string() : value.text(); }

leads::Availability AvailabilityOf(const std::string& status) {
  if (status == "on_leave") return leads::Availability::kOnLeave;
  if (status == "left") return leads::Availability::kLeft;
  return leads::Availability::kActive;
}

// What a person holds, was given today and signed (RoutingCandidate's open_holdings, intake_today, signings), as
// three columns over the employee `e`.
const std::string kLoadColumns =
    "(SELECT COUNT(*) FROM leads l WHERE l.owner_employee_id = e.id AND l." + std::string(kOpenLeadStage) +
    ") + (SELECT COUNT(*) FROM opportunities o WHERE o.owner_employee_id = e.id AND o.status = 'open' "
    "AND o.lead_id IS NULL), "
    "(SELECT COUNT(*) FROM lead_assignments a WHERE a.employee_id = e.id AND a.assigned_at >= {{today}}), "
    "(SELECT COUNT(*) FROM leads l WHERE l.owner_employee_id = e.id AND l.stage IN ('signed', 'implemented')) + "
    "(SELECT COUNT(*) FROM opportunities o WHERE o.owner_employee_id = e.id AND o.status = 'won' "
    "AND o.lead_id IS NULL)";

const std::string kStaffSql =
    "SELECT e.id, e.name, e.status, e.capacity, t.id, t.code, " + kLoadColumns +
    " FROM employees e "
    "JOIN (SELECT m.employee_id, MIN(m.team_id) AS team_id FROM team_members m "
    "JOIN teams active ON active.id = m.team_id AND active.status = 'active' GROUP BY m.employee_id) f ON "
    "f.employee_id = e.id "
    "JOIN teams t ON t.id = f.team_id WHERE e.status <> 'left' ORDER BY e.id";

const std::string kOneLoadSql = "SELECT e.status, " + kLoadColumns + " FROM employees e WHERE e.id = ?";

// Each row a speciality (its level) or a territory (its place and role) of an employee.
constexpr std::string_view kAssignmentsSql =
    "SELECT es.employee_id, 'speciality', s.code, es.level, NULL, NULL, NULL, NULL FROM employee_specialities es "
    "JOIN specialities s ON s.id = es.speciality_id "
    "UNION ALL SELECT et.employee_id, 'territory', t.code, NULL, t.country, t.province, t.city, et.role "
    "FROM employee_territories et JOIN territories t ON t.id = et.territory_id";

// The load columns of `row` from `first` on (kLoadColumns) into `candidate`.
void SetLoad(const odbc::Row& row, std::size_t first, leads::RoutingCandidate& candidate) {
  candidate.open_holdings = static_cast<int>(IntegerOf(row[first]));
  candidate.intake_today = static_cast<int>(IntegerOf(row[first + 1]));
  candidate.signings = static_cast<int>(IntegerOf(row[first + 2]));
}

sdk::Status AddAssignments(odbc::Connection& connection, std::vector<leads::RoutingCandidate>& staff) {
  std::map<std::int64_t, leads::RoutingCandidate*> by_id;
  for (leads::RoutingCandidate& candidate : staff) by_id[candidate.employee_id] = &candidate;
  auto rows = QueryStoreRows(connection, kAssignmentsSql, {});
  if (!rows.ok()) return rows.status();
  for (const odbc::Row& row : *rows) {
    const auto found = by_id.find(IntegerOf(row[0]));
    if (found == by_id.end()) continue;
    leads::RoutingCandidate& candidate = *found->second;
    if (row[1].text() == "speciality") {
      candidate.specialities.push_back({row[2].text(), static_cast<int>(IntegerOf(row[3]))});
    } else {
      candidate.territories.push_back(
          {row[2].text(), TextOf(row[4]), TextOf(row[5]), TextOf(row[6]), TextOf(row[7]) == "owner"});
    }
  }
  return sdk::Status::Ok();
}

}  // namespace

sdk::Result<std::vector<leads::RoutingCandidate>> ReadRoutingCandidates(odbc::Connection& connection) {
  auto rows = QueryStoreRows(connection, kStaffSql, {});
  if (!rows.ok()) return rows.status();
  std::vector<leads::RoutingCandidate> staff;
  staff.reserve(rows->size());
  for (const odbc::Row& row : *rows) {
    leads::RoutingCandidate candidate;
    candidate.employee_id = IntegerOf(row[0]);
    candidate.name = row[1].text();
    candidate.availability = AvailabilityOf(row[2].text());
    if (!row[3].is_null()) candidate.capacity = static_cast<int>(IntegerOf(row[3]));
    candidate.team_id = IntegerOf(row[4]);
    candidate.team_code = row[5].text();
    SetLoad(row, 6, candidate);
    staff.push_back(std::move(candidate));
  }
  HUB_RETURN_IF_ERROR(AddAssignments(connection, staff));
  return staff;
}

sdk::Status RereadLoad(odbc::Connection& connection, leads::RoutingCandidate& candidate) {
  auto rows = QueryStoreRows(connection, kOneLoadSql, {Value::Int64(candidate.employee_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    candidate.availability = leads::Availability::kLeft;
    return sdk::Status::Ok();
  }
  candidate.availability = AvailabilityOf(rows->front()[0].text());
  SetLoad(rows->front(), 1, candidate);
  return sdk::Status::Ok();
}

void CountReassignment(std::vector<leads::RoutingCandidate>& staff, std::optional<std::int64_t> from, std::int64_t to) {
  for (leads::RoutingCandidate& candidate : staff) {
    if (candidate.employee_id == to) {
      ++candidate.open_holdings;
      ++candidate.intake_today;
    } else if (candidate.employee_id == from) {
      --candidate.open_holdings;
    }
  }
}

sdk::Result<std::vector<std::int64_t>> ReadFamiliarStaff(odbc::Connection& connection, std::int64_t party_id) {
  const Value party = Value::Int64(party_id);
  auto rows = QueryStoreRows(
      connection,
      "SELECT owner_employee_id, 0 FROM parties WHERE id = ? AND owner_employee_id IS NOT NULL "
      "UNION ALL SELECT owner_employee_id, 1 FROM leads WHERE party_id = ? AND owner_employee_id IS NOT NULL AND " +
          std::string(kOpenLeadStage) +
          " UNION ALL SELECT owner_employee_id, 1 FROM opportunities WHERE party_id = ? AND status = 'open' "
          "AND owner_employee_id IS NOT NULL ORDER BY 2, 1",
      {party, party, party});
  if (!rows.ok()) return rows.status();
  std::vector<std::int64_t> familiar;
  for (const odbc::Row& row : *rows) {
    const std::int64_t id = IntegerOf(row[0]);
    if (std::find(familiar.begin(), familiar.end(), id) == familiar.end()) familiar.push_back(id);
  }
  return familiar;
}

sdk::Result<CustomerPlace> ReadCustomerPlace(odbc::Connection& connection, std::int64_t party_id) {
  auto rows = QueryStoreRows(connection,
                             "SELECT p.industry, p.country, a.country, a.province, a.city FROM parties p "
                             "LEFT JOIN addresses a ON a.party_id = p.id WHERE p.id = ? "
                             "ORDER BY a.is_primary DESC, a.id LIMIT 1",
                             {Value::Int64(party_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return CustomerPlace{};
  const odbc::Row& row = rows->front();
  const std::string address_country = TextOf(row[2]);
  return CustomerPlace{TextOf(row[0]), address_country.empty() ? TextOf(row[1]) : address_country, TextOf(row[3]),
                       TextOf(row[4])};
}

}  // namespace hub::store_model
