#include "store/model/activity_follow_ups.hpp"

#include <algorithm>
#include <vector>

#include <boost/json.hpp>

#include "leads/phone_region.hpp"
#include "model/catalog.hpp"
#include "store/model/entity_writer.hpp"
#include "store/model/outbox_event.hpp"
#include "store/model/source_links.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"
#include "store/model/tasks.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The record's text field `name`, empty when it leaves it out or null.
std::string TextOf(const model::MappedRecord& record, std::string_view name) {
  const Value* value = record.Find(name);
  return value == nullptr || value->is_null() ? std::string() : value->text();
}

std::string SourceKey(const model::MappedRecord& record, std::string_view follow_up) {
  return record.source_system + "/activity/" + record.source_id + "/" + std::string(follow_up);
}

bool IsMissedInboundCall(const model::MappedRecord& record) {
  const std::string outcome = TextOf(record, "outcome");
  return TextOf(record, "kind") == "call" && TextOf(record, "direction") == "inbound" &&
         std::find(std::begin(kMissedCallOutcomes), std::end(kMissedCallOutcomes), outcome) !=
             std::end(kMissedCallOutcomes);
}

// A call that reached the party, whichever side dialled: the callbacks it was owed are done.
bool IsAnsweredCall(const model::MappedRecord& record) {
  return TextOf(record, "kind") == "call" && TextOf(record, "outcome") == "answered";
}

// True when the writer or caller of an activity is nobody the store knows: no key found a party, or only the
// domain it wrote from did (the company is a customer, the person writing a new contact there: an old customer's
// new need).
bool WriterUnknown(PartyMatch match) { return match == PartyMatch::kNone || match == PartyMatch::kDomain; }

// The lead candidate's channel for an activity of `kind`; empty for a kind that makes none.
std::string_view ChannelOf(const std::string& kind) {
  if (kind == "call") return "phone";
  if (kind == "email") return "email";
  return {};
}

}  // namespace

sdk::Status ActivityFollowUps::After(const model::MappedRecord& record, std::int64_t activity_id,
                                     const Attribution& attribution, const AttributionKeys& keys) {
  if (attribution.party_id && IsMissedInboundCall(record)) {
    return EnsureCallback(record, activity_id, *attribution.party_id, keys);
  }
  if (attribution.party_id && IsAnsweredCall(record)) return CloseCallbacks(record, activity_id, *attribution.party_id);
  if (WriterUnknown(attribution.match) && TextOf(record, "direction") != "outbound" &&
      !TextOf(record, "need").empty() && !ChannelOf(TextOf(record, "kind")).empty()) {
    return EnsureLeadCandidate(record, activity_id, keys);
  }
  return sdk::Status::Ok();
}

