#include "store/model/care_recipients.hpp"

#include <string_view>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The persons, their e-mail, their customer (the golden record of their contact row's organization) and its
// owner; a WHERE clause to follow ends in "AND p.id > ?".
constexpr std::string_view kRecipients =
    "SELECT p.id, p.name, p.family_name, p.given_name, p.birth_date, "
    "(SELECT e.address FROM emails e WHERE e.party_id = p.id ORDER BY e.is_primary DESC, e.id LIMIT 1), "
    "o.id, o.name, oe.name, oe.email "
    "FROM parties p "
    "LEFT JOIN contacts c ON c.id = (SELECT c2.id FROM contacts c2 WHERE c2.person_party_id = p.id "
    "AND c2.status = 'active' ORDER BY c2.is_primary DESC, c2.id LIMIT 1) "
    "LEFT JOIN parties written ON written.id = c.organization_party_id "
    "LEFT JOIN parties o ON o.id = COALESCE(written.golden_party_id, written.id) "
    "LEFT JOIN employees oe ON oe.id = COALESCE(o.owner_employee_id, p.owner_employee_id) "
    "WHERE p.kind = 'person' AND p.golden_party_id IS NULL AND p.status NOT IN ('inactive', 'merged') "
    "AND EXISTS (SELECT 1 FROM emails e WHERE e.party_id = p.id) "
    "AND (c.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM contacts c3 WHERE c3.person_party_id = p.id)) ";

std::string TextOf(const Value& value) { return value.is_null() ? std::string() : value.text(); }

CareRecipient RecipientOf(const odbc::Row& row) {
  CareRecipient recipient;
  recipient.party_id = row[0].integer();
  recipient.name = TextOf(row[1]);
  recipient.family_name = TextOf(row[2]);
  recipient.given_name = TextOf(row[3]);
  recipient.birth_date = TextOf(row[4]).substr(0, 10);
  recipient.email = TextOf(row[5]);
  if (!row[6].is_null()) recipient.customer_party_id = row[6].integer();
  recipient.customer_name = TextOf(row[7]);
  recipient.owner_name = TextOf(row[8]);
  recipient.owner_email = TextOf(row[9]);
  return recipient;
}

}  // namespace

sdk::Result<std::vector<CareRecipient>> ReadCareRecipients(odbc::Connection& connection,
                                                           const std::vector<std::string>& birth_month_days,
                                                           std::int64_t after_party_id, std::size_t limit) {
  std::string sql(kRecipients);
  std::vector<Value> params;
  if (!birth_month_days.empty()) {
    // The text of a date is "YYYY-MM-DD" on both engines; its month and day start at the sixth character.
    sql += "AND substr(CAST(p.birth_date AS TEXT), 6, 5) IN (";
    for (const std::string& month_day : birth_month_days) {
      sql += params.empty() ? "?" : ", ?";
      params.push_back(Value::String(month_day));
    }
    sql += ") ";
  }
  sql += "AND p.id > ? ORDER BY p.id LIMIT " + std::to_string(limit);
  params.push_back(Value::Int64(after_party_id));
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(connection, sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<CareRecipient> recipients;
  recipients.reserve(rows->size());
  for (const odbc::Row& row : *rows) recipients.push_back(RecipientOf(row));
  return recipients;
}

}  // namespace hub::store_model
