#include "service/customer_record.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>

#include "common/value_json.hpp"
#include "service/customer_accounts.hpp"
#include "store/odbc/cached_query.hpp"

namespace hub::service {
namespace {

using sdk::Value;

// A chain of merges longer than this is a cycle the schema's CHECK cannot see: stop following it.
constexpr int kMaxGoldenHops = 16;

constexpr std::string_view kPartyColumns =
    "p.id, p.kind, p.name, p.name_latin, p.short_name, p.family_name, p.given_name, p.birth_date, p.grade, "
    "p.tier, p.classification, p.industry, p.region, p.country, p.status, p.golden_party_id, p.owner_employee_id, "
    "e.employee_number AS owner_employee_number, e.name AS owner_name, p.created_at, p.updated_at, "
    "CASE WHEN EXISTS (SELECT 1 FROM parties g WHERE g.golden_party_id = p.id) THEN 1 ELSE 0 END AS "
    "has_merged_parties";
// The last column of kPartyColumns: whether parties are merged into this one (read, never answered).
constexpr std::string_view kHasMergedColumn = "has_merged_parties";

// A list of the customer: its key in the answer and its query, which ends in "party_id IN " (or the
// column that names the customer); for a list of records a source may delete, the entity and table whose rows
// drop out once every source link of theirs is deleted (StillInItsSource); whether the card (CustomerView::kCard)
// holds it.
struct CustomerList {
  std::string_view key;
  std::string_view sql;
  std::string_view order;
  std::string_view entity = {};
  std::string_view table = {};
  bool in_card = false;
};
constexpr CustomerList kLists[] = {
    {"identifiers", "SELECT scheme, value, value_normalized, country FROM party_identifiers WHERE party_id IN ",
     " ORDER BY id"},
    {"phones", "SELECT kind, raw, e164, extension, is_primary FROM phones WHERE party_id IN ", " ORDER BY id"},
    {"emails", "SELECT kind, address, address_normalized, is_primary FROM emails WHERE party_id IN ", " ORDER BY id"},
    {"websites", "SELECT url, host FROM websites WHERE party_id IN ", " ORDER BY id"},
    {"addresses",
     "SELECT kind, line1, line2, district, city, province, postal_code, country, is_primary FROM addresses "
     "WHERE party_id IN ",
     " ORDER BY id"},
    {"source_links",
     "SELECT source_system, entity, source_id, first_seen_at, last_seen_at, deleted_at FROM source_links "
     "WHERE party_id IN ",
     " ORDER BY id",
     {},
     {},
     true},
    {"contacts",
     "SELECT c.id AS contact_id, c.person_party_id, p.name, c.title, c.department, c.decision_role, c.is_primary, "
     "c.status FROM contacts c JOIN parties p ON p.id = c.person_party_id WHERE c.organization_party_id IN ",
     " ORDER BY c.id"},
    {"open_leads",
     "SELECT id, company_name, contact_name, status, grade, tier, score, received_at FROM leads "
     "WHERE status IN ('new', 'contacted', 'qualified') AND party_id IN ",
     " ORDER BY id",
     {},
     {},
     true},
    {"open_opportunities",
     "SELECT id, name, stage, status, probability, amount, currency, expected_close_on FROM opportunities "
     "WHERE status = 'open' AND party_id IN ",
     " ORDER BY id"},
    {"orders", "SELECT id, order_number, status, currency, total_amount, ordered_on FROM orders WHERE party_id IN ",
     " ORDER BY ordered_on, id"},
    {"open_orders",
     "SELECT id, order_number, status, currency, total_amount, ordered_on, requested_on, customer_reference "
     "FROM orders WHERE status NOT IN ('delivered', 'closed', 'cancelled') AND party_id IN ",
     " ORDER BY ordered_on, id", "order", "orders", true},
    {"credit_limits", "SELECT currency, amount, company, blocked, valid_from FROM credit_limits WHERE party_id IN ",
     " ORDER BY currency, company, id", "credit_limit", "credit_limits"},
    {"quality",
     "SELECT d.field, d.value, d.problem, d.detail, l.source_system, l.source_id, d.created_at FROM data_quality d "
     "JOIN source_links l ON l.id = d.source_link_id WHERE d.party_id IN ",
     " ORDER BY d.id"},
    {"last_activities",
     "SELECT id, kind, direction, subject, summary, occurred_at, duration_seconds, outcome, employee_id, contact_id "
     "FROM activities WHERE party_id IN ",
     " ORDER BY occurred_at DESC, id DESC LIMIT 5",
     {},
     {},
     true},
};

boost::json::object RowToJson(const odbc::RowSet& rows, const odbc::Row& row) {
  boost::json::object object;
  for (std::size_t c = 0; c < row.size(); ++c) object[rows.columns[c].name] = ValueToJson(row[c]);
  return object;
}

sdk::Result<std::optional<odbc::Row>> QueryParty(odbc::Connection& connection, std::int64_t id, odbc::RowSet& rows) {
  static const std::string sql = SelectCustomerParties("parties p") + " WHERE p.id = ?";
  sdk::Result<odbc::RowSet> found = odbc::QueryCached(connection, sql, {Value::Int64(id)});
  if (!found.ok()) return found.status();
  rows = std::move(*found);
  if (rows.rows.empty()) return std::optional<odbc::Row>();
  return std::optional<odbc::Row>(rows.rows.front());
}

std::int64_t IdOf(const boost::json::value& id) {
  return id.is_int64() ? id.as_int64() : std::stoll(std::string(id.as_string()));
}

// The golden party's row for `party_id`, following golden_party_id.
sdk::Result<boost::json::object> GoldenParty(odbc::Connection& connection, std::int64_t party_id) {
  std::int64_t id = party_id;
  for (int hop = 0; hop <= kMaxGoldenHops; ++hop) {
    odbc::RowSet rows;
    sdk::Result<std::optional<odbc::Row>> row = QueryParty(connection, id, rows);
    if (!row.ok()) return row.status();
    if (!*row) return sdk::Status::NotFound("no customer has id " + std::to_string(party_id));
    boost::json::object party = RowToJson(rows, **row);
    const boost::json::value& golden = party.at("golden_party_id");
    if (golden.is_null()) return party;
    id = IdOf(golden);
  }
  return sdk::Status::Internal("customer " + std::to_string(party_id) + " is merged in a cycle");
}

// Puts the values of the golden record `party` (golden_lineage, the match job's survivorship) over its own
// row's, and, for the full view, where each came from as "lineage". Nothing for a party no match run merged.
sdk::Status AddGoldenValues(odbc::Connection& connection, std::int64_t golden_id, boost::json::object& party,
                            CustomerView view) {
  sdk::Result<odbc::RowSet> rows = odbc::QueryCached(
      connection,
      "SELECT field, value, from_party_id, source_system, rule FROM golden_lineage WHERE golden_party_id = ? "
      "ORDER BY field",
      {Value::Int64(golden_id)});
  if (!rows.ok()) return rows.status();
  boost::json::array lineage;
  for (const odbc::Row& row : rows->rows) {
    party[row[0].text()] = row[1].text();
    lineage.push_back(RowToJson(*rows, row));
  }
  if (view == CustomerView::kFull) party["lineage"] = std::move(lineage);
  return sdk::Status::Ok();
}

// Adds the lists of `view` to `party`, a golden record read with kPartyColumns.
sdk::Result<boost::json::object> AddLists(odbc::Connection& connection, boost::json::object party,
                                          std::string_view today, CustomerView view) {
  CustomerParties parties{party.at("id").to_number<std::int64_t>(), party.at(kHasMergedColumn).to_number<int>() != 0};
  party.erase(kHasMergedColumn);
  if (parties.has_merged) {
    HUB_RETURN_IF_ERROR(AddGoldenValues(connection, parties.golden_id, party, view));
  } else if (view == CustomerView::kFull) {
    party["lineage"] = boost::json::array();
  }
  const std::vector<Value> params = parties.Params();
  for (const CustomerList& list : kLists) {
    if (view == CustomerView::kCard && !list.in_card) continue;
    const std::string live = list.entity.empty() ? std::string() : " " + StillInItsSource(list.entity, list.table);
    const std::string sql = std::string(list.sql) + std::string(parties.Sql()) + live + std::string(list.order);
    sdk::Result<odbc::RowSet> rows = odbc::QueryCached(connection, sql, params);
    if (!rows.ok()) return rows.status();
    boost::json::array items;
    for (const odbc::Row& row : rows->rows) items.push_back(RowToJson(*rows, row));
    party[list.key] = std::move(items);
  }
  HUB_RETURN_IF_ERROR(AddAccounts(connection, parties, today, party));
  return party;
}

}  // namespace

std::string SelectCustomerParties(std::string_view from) {
  return "SELECT " + std::string(kPartyColumns) + " FROM " + std::string(from) +
         " LEFT JOIN employees e ON e.id = p.owner_employee_id";
}

sdk::Result<boost::json::object> ReadCustomer(odbc::Connection& connection, std::int64_t party_id,
                                              std::string_view today, CustomerView view) {
  sdk::Result<boost::json::object> party = GoldenParty(connection, party_id);
  if (!party.ok()) return party.status();
  return AddLists(connection, std::move(*party), today, view);
}

sdk::Result<boost::json::object> ReadCustomer(odbc::Connection& connection, const odbc::RowSet& rows,
                                              const odbc::Row& row, std::string_view today, CustomerView view) {
  boost::json::object party = RowToJson(rows, row);
  const boost::json::value& golden = party.at("golden_party_id");
  if (!golden.is_null()) return ReadCustomer(connection, IdOf(golden), today, view);
  return AddLists(connection, std::move(party), today, view);
}

}  // namespace hub::service
