// Product intents (产品意向, the intents table, migration 23): a product someone wants, recorded once per source
// key against a known customer or an intent customer (意向客户: names and channels, no party yet), and listed for
// the API. Their follow-up is intent_follow_up.hpp.
#ifndef HUB_STORE_MODEL_INTENTS_HPP_
#define HUB_STORE_MODEL_INTENTS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The source system of what intents make in the model (the customer, its contact, the opportunity) and the
// aggregate of their events.
inline constexpr std::string_view kIntentsSourceSystem = "intents";
inline constexpr std::string_view kIntentAggregate = "intent";

// One intent with the names of its customer and owner. Texts are empty and ids nullopt when unset; times and
// the amount are the store's values (null when unset).
struct IntentRow {
  std::int64_t id = 0;
  std::string status;  // open | suggestion | purchase | invalid
  std::optional<std::int64_t> party_id;
  std::string party_name;
  std::string company_name, contact_name, phone, email, tax_id;  // as the intent customer gave them
  std::string product, need;
  sdk::Value estimated_amount;
  std::string currency;
  std::optional<std::int64_t> lead_id, owner_employee_id, opportunity_id;
  std::string owner_employee_number, owner_name;
  std::string invalid_reason, followed_up_by, source_key;
  sdk::Value followed_up_at, created_at, updated_at;
};

// {id, status, customer: {id, name} | null, intent_customer: {company_name, contact_name, phone, email, tax_id},
// product, need, estimated_amount, currency, lead_id, owner: {employee_number, name} | null, opportunity_id,
// invalid_reason, followed_up_at, followed_up_by, key, created_at, updated_at}: what the API answers and the
// intent's events carry.
boost::json::object IntentJson(const IntentRow& intent);

// An intent to record. Texts empty when not given; `party_id` names a known customer, else the intent customer
// is who the names and channels describe.
struct NewIntent {
  std::string source_key;
  std::optional<std::int64_t> party_id;
  std::string company_name, contact_name, phone, email, tax_id;
  std::string product, need;
  std::optional<std::string> estimated_amount;  // decimal text
  std::string currency;
  std::optional<std::int64_t> lead_id;
};

// What RecordIntent did: the intent, and whether this call made it.
struct RecordedIntent {
  IntentRow intent;
  bool created = false;
};

// Records `intent` in the caller's transaction, which holds `turn`, under the turn of kIntentsSourceSystem
// (LockSourceSystem: two posts of one key at once make one row). An intent already recorded under the source key
// is answered as it is (created false, nothing written). Otherwise an intent customer whose tax id, phone or
// e-mail names one known customer (CheckLeadConflicts: known_customer) is recorded against it; phone, e-mail and
// tax id are kept with their normal forms; "intent.created" is appended. Errors: NotFound (the record's fault) for
// a party_id or lead_id the store lacks; the driver's Status.
sdk::Result<RecordedIntent> RecordIntent(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                         const NewIntent& intent);

// Which intents ListIntents answers: each set field narrows; ids above `after`, at most `limit`, by id.
struct IntentFilter {
  std::optional<std::string> status;
  std::optional<std::int64_t> party_id;
  std::int64_t after = 0;
  std::size_t limit = 100;
};

// Reads only. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<IntentRow>> ListIntents(odbc::Connection& connection, const IntentFilter& filter);

// The intent `id`, or nullopt. Errors: the driver's Status.
sdk::Result<std::optional<IntentRow>> FindIntent(odbc::Connection& connection, std::int64_t id);

// Appends "intent.<change>" of `intent` (IntentJson) in the caller's transaction, which holds `turn`.
sdk::Status AppendIntentEvent(odbc::Connection& connection, const odbc::OutboxTurn& turn, const IntentRow& intent,
                              std::string_view change);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_INTENTS_HPP_