sdk::Result<std::optional<std::int64_t>> ActivityFollowUps::Existing(std::string_view table,
                                                                     const std::string& source_key) {
  auto rows = QueryStoreRows(connection_, "SELECT id FROM " + std::string(table) + " WHERE source_key = ?",
                             {Value::String(source_key)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().front().integer());
}

sdk::Status ActivityFollowUps::EnsureCallback(const model::MappedRecord& record, std::int64_t activity_id,
                                              std::int64_t party_id, const AttributionKeys& keys) {
  const std::string source_key = SourceKey(record, "callback");
  sdk::Result<std::optional<std::int64_t>> existing = Existing("tasks", source_key);
  if (!existing.ok()) return existing.status();
  if (*existing) return sdk::Status::Ok();
  auto party =
      QueryStoreRows(connection_, "SELECT name, owner_employee_id FROM parties WHERE id = ?", {Value::Int64(party_id)});
  if (!party.ok()) return party.status();
  if (party->empty()) return sdk::Status::Internal("the attributed party " + std::to_string(party_id) + " is gone");
  const std::string name = party->front()[0].text();
  const std::optional<std::int64_t> owner = OptionalId(party->front()[1]);
  const std::string number = keys.phone_e164.empty() ? TextOf(record, "phone") : keys.phone_e164;
  const std::string subject = "Call back " + name + (number.empty() ? "" : " (" + number + ")");
  sdk::Result<std::int64_t> task = InsertReturningId(
      connection_,
      "INSERT INTO tasks (kind, party_id, activity_id, assignee_employee_id, subject, source_key) "
      "VALUES ('callback', ?, ?, ?, ?, ?)",
      {Value::Int64(party_id), Value::Int64(activity_id), owner ? Value::Int64(*owner) : Value::Null(),
       Value::String(subject), Value::String(source_key)});
  if (!task.ok()) return task.status();
  const boost::json::object payload{
      {"id", *task},          {"kind", "callback"},         {"status", "open"},
      {"party_id", party_id}, {"activity_id", activity_id}, {"assignee_employee_id", IdJson(owner)},
      {"subject", subject},   {"source_key", source_key}};
  return AppendOutboxEvent(connection_, turn_, "task", *task, "task.created", boost::json::serialize(payload));
}

sdk::Status ActivityFollowUps::CloseCallbacks(const model::MappedRecord& record, std::int64_t activity_id,
                                              std::int64_t party_id) {
  const Value reached_at = record.ValueOrNull("occurred_at");
  if (reached_at.is_null()) return sdk::Status::Ok();
  auto owed = QueryStoreRows(connection_,
                             "SELECT t.id FROM tasks t JOIN activities a ON a.id = t.activity_id "
                             "WHERE t.party_id = ? AND t.kind = 'callback' AND t.status = 'open' AND a.occurred_at < ? "
                             "ORDER BY t.id",
                             {Value::Int64(party_id), reached_at});
  if (!owed.ok()) return owed.status();
  const TaskSettlement settlement{"done", reached_at, activity_id, {}};
  for (const odbc::Row& task : *owed) {
    sdk::Result<std::optional<TaskRow>> settled = SettleTask(connection_, turn_, task[0].integer(), settlement);
    if (!settled.ok()) return settled.status();
  }
  return sdk::Status::Ok();
}

sdk::Status ActivityFollowUps::EnsureLeadCandidate(const model::MappedRecord& record, std::int64_t activity_id,
                                                   const AttributionKeys& keys) {
  const std::string source_key = SourceKey(record, "lead_candidate");
  sdk::Result<std::optional<std::int64_t>> existing = Existing("lead_candidates", source_key);
  if (!existing.ok()) return existing.status();
  if (*existing) return sdk::Status::Ok();
  const std::string kind = TextOf(record, "kind");
  const std::string channel(ChannelOf(kind));
  boost::json::object payload{{"channel", channel},
                              {"source_key", source_key},
                              {"activity_id", activity_id},
                              {"company_name", TextJson(TextOf(record, "company_name"))},
                              {"contact_name", TextJson(TextOf(record, "contact_name"))},
                              {"phone", TextJson(TextOf(record, "phone"))},
                              {"phone_e164", TextJson(keys.phone_e164)},
                              {"email", TextJson(TextOf(record, "email"))},
                              {"email_normalized", TextJson(keys.email)},
                              {"need", TextOf(record, "need")}};
  const boost::json::object details{{"kind", kind},
                                    {"direction", TextJson(TextOf(record, "direction"))},
                                    {"subject", TextJson(TextOf(record, "subject"))}};
  std::vector<Value> params{Value::String(channel), Value::String(source_key), Value::Int64(activity_id)};
  for (const char* column :
       {"company_name", "contact_name", "phone", "phone_e164", "email", "email_normalized", "need"}) {
    const boost::json::value& value = payload.at(column);
    params.push_back(value.is_string() ? Value::String(std::string(value.as_string())) : Value::Null());
  }
  params.push_back(record.ValueOrNull("occurred_at"));
  params.push_back(Value::String(boost::json::serialize(details)));
  sdk::Result<std::int64_t> candidate = InsertReturningId(
      connection_,
      "INSERT INTO lead_candidates (channel, source_key, activity_id, company_name, contact_name, phone, "
      "phone_e164, email, email_normalized, need, received_at, details) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      params);
  if (!candidate.ok()) return candidate.status();
  sdk::Result<std::int64_t> lead = PromoteToLead(record, keys, source_key, channel, *candidate);
  if (!lead.ok()) return lead.status();
  payload["id"] = *candidate;
  payload["status"] = "accepted";
  payload["lead_id"] = *lead;
  payload["details"] = details;
  return AppendOutboxEvent(connection_, turn_, "lead_candidate", *candidate, "lead_candidate.created",
                           boost::json::serialize(payload));
}

sdk::Result<std::int64_t> ActivityFollowUps::PromoteToLead(const model::MappedRecord& record,
                                                           const AttributionKeys& keys, const std::string& source_key,
                                                           const std::string& channel, std::int64_t candidate_id) {
  model::MappedRecord lead;
  lead.entity = model::FindEntity("lead");
  lead.source_system = record.source_system;
  lead.source_id = source_key;
  lead.position = record.position;
  lead.Add("channel", Value::String(channel));
  for (const char* field : {"company_name", "contact_name", "phone", "email", "need"}) {
    if (const std::string text = TextOf(record, field); !text.empty()) lead.Add(field, Value::String(text));
  }
  // The company domain the mail came from (the connector gives none for free mail): the conflict check finds
  // a customer by it as by a web site.
  if (const std::string domain = TextOf(record, "web_domain"); !domain.empty()) {
    lead.Add("website", Value::String(domain));
  }
  if (TextOf(record, "kind") == "call") {
    if (const std::optional<leads::PhoneRegion> region = leads::RegionOfPhone(keys.phone_e164)) {
      lead.Add("province", Value::String(std::string(region->province)));
      lead.Add("city", Value::String(std::string(region->city)));
    }
  }
  lead.Add("received_at", record.ValueOrNull("occurred_at"));
  SourceLinks links(connection_);
  EntityWriter writer(connection_, links, turn_, rules_);
  sdk::Result<WriteOutcome> written = writer.Write(lead);
  if (!written.ok()) return written.status().WithContext("the lead of " + source_key);
  sdk::Result<std::optional<SourceLink>> link = links.Find(lead);
  if (!link.ok()) return link.status();
  if (!*link) return sdk::Status::Internal("the lead of " + source_key + " was written without a source link");
  const std::int64_t lead_id = (*link)->record_id;
  sdk::Result<std::int64_t> accepted =
      ExecuteStoreStatement(connection_, "UPDATE lead_candidates SET status = 'accepted', lead_id = ? WHERE id = ?",
                            {Value::Int64(lead_id), Value::Int64(candidate_id)});
  if (!accepted.ok()) return accepted.status();
  return lead_id;
}

sdk::Result<ActivityFollowUpIds> ReadActivityFollowUps(odbc::Connection& connection, std::int64_t activity_id) {
  auto rows = QueryStoreRows(connection,
                             "SELECT a.party_id, a.party_match, t.id, l.id, l.lead_id FROM activities a "
                             "LEFT JOIN tasks t ON t.activity_id = a.id "
                             "LEFT JOIN lead_candidates l ON l.activity_id = a.id WHERE a.id = ? ORDER BY t.id, l.id",
                             {Value::Int64(activity_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return sdk::Status::NotFound("no activity has id " + std::to_string(activity_id));
  const odbc::Row& row = rows->front();
  return ActivityFollowUpIds{OptionalId(row[0]), row[1].is_null() ? std::string() : row[1].text(), OptionalId(row[2]),
                             OptionalId(row[3]), OptionalId(row[4])};
}

}  // namespace hub::store_model
