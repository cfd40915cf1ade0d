// What the store makes of a stored activity beyond its row: a callback task for a missed call from a known
// party, a lead candidate for an unknown writer (or a new contact of a known customer) that recorded a need
// (tasks and lead_candidates, migration 16), each made once and announced in the outbox.
#ifndef HUB_STORE_MODEL_ACTIVITY_FOLLOW_UPS_HPP_
#define HUB_STORE_MODEL_ACTIVITY_FOLLOW_UPS_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/party_attribution.hpp"
#include "store/model/write_rules.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The outcomes of a call that nobody answered (the call_center connector's and the calls API's): a known
// caller is owed a callback.
inline constexpr std::string_view kMissedCallOutcomes[] = {"missed", "no_answer", "busy", "congestion", "failed"};

// Makes the follow-ups of activities written in the caller's transaction, which holds the outbox writers'
// turn. Each follow-up has a source_key naming the activity's record ("<source system>/activity/<source
// id>/callback", ".../lead_candidate"): one that exists already is left as it is, so storing the activity
// again (an update, a re-read, a second post of the same call) never makes a second one.
// A lead candidate's lead is written by `rules` (classified as configured).
// Threads: as the connection. Lifetime: the transaction (it keeps `turn` and `rules`). Errors: the driver's Status.
class ActivityFollowUps {
 public:
  ActivityFollowUps(odbc::Connection& connection, const odbc::OutboxTurn& turn, const WriteRules& rules)
      : connection_(connection), turn_(turn), rules_(rules) {}

  // After activity row `activity_id` of `record` was written with `attribution`, its keys `keys`:
  // - an inbound call (kind call, direction inbound) with a missed outcome from a found party: an open
  //   callback task, assigned to the party's owner (unassigned when it has none), with a "task.created"
  //   event;
  // - a call or a mail, not outbound (an agent's note on a call we made is no one's request), whose writer
  //   is unknown — its party was not found (kNone), or only by the domain it wrote from (kDomain: a new
  //   contact of a known customer) — and that carries a need: an open lead candidate (channel phone or email)
  //   with its names, phone, e-mail and need, accepted at once as a lead of the activity's source system
  //   (source id the candidate's source_key; the mail's web_domain as its website) written through the model
  //   layer, so that the lead is checked (a known customer's domain attaches it: "old customer, new need"),
  //   classified and routed as every new lead is; then a "lead_candidate.created" event naming the lead;
  // - an answered call (kind call, outcome answered, either direction) with a found party: each open callback
  //   task of the party owed for a call before it is done (done_at the call's time), with a "task.done" event
  //   naming the activity (done_by_activity_id). Stored again, it finds nothing open: no second event.
  sdk::Status After(const model::MappedRecord& record, std::int64_t activity_id, const Attribution& attribution,
                    const AttributionKeys& keys);

 private:
  sdk::Status EnsureCallback(const model::MappedRecord& record, std::int64_t activity_id, std::int64_t party_id,
                             const AttributionKeys& keys);
  sdk::Status CloseCallbacks(const model::MappedRecord& record, std::int64_t activity_id, std::int64_t party_id);
  sdk::Status EnsureLeadCandidate(const model::MappedRecord& record, std::int64_t activity_id,
                                  const AttributionKeys& keys);
  // Writes the lead of candidate `candidate_id` (made of activity `record`, whose keys are `keys`), marks the
  // candidate accepted with it, and answers the lead's id. A call's lead takes its province and city from the
  // area code of a landline (leads::RegionOfPhone), so that it is routed by region.
  sdk::Result<std::int64_t> PromoteToLead(const model::MappedRecord& record, const AttributionKeys& keys,
                                          const std::string& source_key, const std::string& channel,
                                          std::int64_t candidate_id);
  // The id of the row of `table` with `source_key`, or nullopt.
  sdk::Result<std::optional<std::int64_t>> Existing(std::string_view table, const std::string& source_key);

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;
  const WriteRules& rules_;
};

// What the store made of activity `activity_id`: its party and how it was found, its callback task and its
// lead candidate (each nullopt when there is none).
struct ActivityFollowUpIds {
  std::optional<std::int64_t> party_id;
  std::string party_match;  // activities.party_match; empty for an activity written before migration 16
  std::optional<std::int64_t> task_id;
  std::optional<std::int64_t> lead_candidate_id;
  std::optional<std::int64_t> lead_id;  // the lead the candidate became
};

// Reads ActivityFollowUpIds of `activity_id`. Threads: as the connection. Errors: NotFound when no activity
// has the id; the driver's Status.
sdk::Result<ActivityFollowUpIds> ReadActivityFollowUps(odbc::Connection& connection, std::int64_t activity_id);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ACTIVITY_FOLLOW_UPS_HPP_
