#include "service/customer_record.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>

#include "common/value_json.hpp"
#include "service/customer_accounts.hpp"
#include "service/customer_lists.hpp"
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

// The customer's lists (customer_lists.hpp), each column typed as its table declares it.
constexpr ListColumn kIdentifierColumns[] = {
    {"scheme", "TEXT"}, {"value", "TEXT"}, {"value_normalized", "TEXT"}, {"country", "TEXT"}};
constexpr ListColumn kPhoneColumns[] = {
    {"kind", "TEXT"}, {"raw", "TEXT"}, {"e164", "TEXT"}, {"extension", "TEXT"}, {"is_primary", "{{bool}}"}};
constexpr ListColumn kEmailColumns[] = {
    {"kind", "TEXT"}, {"address", "TEXT"}, {"address_normalized", "TEXT"}, {"is_primary", "{{bool}}"}};
constexpr ListColumn kWebsiteColumns[] = {{"url", "TEXT"}, {"host", "TEXT"}};
constexpr ListColumn kAddressColumns[] = {{"kind", "TEXT"},        {"line1", "TEXT"},   {"line2", "TEXT"},
                                          {"district", "TEXT"},    {"city", "TEXT"},    {"province", "TEXT"},
                                          {"postal_code", "TEXT"}, {"country", "TEXT"}, {"is_primary", "{{bool}}"}};
constexpr ListColumn kSourceLinkColumns[] = {{"source_system", "TEXT"},
                                             {"entity", "TEXT"},
                                             {"source_id", "TEXT"},
                                             {"first_seen_at", "{{timestamp}}"},
                                             {"last_seen_at", "{{timestamp}}"},
                                             {"deleted_at", "{{timestamp}}"}};
constexpr ListColumn kContactColumns[] = {{"contact_id", "BIGINT", "c.id"},
                                          {"person_party_id", "BIGINT", "c.person_party_id"},
                                          {"name", "TEXT", "p.name"},
                                          {"title", "TEXT", "c.title"},
                                          {"department", "TEXT", "c.department"},
                                          {"decision_role", "TEXT", "c.decision_role"},
                                          {"is_primary", "{{bool}}", "c.is_primary"},
                                          {"status", "TEXT", "c.status"}};
constexpr ListColumn kLeadColumns[] = {
    {"id", "BIGINT"},  {"company_name", "TEXT"}, {"contact_name", "TEXT"}, {"status", "TEXT"},
    {"grade", "TEXT"}, {"tier", "TEXT"},         {"score", "INTEGER"},     {"received_at", "{{timestamp}}"}};
constexpr ListColumn kOpportunityColumns[] = {{"id", "BIGINT"},
                                              {"name", "TEXT"},
                                              {"stage", "TEXT"},
                                              {"status", "TEXT"},
                                              {"probability", "{{decimal}}"},
                                              {"amount", "{{money}}"},
                                              {"currency", "TEXT"},
                                              {"expected_close_on", "{{date}}"}};
constexpr ListColumn kOrderColumns[] = {
    {"id", "BIGINT"},     {"order_number", "TEXT"},      {"status", "TEXT"},
    {"currency", "TEXT"}, {"total_amount", "{{money}}"}, {"ordered_on", "{{date}}"}};
constexpr ListColumn kOpenOrderColumns[] = {{"id", "BIGINT"},
                                            {"order_number", "TEXT"},
                                            {"status", "TEXT"},
                                            {"currency", "TEXT"},
                                            {"total_amount", "{{money}}"},
                                            {"ordered_on", "{{date}}"},
                                            {"requested_on", "{{date}}"},
                                            {"customer_reference", "TEXT"}};
constexpr ListColumn kCreditLimitColumns[] = {{"currency", "TEXT"},
                                              {"amount", "{{money}}"},
                                              {"company", "TEXT"},
                                              {"blocked", "{{bool}}"},
                                              {"valid_from", "{{date}}"}};
constexpr ListColumn kQualityColumns[] = {{"field", "TEXT", "d.field"},
                                          {"value", "TEXT", "d.value"},
                                          {"problem", "TEXT", "d.problem"},
                                          {"detail", "TEXT", "d.detail"},
                                          {"source_system", "TEXT", "l.source_system"},
                                          {"source_id", "TEXT", "l.source_id"},
                                          {"created_at", "{{timestamp}}", "d.created_at"}};
