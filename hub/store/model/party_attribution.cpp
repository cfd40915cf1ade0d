#include "store/model/party_attribution.hpp"

#include <string>
#include <vector>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The parties (golden records; a contact's person as its organization) of the channel rows `owners` selects:
// a query answering the column party_id. At most two: one more than one says it is ambiguous.
std::string PartiesOf(std::string_view owners) {
  return "SELECT DISTINCT COALESCE(p.golden_party_id, p.id) FROM (" + std::string(owners) +
         ") k LEFT JOIN contacts c ON c.person_party_id = k.party_id "
         "JOIN parties p ON p.id = COALESCE(c.organization_party_id, k.party_id) LIMIT 2";
}

struct Key {
  PartyMatch match;
  std::string sql;
  std::vector<Value> params;
};

}  // namespace

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
    lookups.push_back({PartyMatch::kEmail,
                       PartiesOf("SELECT party_id FROM emails WHERE address_normalized = ?"),
                       {Value::String(keys.email)}});
  }
  if (!keys.domain.empty()) {
    // The expression of the index ix_emails_domain (migration 16), so that the look-up uses it.
    lookups.push_back({PartyMatch::kDomain,
                       PartiesOf("SELECT party_id FROM emails WHERE substr(address_normalized, "
                                 "{{strpos}}(address_normalized, '@') + 1) = ? "
                                 "UNION SELECT party_id FROM websites WHERE host = ?"),
                       {Value::String(keys.domain), Value::String(keys.domain)}});
  }
  if (!keys.phone_e164.empty()) {
    lookups.push_back({PartyMatch::kPhone,
                       PartiesOf("SELECT party_id FROM phones WHERE e164 = ?"),
                       {Value::String(keys.phone_e164)}});
  }
  for (const Key& key : lookups) {
    auto parties = QueryStoreRows(connection, key.sql, key.params);
    if (!parties.ok()) return parties.status();
    if (parties->empty()) continue;
    if (parties->size() > 1) return Attribution{std::nullopt, PartyMatch::kAmbiguous};
    return Attribution{parties->front().front().integer(), key.match};
  }
  return Attribution{};
}

}  // namespace hub::store_model
