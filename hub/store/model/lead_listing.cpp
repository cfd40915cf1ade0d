#include "store/model/lead_listing.hpp"

#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

constexpr std::string_view kSelectLeads =
    "SELECT l.id, l.company_name, l.contact_name, l.need, l.channel, l.stage, l.tier, l.grade, l.score, "
    "l.estimated_amount, l.received_at, l.currency, l.province, l.city, l.review, l.review_state, l.classification, "
    "l.owner_employee_id, e.employee_number, e.name FROM leads l LEFT JOIN employees e ON e.id = l.owner_employee_id";

LeadListing ListingOf(const odbc::Row& row) {
  LeadListing lead;
  lead.id = row[0].integer();
  lead.company_name = TextOrEmpty(row[1]);
  lead.contact_name = TextOrEmpty(row[2]);
  lead.need = TextOrEmpty(row[3]);
  lead.channel = TextOrEmpty(row[4]);
  lead.stage = TextOrEmpty(row[5]);
  lead.tier = TextOrEmpty(row[6]);
  lead.grade = TextOrEmpty(row[7]);
  lead.score = row[8];
  lead.estimated_amount = row[9];
  lead.received_at = row[10];
  lead.currency = TextOrEmpty(row[11]);
  lead.province = TextOrEmpty(row[12]);
  lead.city = TextOrEmpty(row[13]);
  lead.review = TextOrEmpty(row[14]);
  lead.review_state = TextOrEmpty(row[15]);
  lead.classification = TextOrEmpty(row[16]);
  lead.owner_employee_id = OptionalId(row[17]);
  lead.owner_employee_number = TextOrEmpty(row[18]);
  lead.owner_name = TextOrEmpty(row[19]);
  return lead;
}

}  // namespace

sdk::Result<std::vector<LeadListing>> ListLeads(odbc::Connection& connection, const LeadFilter& filter) {
  std::string sql = std::string(kSelectLeads) + " WHERE l.id > ?";
  std::vector<Value> params{Value::Int64(filter.after)};
  if (filter.review_state) {
    sql += " AND l.review_state = ?";
    params.push_back(Value::String(*filter.review_state));
  }
  if (filter.reviewer) {
    sql += " AND l.review = ?";
    params.push_back(Value::String(*filter.reviewer));
  }
  sql += " ORDER BY l.id LIMIT " + std::to_string(filter.limit);
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(connection, sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<LeadListing> leads;
  for (const odbc::Row& row : *rows) leads.push_back(ListingOf(row));
  return leads;
}

}  // namespace hub::store_model
