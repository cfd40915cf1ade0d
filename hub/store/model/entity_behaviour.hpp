// How the model layer stores each entity, registered once, beside the entities' writers: which writer
// takes its records, what it keeps outside its main table (its extension), whether its new records have a
// bulk path. Code that must treat an entity differently asks here, never compares entity names.
#ifndef HUB_STORE_MODEL_ENTITY_BEHAVIOUR_HPP_
#define HUB_STORE_MODEL_ENTITY_BEHAVIOUR_HPP_

#include <memory>

#include "hub/odbc/connection.hpp"
#include "model/catalog.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/references.hpp"

namespace hub::store_model {

// Which writer stores an entity's records.
enum class WriterKind {
  kGeneric,  // EntityWriter: SQL from the catalog's storage metadata, plus the entity's extension
  kParty,    // PartyWriter: channels in tables of their own; new records in bulk by BulkPartyWriter
};

// Makes an entity's extension for one batch on `connection`; `references` outlives what it makes.
using ExtensionFactory = std::unique_ptr<EntityExtension> (*)(odbc::Connection& connection, References& references);

// One entity's behaviour. A constant.
struct EntityBehaviour {
  WriterKind writer = WriterKind::kGeneric;
  ExtensionFactory extension = nullptr;  // nullptr: the entity keeps nothing outside its main table

  // True when a batch's new records of the entity can be inserted many at a time (the party writer's bulk
  // path), so that the batch looks their source links up together first.
  bool InsertsInBulk() const { return writer == WriterKind::kParty; }
};

// The behaviour registered for `entity`; the generic writer without an extension when none is.
// Thread-safe; the result lives as long as the program.
const EntityBehaviour& BehaviourOf(const model::EntitySpec& entity);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ENTITY_BEHAVIOUR_HPP_