constexpr ListColumn kActivityColumns[] = {{"id", "BIGINT"},
                                           {"kind", "TEXT"},
                                           {"direction", "TEXT"},
                                           {"subject", "TEXT"},
                                           {"summary", "TEXT"},
                                           {"occurred_at", "{{timestamp}}"},
                                           {"duration_seconds", "INTEGER"},
                                           {"outcome", "TEXT"},
                                           {"employee_id", "BIGINT"},
                                           {"contact_id", "BIGINT"}};

constexpr CustomerList kIdentifiers{"identifiers", kIdentifierColumns, "FROM party_identifiers WHERE party_id IN ",
                                    "ORDER BY id"};
constexpr CustomerList kPhones{"phones", kPhoneColumns, "FROM phones WHERE party_id IN ", "ORDER BY id"};
constexpr CustomerList kEmails{"emails", kEmailColumns, "FROM emails WHERE party_id IN ", "ORDER BY id"};
constexpr CustomerList kWebsites{"websites", kWebsiteColumns, "FROM websites WHERE party_id IN ", "ORDER BY id"};
constexpr CustomerList kAddresses{"addresses", kAddressColumns, "FROM addresses WHERE party_id IN ", "ORDER BY id"};
constexpr CustomerList kSourceLinks{"source_links", kSourceLinkColumns, "FROM source_links WHERE party_id IN ",
                                    "ORDER BY id"};
constexpr CustomerList kContacts{"contacts", kContactColumns,
                                 "FROM contacts c JOIN parties p ON p.id = c.person_party_id WHERE "
                                 "c.organization_party_id IN ",
                                 "ORDER BY c.id"};
constexpr CustomerList kOpenLeads{"open_leads", kLeadColumns,
                                  "FROM leads WHERE status IN ('new', 'contacted', 'qualified') AND party_id IN ",
                                  "ORDER BY id"};
constexpr CustomerList kOpenOpportunities{"open_opportunities", kOpportunityColumns,
                                          "FROM opportunities WHERE status = 'open' AND party_id IN ", "ORDER BY id"};
constexpr CustomerList kOrders{"orders", kOrderColumns, "FROM orders WHERE party_id IN ", "ORDER BY ordered_on, id"};
constexpr CustomerList kOpenOrders{
    .key = "open_orders",
    .columns = kOpenOrderColumns,
    .from = "FROM orders WHERE status NOT IN ('delivered', 'closed', 'cancelled') AND party_id IN ",
    .order = "ORDER BY ordered_on, id",
    .entity = "order",
    .table = "orders"};
constexpr CustomerList kCreditLimits{.key = "credit_limits",
                                     .columns = kCreditLimitColumns,
                                     .from = "FROM credit_limits WHERE party_id IN ",
                                     .order = "ORDER BY currency, company, id",
                                     .entity = "credit_limit",
                                     .table = "credit_limits"};
constexpr CustomerList kQuality{
    "quality", kQualityColumns,
    "FROM data_quality d JOIN source_links l ON l.id = d.source_link_id WHERE d.party_id IN ", "ORDER BY d.id"};
constexpr CustomerList kLastActivities{"last_activities", kActivityColumns, "FROM activities WHERE party_id IN ",
                                       "ORDER BY occurred_at DESC, id DESC", "LIMIT 5"};

// The lists of each view, in the order the object holds them, then the accounts' two.
const CustomerListsQuery& ListsOf(CustomerView view) {
  static const CustomerListsQuery card(
      {&kSourceLinks, &kOpenLeads, &kOpenOrders, &kLastActivities, &OpenInvoicesList(), &OverdueReceivablesList()});
  static const CustomerListsQuery full({&kIdentifiers, &kPhones, &kEmails, &kWebsites, &kAddresses, &kSourceLinks,
                                        &kContacts, &kOpenLeads, &kOpenOpportunities, &kOrders, &kOpenOrders,
                                        &kCreditLimits, &kQuality, &kLastActivities, &OpenInvoicesList(),
                                        &OverdueReceivablesList()});
  return view == CustomerView::kCard ? card : full;
}

// The number of lists of ListsOf(view) before the accounts' two.
constexpr std::size_t kAccountLists = 2;

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
  sdk::Result<std::vector<odbc::RowSet>> lists = ListsOf(view).Read(connection, parties);
  if (!lists.ok()) return lists.status();
  const std::size_t own_lists = lists->size() - kAccountLists;
  for (std::size_t index = 0; index < own_lists; ++index) {
    const odbc::RowSet& rows = (*lists)[index];
    boost::json::array items;
    for (const odbc::Row& row : rows.rows) items.push_back(RowToJson(rows, row));
    party[ListsOf(view).list(index).key] = std::move(items);
  }
  AddAccounts((*lists)[own_lists], (*lists)[own_lists + 1], today, party);
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
