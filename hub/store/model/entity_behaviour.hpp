// How the model layer stores each entity, registered once, beside the entities' writers: which writer
// takes its records, what it keeps outside its main table (its extension), whether its new records have a
// bulk path. Code that must treat an entity differently asks here, never compares entity names.
#ifndef HUB_STORE_MODEL_ENTITY_BEHAVIOUR_HPP_
#define HUB_STORE_MODEL_ENTITY_BEHAVIOUR_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "model/catalog.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/references.hpp"
#include "store/model/write_rules.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Which writer stores an entity's records.
enum class WriterKind {
  kGeneric,  // EntityWriter: SQL from the catalog's storage metadata, plus the entity's extension
  kParty,    // PartyWriter: channels in tables of their own; new records in bulk by BulkPartyWriter
};

// Makes an entity's extension for one batch on `connection`; `references` outlives what it makes, and so do
// `turn`, the transaction's outbox writers' turn, for an extension that appends events of its own, and `rules`,
// the configured rules it applies.
using ExtensionFactory = std::unique_ptr<EntityExtension> (*)(odbc::Connection& connection, References& references,
                                                              const odbc::OutboxTurn& turn, const WriteRules& rules);

// A change of one column that the writer announces with an event of its own beside "<entity>.updated": when an
// update (or a merge from another source) moves `field`'s stored value, "<entity>.<change>" is appended with
// {"previous_<field>", "<field>", "<since>"} (status_change.hpp). A constant; empty `field`: none.
struct ColumnChangeEvent {
  std::string_view change;  // the event's change name: "status_changed"
  std::string_view field;   // the catalog field watched: "status"
  std::string_view since;   // the catalog field of the date it took effect: "status_since"; may be empty
};

// One entity's behaviour. A constant.
struct EntityBehaviour {
  WriterKind writer = WriterKind::kGeneric;
  ExtensionFactory extension = nullptr;  // nullptr: the entity keeps nothing outside its main table
  ColumnChangeEvent column_change = {};  // none unless registered

  // True when a batch's new records of the entity can be inserted many at a time (BulkRecordWriter: the
  // party writer's bulk path, or the generic one for an entity whose writer does nothing beside the row), so
  // that the batch looks their source links up together first. The generic bulk path still leaves to the
  // per-record path the records it cannot take (bulk_entity_writer.hpp).
  bool InsertsInBulk() const {
    return writer == WriterKind::kParty ||
           (writer == WriterKind::kGeneric && extension == nullptr && column_change.field.empty());
  }
};

// The behaviour registered for `entity`; the generic writer without an extension when none is.
// Thread-safe; the result lives as long as the program.
const EntityBehaviour& BehaviourOf(const model::EntitySpec& entity);

// The changes the writers record as events of `entity` ("created", "updated", "deleted", and the registered
// column change such as "status_changed"): what a subscription's kinds may name. Thread-safe.
std::vector<std::string> EventChangesOf(const model::EntitySpec& entity);

// The changes the model layer records as events of `aggregate` (an outbox event's aggregate): a catalog
// entity's (EventChangesOf, and for party "golden_changed", the match job's, for lead "assigned", its routing's), or
// those of the rows the writers make of their own accord, which no mapping targets — `task` and `lead_candidate`
// ("created", activity_follow_ups.hpp) — and the customer-care greetings, `customer_care` ("birthday", "holiday",
// care_greetings.hpp). nullopt for any other name: what a subscription's entity and kinds may name. Thread-safe.
std::optional<std::vector<std::string>> EventChangesOfAggregate(std::string_view aggregate);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ENTITY_BEHAVIOUR_HPP_
