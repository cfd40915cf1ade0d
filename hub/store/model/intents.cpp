#include "store/model/intents.hpp"

#include <boost/json.hpp>

#include "common/value_json.hpp"
#include "model/identifier.hpp"
#include "model/normalize.hpp"
#include "store/model/lead_conflicts.hpp"
#include "store/model/outbox_event.hpp"
#include "store/model/source_system_lock.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

constexpr std::string_view kSelectIntents =
    "SELECT i.id, i.status, i.party_id, p.name, i.company_name, i.contact_name, i.phone, i.email, i.tax_id, "
    "i.product, i.need, i.estimated_amount, i.currency, i.lead_id, i.owner_employee_id, e.employee_number, e.name, "
    "i.opportunity_id, i.invalid_reason, i.followed_up_by, i.source_key, i.followed_up_at, i.created_at, "
    "i.updated_at FROM intents i LEFT JOIN parties p ON p.id = i.party_id "
    "LEFT JOIN employees e ON e.id = i.owner_employee_id";

IntentRow IntentOf(const odbc::Row& row) {
  IntentRow intent;
  intent.id = row[0].integer();
  intent.status = row[1].text();
  intent.party_id = OptionalId(row[2]);
  intent.party_name = TextOrEmpty(row[3]);
  intent.company_name = TextOrEmpty(row[4]);
  intent.contact_name = TextOrEmpty(row[5]);
  intent.phone = TextOrEmpty(row[6]);
  intent.email = TextOrEmpty(row[7]);
  intent.tax_id = TextOrEmpty(row[8]);
  intent.product = row[9].text();
  intent.need = TextOrEmpty(row[10]);
  intent.estimated_amount = row[11];
  intent.currency = TextOrEmpty(row[12]);
  intent.lead_id = OptionalId(row[13]);
  intent.owner_employee_id = OptionalId(row[14]);
  intent.owner_employee_number = TextOrEmpty(row[15]);
  intent.owner_name = TextOrEmpty(row[16]);
  intent.opportunity_id = OptionalId(row[17]);
  intent.invalid_reason = TextOrEmpty(row[18]);
  intent.followed_up_by = TextOrEmpty(row[19]);
  intent.source_key = row[20].text();
  intent.followed_up_at = row[21];
  intent.created_at = row[22];
  intent.updated_at = row[23];
  return intent;
}

