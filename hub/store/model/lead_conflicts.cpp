#include "store/model/lead_conflicts.hpp"

#include <algorithm>
#include <set>

#include <boost/json.hpp>

#include "store/model/party_attribution.hpp"
#include "store/model/routing_candidates.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// Each field's look-up: the channel rows holding its normal form, as "SELECT party_id ...".
struct KeyLookup {
  std::string_view field;
  std::string LeadKeys::*value;
  std::string_view owners;
  bool telling;
  std::size_t placeholders = 1;  // of `owners`, each bound to the key
};
constexpr std::string_view kTaxIdOwners = "SELECT party_id FROM party_identifiers WHERE value_normalized = ?";
constexpr std::string_view kPhoneOwners = "SELECT party_id FROM phones WHERE e164 = ?";
const KeyLookup kLookups[] = {
    {"tax_id", &LeadKeys::tax_id, kTaxIdOwners, true},
    {"phone", &LeadKeys::phone, kPhoneOwners, true},
    {"mobile", &LeadKeys::mobile, kPhoneOwners, true},
    {"email", &LeadKeys::email, "SELECT party_id FROM emails WHERE address_normalized = ?", true},
    // A web site's host finds the customers on it and the ones writing from it, as an activity's domain does.
    {"website", &LeadKeys::website, kDomainOwners, true, 2},
    {"name", &LeadKeys::name, "SELECT id AS party_id FROM parties WHERE name_normalized = ?", false},
};

std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  return joined;
}

std::string CustomerList(const std::set<std::int64_t>& customers) {
  std::vector<std::string> ids;
  for (std::int64_t id : customers) ids.push_back(std::to_string(id));
  return Join(ids);
}

