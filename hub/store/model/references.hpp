// Turns the value of a reference field ("party_source_id" = "C-1001", "owner_employee_number" = "E042")
// into the id of the stored row it names.
#ifndef HUB_STORE_MODEL_REFERENCES_HPP_
#define HUB_STORE_MODEL_REFERENCES_HPP_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"
#include "model/mapped_record.hpp"
#include "store/model/source_links.hpp"

namespace hub::store_model {

// A record that a reference names and the store does not have: its entity, the source system whose ids
// the reference holds (empty for a natural key, which a record of any system answers) and the key.
struct MissingRecord {
  std::string entity;
  std::string system;
  std::string key;
  auto operator<=>(const MissingRecord&) const = default;
};

// The NotFound error for a reference that no stored row answers, naming the field:
// "refers to team 'T-9' (team_code), which is not in the store".
sdk::Status MissingReference(std::string_view entity, std::string_view text, std::string_view field);

// Resolves references on one connection, inside the batch's transaction, so that a record refers to rows
// written earlier in the same batch. A "<entity>.source_id" reference is looked up among the source links
// of the same source system (the batch's SourceLinks, cached there); a natural key ("employee.
// employee_number", "product.sku") in the referenced entity's table, across every source system.
// Threads: as the connection. Lifetime: the batch.
class References {
 public:
  References(odbc::Connection& connection, SourceLinks& links) : connection_(connection), links_(links) {}

  // Looks up together the source links of every record `records` name by source id (SourceLinks::Prefetch
  // per entity and source system), so that resolving their references asks the database nothing more.
  // Errors: the driver's Status.
  sdk::Status PrefetchLinks(const std::vector<const model::MappedRecord*>& records);

  // The id of the row `text` names through `reference`, for a record of `source_system`; nullopt when no
  // stored row has it (the caller decides whether that is an error). Errors: the driver's Status;
  // Internal (a hub defect, never the record's fault) for a reference to an entity the catalog does not
  // know.
  sdk::Result<std::optional<std::int64_t>> Resolve(const model::FieldReference& reference,
                                                   std::string_view source_system, const std::string& text);

  // The id of the row the reference field `field` of `record` names (its own system, or the mapping's
  // system= for it); nullopt when no stored row has it. Errors: as Resolve; Internal for a field that is
  // no reference.
  sdk::Result<std::optional<std::int64_t>> ResolveField(const model::MappedRecord& record,
                                                        const model::MappedField& field);

  // The value to store for the reference field named `name` of `record`: null when the mapping leaves it
  // out or it is empty, else the id of the row it names. Errors: NotFound (MissingReference) when no stored
  // row has it; as ResolveField.
  sdk::Result<sdk::Value> IdValueOf(const model::MappedRecord& record, std::string_view name);

  // The first reference field of `record` (in mapping order) that no stored row answers, or nullopt when
  // every one does. A reference whose text is kept when it names nothing (an order line's sku) is never
  // missing. Errors: as ResolveField.
  sdk::Result<std::optional<MissingRecord>> FirstMissing(const model::MappedRecord& record);

  // The id of the stored row of `entity` whose natural key is `key` (EntitySpec::natural_key), or nullopt.
  // Errors: the driver's Status; Internal for an entity without a natural key.
  sdk::Result<std::optional<std::int64_t>> FindByNaturalKey(const model::EntitySpec& entity, const std::string& key);

 private:
  odbc::Connection& connection_;
  SourceLinks& links_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_REFERENCES_HPP_