sdk::Result<std::optional<IntentRow>> FindIntentBy(odbc::Connection& connection, std::string_view where, Value key) {
  sdk::Result<std::vector<odbc::Row>> rows =
      QueryStoreRows(connection, std::string(kSelectIntents) + " WHERE " + std::string(where), {std::move(key)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<IntentRow>();
  return std::optional<IntentRow>(IntentOf(rows->front()));
}

// NotFound naming `field` when `table` has no row `id`.
sdk::Status RequireRow(odbc::Connection& connection, std::string_view table, std::int64_t id, std::string_view field,
                       std::string_view what) {
  sdk::Result<std::vector<odbc::Row>> rows =
      QueryStoreRows(connection, "SELECT id FROM " + std::string(table) + " WHERE id = ?", {Value::Int64(id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    return sdk::Status::NotFound(std::string(field) + ": no " + std::string(what) + " has id " + std::to_string(id));
  }
  return sdk::Status::Ok();
}

// The normal forms the intent customer's channels are kept and checked in.
struct IntentKeys {
  std::string phone, email, tax_id;
};

IntentKeys KeysOf(const NewIntent& intent) {
  IntentKeys keys;
  if (!intent.phone.empty()) keys.phone = model::NormalizePhone(intent.phone, "").value_or("");
  if (!intent.email.empty()) keys.email = model::NormalizeEmail(intent.email);
  if (!intent.tax_id.empty()) keys.tax_id = model::NormalizeIdentifier(intent.tax_id);
  return keys;
}

// The known customer the intent customer's telling keys name, or nullopt.
sdk::Result<std::optional<std::int64_t>> KnownCustomerOf(odbc::Connection& connection, const NewIntent& intent,
                                                         const IntentKeys& keys) {
  if (keys.phone.empty() && keys.email.empty() && keys.tax_id.empty()) return std::optional<std::int64_t>();
  sdk::Result<LeadConflict> conflict = CheckLeadConflicts(
      connection, LeadKeys{keys.tax_id, keys.phone, "", keys.email, "", model::NormalizeName(intent.company_name)});
  if (!conflict.ok()) return conflict.status();
  if (conflict->decision != ConflictDecision::kKnownCustomer) return std::optional<std::int64_t>();
  return conflict->party_id;
}

}  // namespace

boost::json::object IntentJson(const IntentRow& intent) {
  boost::json::value customer = nullptr;
  if (intent.party_id) customer = boost::json::object{{"id", *intent.party_id}, {"name", intent.party_name}};
  boost::json::value owner = nullptr;
  if (intent.owner_employee_id) {
    owner = boost::json::object{{"employee_number", intent.owner_employee_number}, {"name", intent.owner_name}};
  }
  return boost::json::object{{"id", intent.id},
                             {"status", intent.status},
                             {"customer", std::move(customer)},
                             {"intent_customer", boost::json::object{{"company_name", TextJson(intent.company_name)},
                                                                     {"contact_name", TextJson(intent.contact_name)},
                                                                     {"phone", TextJson(intent.phone)},
                                                                     {"email", TextJson(intent.email)},
                                                                     {"tax_id", TextJson(intent.tax_id)}}},
                             {"product", intent.product},
                             {"need", TextJson(intent.need)},
                             {"estimated_amount", ValueToJson(intent.estimated_amount)},
                             {"currency", TextJson(intent.currency)},
                             {"lead_id", IdJson(intent.lead_id)},
                             {"owner", std::move(owner)},
                             {"opportunity_id", IdJson(intent.opportunity_id)},
                             {"invalid_reason", TextJson(intent.invalid_reason)},
                             {"followed_up_at", ValueToJson(intent.followed_up_at)},
                             {"followed_up_by", TextJson(intent.followed_up_by)},
                             {"key", intent.source_key},
                             {"created_at", ValueToJson(intent.created_at)},
                             {"updated_at", ValueToJson(intent.updated_at)}};
}

sdk::Status AppendIntentEvent(odbc::Connection& connection, const odbc::OutboxTurn& turn, const IntentRow& intent,
                              std::string_view change) {
  return AppendOutboxEvent(connection, turn, kIntentAggregate, intent.id,
                           std::string(kIntentAggregate) + "." + std::string(change),
                           boost::json::serialize(IntentJson(intent)));
}

sdk::Result<RecordedIntent> RecordIntent(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                         const NewIntent& intent) {
  HUB_RETURN_IF_ERROR(LockSourceSystem(connection, std::string(kIntentsSourceSystem)));
  sdk::Result<std::optional<IntentRow>> known =
      FindIntentBy(connection, "i.source_key = ?", Value::String(intent.source_key));
  if (!known.ok()) return known.status();
  if (*known) return RecordedIntent{std::move(**known), false};
  if (intent.party_id)
    HUB_RETURN_IF_ERROR(RequireRow(connection, "parties", *intent.party_id, "customer_id", "customer"));
  if (intent.lead_id) HUB_RETURN_IF_ERROR(RequireRow(connection, "leads", *intent.lead_id, "lead_id", "lead"));
  const IntentKeys keys = KeysOf(intent);
  std::optional<std::int64_t> party_id = intent.party_id;
  if (!party_id) {
    sdk::Result<std::optional<std::int64_t>> customer = KnownCustomerOf(connection, intent, keys);
    if (!customer.ok()) return customer.status();
    party_id = *customer;
  }
  sdk::Result<std::int64_t> id = InsertReturningId(
      connection,
      "INSERT INTO intents (party_id, company_name, contact_name, phone, phone_e164, email, email_normalized, tax_id, "
      "tax_id_normalized, product, need, estimated_amount, currency, lead_id, source_key) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {IdOrNull(party_id), TextOrNull(intent.company_name), TextOrNull(intent.contact_name), TextOrNull(intent.phone),
       TextOrNull(keys.phone), TextOrNull(intent.email), TextOrNull(keys.email), TextOrNull(intent.tax_id),
       TextOrNull(keys.tax_id), Value::String(intent.product), TextOrNull(intent.need),
       intent.estimated_amount ? Value::Decimal(*intent.estimated_amount) : Value::Null(), TextOrNull(intent.currency),
       IdOrNull(intent.lead_id), Value::String(intent.source_key)});
  if (!id.ok()) return id.status();
  sdk::Result<std::optional<IntentRow>> stored = FindIntent(connection, *id);
  if (!stored.ok()) return stored.status();
  if (!*stored) return sdk::Status::Internal("the intent " + std::to_string(*id) + " was not stored");
  HUB_RETURN_IF_ERROR(AppendIntentEvent(connection, turn, **stored, "created"));
  return RecordedIntent{std::move(**stored), true};
}

sdk::Result<std::vector<IntentRow>> ListIntents(odbc::Connection& connection, const IntentFilter& filter) {
  std::string sql = std::string(kSelectIntents) + " WHERE i.id > ?";
  std::vector<Value> params{Value::Int64(filter.after)};
  if (filter.status) {
    sql += " AND i.status = ?";
    params.push_back(Value::String(*filter.status));
  }
  if (filter.party_id) {
    sql += " AND i.party_id = ?";
    params.push_back(Value::Int64(*filter.party_id));
  }
  sql += " ORDER BY i.id LIMIT " + std::to_string(filter.limit);
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(connection, sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<IntentRow> intents;
  intents.reserve(rows->size());
  for (const odbc::Row& row : *rows) intents.push_back(IntentOf(row));
  return intents;
}

sdk::Result<std::optional<IntentRow>> FindIntent(odbc::Connection& connection, std::int64_t id) {
  return FindIntentBy(connection, "i.id = ?", Value::Int64(id));
}

}  // namespace hub::store_model