// True when `customer` has tax ids on file and none is `tax_id`.
sdk::Result<bool> TaxIdDiffers(odbc::Connection& connection, std::int64_t customer, const std::string& tax_id) {
  auto rows = QueryStoreRows(connection,
                             "SELECT i.value_normalized FROM party_identifiers i JOIN parties p ON p.id = i.party_id "
                             "WHERE p.id = ? OR p.golden_party_id = ?",
                             {Value::Int64(customer), Value::Int64(customer)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return false;
  return std::none_of(rows->begin(), rows->end(), [&](const odbc::Row& row) { return row[0].text() == tax_id; });
}

// The earliest open lead sharing the lead's tax id, phones or e-mail: one indexed look-up per key and column, so
// that no engine's plan walks the leads in id order to find the first that matches.
sdk::Result<std::optional<std::int64_t>> OpenLeadSharing(odbc::Connection& connection, const LeadKeys& keys) {
  std::string lookups;
  std::vector<Value> params;
  auto add = [&](const std::string& value, std::initializer_list<std::string_view> columns) {
    if (value.empty()) return;
    for (const std::string_view column : columns) {
      lookups += lookups.empty() ? "" : " UNION ALL ";
      lookups += "SELECT id FROM leads WHERE " + std::string(column) + " = ? AND " + std::string(kOpenLeadStage);
      params.push_back(Value::String(value));
    }
  };
  add(keys.tax_id, {"tax_id_normalized"});
  add(keys.phone, {"phone_e164", "mobile_e164"});
  add(keys.mobile, {"phone_e164", "mobile_e164"});
  add(keys.email, {"email_normalized"});
  if (lookups.empty()) return std::optional<std::int64_t>();
  // A plain column, not MIN(id): SQLite's driver reports an aggregate's type as text.
  auto rows = QueryStoreRows(connection, "SELECT id FROM (" + lookups + ") open_leads ORDER BY id LIMIT 1", params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front()[0].integer());
}

boost::json::value IdOrNull(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

}  // namespace

std::string_view ConflictDecisionName(ConflictDecision decision) {
  switch (decision) {
    case ConflictDecision::kKnownCustomer:
      return "known_customer";
    case ConflictDecision::kReview:
      return "review";
    case ConflictDecision::kNew:
      break;
  }
  return "new";
}

std::string LeadConflict::ToJson() const {
  boost::json::array found;
  for (const ConflictKey& key : keys) {
    boost::json::array customers(key.customers.begin(), key.customers.end());
    found.push_back(boost::json::object{
        {"field", key.field}, {"value", key.value}, {"customers", std::move(customers)}, {"ignored", key.ignored}});
  }
  return boost::json::serialize(
      boost::json::object{{"decision", ConflictDecisionName(decision)},
                          {"reason", reason},
                          {"party_id", IdOrNull(party_id)},
                          {"candidates", boost::json::array(candidates.begin(), candidates.end())},
                          {"duplicate_of_lead_id", IdOrNull(duplicate_of_lead_id)},
                          {"keys", std::move(found)}});
}

sdk::Result<LeadConflict> CheckLeadConflicts(odbc::Connection& connection, const LeadKeys& keys,
                                             const LeadConflictRules& rules) {
  LeadConflict conflict;
  std::set<std::int64_t> telling;  // customers the telling keys found
  std::set<std::int64_t> named;    // customers the name found
  std::vector<std::string> agreed;
  std::vector<std::string> ignored;
  std::vector<const KeyLookup*> given;
  std::vector<OwnerLookup> owners;
  for (const KeyLookup& lookup : kLookups) {
    const std::string& value = keys.*lookup.value;
    if (value.empty()) continue;
    given.push_back(&lookup);
    owners.push_back({lookup.owners, Value::String(value), lookup.placeholders});
  }
  sdk::Result<std::vector<std::set<std::int64_t>>> found = CustomersOwningEach(connection, owners);
  if (!found.ok()) return found.status();
  for (std::size_t i = 0; i < given.size(); ++i) {
    const KeyLookup& lookup = *given[i];
    const std::set<std::int64_t>& customers = (*found)[i];
    ConflictKey key{std::string(lookup.field), keys.*lookup.value, {customers.begin(), customers.end()}, false};
    if (customers.size() > rules.max_customers_per_key) {
      key.ignored = true;
      ignored.push_back(key.field + " (" + std::to_string(customers.size()) + "+ customers)");
    } else if (!customers.empty()) {
      (lookup.telling ? telling : named).insert(customers.begin(), customers.end());
      agreed.push_back(key.field);
    }
    conflict.keys.push_back(std::move(key));
  }
  const std::string not_telling = ignored.empty() ? "" : "; ignored as not telling: " + Join(ignored);
  if (telling.size() == 1) {
    const std::int64_t customer = *telling.begin();
    sdk::Result<bool> differs =
        keys.tax_id.empty() ? sdk::Result<bool>(false) : TaxIdDiffers(connection, customer, keys.tax_id);
    if (!differs.ok()) return differs.status();
    if (*differs) {
      conflict.decision = ConflictDecision::kReview;
      conflict.candidates = {customer};
      conflict.reason = Join(agreed) + " agreed with customer " + std::to_string(customer) +
                        ", but its tax id differs from the customer's" + not_telling;
    } else {
      conflict.decision = ConflictDecision::kKnownCustomer;
      conflict.party_id = customer;
      conflict.reason = Join(agreed) + " agreed with customer " + std::to_string(customer) + not_telling;
    }
  } else if (telling.size() > 1) {
    conflict.decision = ConflictDecision::kReview;
    conflict.candidates.assign(telling.begin(), telling.end());
    conflict.reason = "the keys found different customers (" + CustomerList(telling) + ")" + not_telling;
  } else if (!named.empty()) {
    conflict.decision = ConflictDecision::kReview;
    conflict.candidates.assign(named.begin(), named.end());
    conflict.reason = "only the name agreed, with customer " + CustomerList(named) + not_telling;
  } else {
    conflict.reason = "no key found a customer" + not_telling;
  }
  sdk::Result<std::optional<std::int64_t>> open = OpenLeadSharing(connection, keys);
  if (!open.ok()) return open.status();
  conflict.duplicate_of_lead_id = *open;
  return conflict;
}

}  // namespace hub::store_model
