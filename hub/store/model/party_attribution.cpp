#include "store/model/party_attribution.hpp"

#include <set>
#include <string>
#include <vector>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// Parties merged into one golden record that a look-up may meet, at most, before it is sure the key finds
// more than one customer.
constexpr int kMaxRowsPerKey = 50;

// The parties (id, golden_party_id; a contact's person as its organization) of the channel rows `owners`
// selects: a query of plain columns, whose types every driver reports as the schema declares them.
std::string PartiesOf(std::string_view owners) {
  return "SELECT DISTINCT p.id, p.golden_party_id FROM (" + std::string(owners) +
         ") k LEFT JOIN contacts c ON c.person_party_id = k.party_id "
         "JOIN parties p ON p.id = COALESCE(c.organization_party_id, k.party_id) LIMIT " +
         std::to_string(kMaxRowsPerKey);
}

struct Key {
  PartyMatch match;
  std::string sql;
  std::vector<Value> params;
};

}  // namespace

sdk::Result<std::set<std::int64_t>> CustomersOwning(odbc::Connection& connection, std::string_view owners,
                                                    const std::vector<sdk::Value>& params) {
  auto rows = QueryStoreRows(connection, PartiesOf(owners), params);
  if (!rows.ok()) return rows.status();
  std::set<std::int64_t> customers;
  for (const odbc::Row& row : *rows) customers.insert(row[1].is_null() ? row[0].integer() : row[1].integer());
  return customers;
}

sdk::Result<std::vector<std::set<std::int64_t>>> CustomersOwningEach(odbc::Connection& connection,
                                                                     const std::vector<OwnerLookup>& lookups) {
  std::vector<std::set<std::int64_t>> customers(lookups.size());
  if (lookups.empty()) return customers;
  // Each branch tagged with its index as text: a literal's type is the driver's to guess, text is text.
  std::string sql;
  std::vector<Value> params;
  for (std::size_t i = 0; i < lookups.size(); ++i) {
    sql += (i == 0 ? "" : " UNION ALL ") + std::string("SELECT '") + std::to_string(i) +
           "' AS lookup, t.id, t.golden_party_id FROM (" + PartiesOf(lookups[i].owners) + ") t";
    params.insert(params.end(), lookups[i].placeholders, lookups[i].value);
  }
  auto rows = QueryStoreRows(connection, sql, params);
  if (!rows.ok()) return rows.status();
  for (const odbc::Row& row : *rows) {
    customers.at(std::stoul(row[0].text())).insert(row[2].is_null() ? row[1].integer() : row[2].integer());
  }
  return customers;
}

std::string_view PartyMatchName(PartyMatch match) {
  switch (match) {
    case PartyMatch::kSource:
      return "source";
    case PartyMatch::kEmail:
      return "email";
    case PartyMatch::kDomain:
      return "domain";
    case PartyMatch::kPhone:
      return "phone";
    case PartyMatch::kAmbiguous:
      return "ambiguous";
    case PartyMatch::kNone:
      break;
  }
  return "none";
}

sdk::Result<Attribution> AttributeParty(odbc::Connection& connection, const AttributionKeys& keys) {
  std::vector<Key> lookups;
  if (!keys.email.empty()) {
    lookups.push_back(
        {PartyMatch::kEmail, "SELECT party_id FROM emails WHERE address_normalized = ?", {Value::String(keys.email)}});
  }
  if (!keys.domain.empty()) {
    lookups.push_back(
        {PartyMatch::kDomain, std::string(kDomainOwners), {Value::String(keys.domain), Value::String(keys.domain)}});
  }
  if (!keys.phone_e164.empty()) {
    lookups.push_back(
        {PartyMatch::kPhone, "SELECT party_id FROM phones WHERE e164 = ?", {Value::String(keys.phone_e164)}});
  }
  for (const Key& key : lookups) {
    sdk::Result<std::set<std::int64_t>> found = CustomersOwning(connection, key.sql, key.params);
    if (!found.ok()) return found.status();
    const std::set<std::int64_t>& customers = *found;
    if (customers.empty()) continue;
    if (customers.size() > 1) return Attribution{std::nullopt, PartyMatch::kAmbiguous};
    return Attribution{*customers.begin(), key.match};
  }
  return Attribution{};
}

}  // namespace hub::store_model
