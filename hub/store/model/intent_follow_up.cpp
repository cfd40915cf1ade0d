#include "store/model/intent_follow_up.hpp"

#include <array>
#include <utility>

#include "model/catalog.hpp"
#include "model/identifier.hpp"
#include "model/mapped_record.hpp"
#include "store/model/record_writer.hpp"
#include "store/model/source_links.hpp"
#include "store/model/source_system_lock.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// Each outcome's status and the change its event names.
struct OutcomeNames {
  IntentOutcome outcome;
  std::string_view status;
  std::string_view change;
};

constexpr std::array<OutcomeNames, 3> kOutcomes = {{{IntentOutcome::kSuggestion, "suggestion", "suggested"},
                                                    {IntentOutcome::kPurchase, "purchase", "purchased"},
                                                    {IntentOutcome::kInvalid, "invalid", "invalid"}}};

const OutcomeNames& NamesOf(IntentOutcome outcome) {
  for (const OutcomeNames& names : kOutcomes) {
    if (names.outcome == outcome) return names;
  }
  return kOutcomes.back();
}

// A record of kIntentsSourceSystem that the follow-up of intent `intent_id` writes.
model::MappedRecord IntentRecord(std::string_view entity, std::string source_id, std::int64_t intent_id) {
  model::MappedRecord record;
  record.entity = model::FindEntity(entity);
  record.source_system = std::string(kIntentsSourceSystem);
  record.source_id = std::move(source_id);
  record.position = "POST /api/v1/intents/" + std::to_string(intent_id) + "/follow_up";
  return record;
}

// Fills `name` with `text` when the intent gave it.
void AddGiven(model::MappedRecord& record, std::string_view name, const std::string& text) {
  if (!text.empty()) record.Add(name, Value::String(text));
}

std::string CustomerSourceId(std::int64_t intent_id) { return "intent/" + std::to_string(intent_id) + "/customer"; }

