// An activity's party when its record names none, and what the activity makes: the activity entity's
// extension of the generic writer (entity_behaviour.hpp).
#ifndef HUB_STORE_MODEL_ACTIVITY_ATTRIBUTION_HPP_
#define HUB_STORE_MODEL_ACTIVITY_ATTRIBUTION_HPP_

#include <cstdint>
#include <optional>

#include "hub/odbc/connection.hpp"
#include "store/model/activity_follow_ups.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/party_attribution.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Before an activity row is written (inserted or updated): a record that names its party (party_source_id)
// keeps it, party_match `source`; any other is linked by AttributeParty over its e-mail (normalized), its
// web_domain (trimmed, lower-cased) and its phone (E.164), and the row's party_id and party_match are set to
// what it found (`ambiguous` and `none` leave party_id null). So an update looks again: a call stored
// before its caller's party is linked once the record changes. After the row: ActivityFollowUps (a callback
// task, a lead candidate and its lead, written by `rules`). Threads: as the connection. Lifetime: the transaction
// (it keeps `turn` and `rules`).
class ActivityAttribution : public EntityExtension {
 public:
  ActivityAttribution(odbc::Connection& connection, const odbc::OutboxTurn& turn, const WriteRules& rules)
      : connection_(connection), follow_ups_(connection, turn, rules) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id, RowValues& row) override;
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  odbc::Connection& connection_;
  ActivityFollowUps follow_ups_;
  // Of the record between BeforeRow and AfterRow.
  Attribution attribution_;
  AttributionKeys keys_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ACTIVITY_ATTRIBUTION_HPP_
