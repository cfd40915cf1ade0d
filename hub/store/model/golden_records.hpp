// Golden records (issue 11): a cluster of parties that are one customer is read through its oldest member, the
// golden party, which the others point at (parties.golden_party_id); its field values are chosen among the
// members' and kept with where each came from in golden_lineage (migration 19). The members' own rows stay as
// their sources wrote them, so a party that leaves a cluster has its own values at once.
#ifndef HUB_STORE_MODEL_GOLDEN_RECORDS_HPP_
#define HUB_STORE_MODEL_GOLDEN_RECORDS_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/model/party_profiles.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The value a golden record takes for one of kGoldenFields, the member it came from and the survivorship
// rule that chose it: only_value, source_priority, recency, completeness or oldest.
struct GoldenValue {
  std::string field;
  std::string value;
  std::int64_t from_party_id = 0;
  std::string source_system;
  std::string rule;
  friend bool operator==(const GoldenValue&, const GoldenValue&) = default;
};

// A golden record: `members` ascending, at least two, the first of them the golden party; `values` one per
// field some member has, in kGoldenFields order.
struct GoldenRecord {
  std::vector<std::int64_t> members;
  std::vector<GoldenValue> values;
  std::int64_t golden_party_id() const { return members.front(); }
};

struct GoldenChanges {
  std::size_t repointed = 0;  // parties whose golden_party_id was set, moved or cleared
  std::size_t events = 0;     // party.golden_changed events appended
};

// What ApplyGoldenRecords' `parties` are: every party of the store, or a few parties together with every member
// of each golden record one of them belongs to (matching on arrival), whose golden records alone are rewritten.
enum class GoldenScope { kWholeStore, kTheseParties };

// Makes `wanted` the store's golden records, every party in none of them a record of its own: sets each
// member's golden_party_id (and merged_at) to its golden party, clears them for golden parties and parties in no
// record, replaces the lineage of a record whose values changed and drops that of a record that is gone. Each
// party that was or is a golden party and whose record changed (members or values) gets one party.golden_changed
// event: {"golden_party_id": the golden party it belongs to now, "members": [{"party_id","source_system",
// "source_id"}], "previous_members": [ids], "fields": {field: {"value","from_party_id","source_system","rule"}}}.
// `parties` is ReadPartyProfiles in the same transaction: of the whole store, or (kTheseParties) of some parties
// and all the members of their golden records — then only their records and lineage are read and written, and
// `wanted` holds only records of those parties. Nothing is written when nothing changed.
// parties.updated_at is left alone: it says when a source last changed the party.
// Threads: as the connection, inside the caller's transaction, which holds `turn`. Errors: the driver's Status.
sdk::Result<GoldenChanges> ApplyGoldenRecords(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                              const std::vector<PartyProfile>& parties,
                                              const std::vector<GoldenRecord>& wanted,
                                              GoldenScope scope = GoldenScope::kWholeStore);

// The golden records the store holds now (from golden_party_id and golden_lineage), by golden party id.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<GoldenRecord>> ReadGoldenRecords(odbc::Connection& connection,
                                                         const std::vector<PartyProfile>& parties);

// The parties that point at one of `golden_party_ids` (the other members of those golden records), in id order.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<std::int64_t>> GoldenMembersOf(odbc::Connection& connection,
                                                       const std::vector<std::int64_t>& golden_party_ids);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_GOLDEN_RECORDS_HPP_