// The id of the employee numbered `number`. NotFound names the owner.
sdk::Result<std::int64_t> EmployeeId(odbc::Connection& connection, const std::string& number) {
  sdk::Result<std::vector<odbc::Row>> rows =
      QueryStoreRows(connection, "SELECT id FROM employees WHERE employee_number = ?", {Value::String(number)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return sdk::Status::NotFound("owner: no employee has the number '" + number + "'");
  return rows->front()[0].integer();
}

// A source system and id the stored `entity` row `id` is known by, or nullopt.
sdk::Result<std::optional<std::pair<std::string, std::string>>> SourceKeyOf(odbc::Connection& connection,
                                                                            std::string_view entity, std::int64_t id) {
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection,
      "SELECT source_system, source_id FROM source_links WHERE entity = ? AND record_id = ? AND deleted_at IS NULL "
      "ORDER BY id LIMIT 1",
      {Value::String(std::string(entity)), Value::Int64(id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::pair<std::string, std::string>>();
  return std::optional<std::pair<std::string, std::string>>({rows->front()[0].text(), rows->front()[1].text()});
}

// Writes the intent customer into the customer master (and its contact person when it names a company); answers
// the party's id.
sdk::Result<std::int64_t> JoinCustomerMaster(RecordWriter& writer, SourceLinks& links, const IntentRow& intent,
                                             const std::string& owner) {
  const bool organization = !intent.company_name.empty();
  model::MappedRecord party = IntentRecord("party", CustomerSourceId(intent.id), intent.id);
  party.Add("kind", Value::String(organization ? "organization" : "person"));
  party.Add("name", Value::String(organization ? intent.company_name : intent.contact_name));
  party.Add("status", Value::String("prospect"));
  AddGiven(party, "phone", intent.phone);
  AddGiven(party, "email", intent.email);
  if (!intent.tax_id.empty()) {
    party.Add(model::NormalizeIdentifier(intent.tax_id).size() == 18 ? "uscc" : "tax_id", Value::String(intent.tax_id));
  }
  AddGiven(party, "owner_employee_number", owner);
  sdk::Result<WriteOutcome> written = writer.Write(party);
  if (!written.ok()) return written.status();
  sdk::Result<std::optional<SourceLink>> link = links.Find(party);
  if (!link.ok()) return link.status();
  if (!*link) return sdk::Status::Internal("the intent customer " + party.source_id + " has no source link");
  if (organization && !intent.contact_name.empty()) {
    model::MappedRecord contact =
        IntentRecord("contact", "intent/" + std::to_string(intent.id) + "/contact", intent.id);
    contact.Add("organization_source_id", Value::String(party.source_id));
    contact.Add("name", Value::String(intent.contact_name));
    contact.Add("is_primary", Value::Bool(true));
    AddGiven(contact, "phone", intent.phone);
    AddGiven(contact, "email", intent.email);
    sdk::Result<WriteOutcome> contact_written = writer.Write(contact);
    if (!contact_written.ok()) return contact_written.status();
  }
  return (*link)->record_id;
}

// Writes the purchase's opportunity for `party_id`; answers its id.
sdk::Result<std::int64_t> WriteOpportunity(odbc::Connection& connection, RecordWriter& writer, SourceLinks& links,
                                           const IntentRow& intent, std::int64_t party_id,
                                           const IntentFollowUp& follow_up) {
  sdk::Result<std::optional<std::pair<std::string, std::string>>> party = SourceKeyOf(connection, "party", party_id);
  if (!party.ok()) return party.status();
  if (!*party) return sdk::Status::Internal("the customer " + std::to_string(party_id) + " has no source link");
  model::MappedRecord opportunity = IntentRecord("opportunity", "intent/" + std::to_string(intent.id), intent.id);
  opportunity.Add("party_source_id", Value::String((*party)->second));
  opportunity.fields.back().reference_system = (*party)->first;
  std::optional<std::pair<std::string, std::string>> lead;
  if (intent.lead_id) {
    sdk::Result<std::optional<std::pair<std::string, std::string>>> found =
        SourceKeyOf(connection, "lead", *intent.lead_id);
    if (!found.ok()) return found.status();
    lead = std::move(*found);
  }
  if (lead) {
    opportunity.Add("lead_source_id", Value::String(lead->second));
    opportunity.fields.back().reference_system = lead->first;
  }
  opportunity.Add("name",
                  Value::String(follow_up.opportunity_name.empty() ? intent.product : follow_up.opportunity_name));
  opportunity.Add("stage", Value::String("intent"));
  if (!intent.estimated_amount.is_null()) opportunity.Add("amount", Value::Decimal(intent.estimated_amount.text()));
  AddGiven(opportunity, "currency", intent.currency);
  opportunity.Add("owner_employee_number", Value::String(follow_up.owner_employee_number));
  sdk::Result<WriteOutcome> written = writer.Write(opportunity);
  if (!written.ok()) return written.status();
  sdk::Result<std::optional<SourceLink>> link = links.Find(opportunity);
  if (!link.ok()) return link.status();
  if (!*link) return sdk::Status::Internal("the opportunity " + opportunity.source_id + " has no source link");
  return (*link)->record_id;
}

sdk::Status CheckFollowUp(const IntentFollowUp& follow_up) {
  if (follow_up.outcome == IntentOutcome::kInvalid) {
    if (follow_up.reason.empty()) return sdk::Status::InvalidArgument("reason: required: why the intent is invalid");
  } else if (follow_up.owner_employee_number.empty()) {
    return sdk::Status::InvalidArgument("owner: required: the employee number of who follows the " +
                                        std::string(NamesOf(follow_up.outcome).status) + " up");
  }
  return sdk::Status::Ok();
}

}  // namespace

std::string_view IntentOutcomeName(IntentOutcome outcome) { return NamesOf(outcome).status; }

std::optional<IntentOutcome> IntentOutcomeNamed(std::string_view name) {
  for (const OutcomeNames& names : kOutcomes) {
    if (names.status == name) return names.outcome;
  }
  return std::nullopt;
}

sdk::Result<std::optional<FollowedUpIntent>> FollowUpIntent(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                                            std::int64_t id, const IntentFollowUp& follow_up) {
  HUB_RETURN_IF_ERROR(CheckFollowUp(follow_up));
  HUB_RETURN_IF_ERROR(LockSourceSystem(connection, std::string(kIntentsSourceSystem)));
  sdk::Result<std::optional<IntentRow>> found = FindIntent(connection, id);
  if (!found.ok()) return found.status();
  if (!*found) return std::optional<FollowedUpIntent>();
  if ((*found)->status != "open") return std::optional<FollowedUpIntent>(FollowedUpIntent{std::move(**found), false});
  const IntentRow& intent = **found;
  std::optional<std::int64_t> owner_id;
  if (!follow_up.owner_employee_number.empty()) {
    sdk::Result<std::int64_t> owner = EmployeeId(connection, follow_up.owner_employee_number);
    if (!owner.ok()) return owner.status();
    owner_id = *owner;
  }
  SourceLinks links(connection);
  RecordWriter writer(connection, links, turn);
  std::optional<std::int64_t> party_id = intent.party_id;
  if (!party_id && follow_up.outcome != IntentOutcome::kInvalid) {
    sdk::Result<std::int64_t> joined = JoinCustomerMaster(writer, links, intent, follow_up.owner_employee_number);
    if (!joined.ok()) return joined.status();
    party_id = *joined;
  }
  std::optional<std::int64_t> opportunity_id;
  if (follow_up.outcome == IntentOutcome::kPurchase) {
    sdk::Result<std::int64_t> written = WriteOpportunity(connection, writer, links, intent, *party_id, follow_up);
    if (!written.ok()) return written.status();
    opportunity_id = *written;
  }
  const OutcomeNames& names = NamesOf(follow_up.outcome);
  sdk::Result<std::int64_t> updated = ExecuteStoreStatement(
      connection,
      "UPDATE intents SET status = ?, party_id = ?, owner_employee_id = ?, opportunity_id = ?, invalid_reason = ?, "
      "followed_up_at = {{now}}, followed_up_by = ?, updated_at = {{now}} WHERE id = ? AND status = 'open'",
      {Value::String(std::string(names.status)), IdOrNull(party_id), IdOrNull(owner_id), IdOrNull(opportunity_id),
       TextOrNull(follow_up.reason), Value::String(follow_up.by), Value::Int64(id)});
  if (!updated.ok()) return updated.status();
  sdk::Result<std::optional<IntentRow>> now = FindIntent(connection, id);
  if (!now.ok()) return now.status();
  if (!*now) return sdk::Status::Internal("the intent " + std::to_string(id) + " went missing");
  HUB_RETURN_IF_ERROR(AppendIntentEvent(connection, turn, **now, names.change));
  return std::optional<FollowedUpIntent>(FollowedUpIntent{std::move(**now), true});
}

}  // namespace hub::store_model
