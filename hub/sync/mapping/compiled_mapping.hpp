// A job's declarative mapping (<mapping> in the configuration), compiled against the model catalog and
// applied to each record a connector reads: source fields to typed model fields, or a rejection that says
// which record, which field and why.
#ifndef HUB_SYNC_MAPPING_COMPILED_MAPPING_HPP_
#define HUB_SYNC_MAPPING_COMPILED_MAPPING_HPP_

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/hub_config.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"
#include "model/mapped_record.hpp"

namespace hub::sync::mapping {

struct FieldPlan;

// A record in the model's terms, as the mapping produces it (model/mapped_record.hpp).
using MappedField = model::MappedField;
using MappedRecord = model::MappedRecord;

// Why a record was not mapped, for quarantine and logs.
struct MappingRejection {
  std::string position;   // the record's position, as the connector gave it
  std::string target;     // the model field at fault; empty when it is the record as a whole
  std::string source;     // its source field(s) as configured ("成立日期", "地址 + 城市"); may be empty
  std::string reason;     // "field 'founded' from '成立日期': '2023/13/45' matches none of the date formats ..."
  std::string source_id;  // the record's id as the mapping reads it; empty when that is what failed
  std::string source_system;  // the record's system as the mapping reads it; empty when it failed or is not set

  // "customers.csv:42: " + reason (just the reason when there is no position).
  std::string ToString() const;
};

// The result of applying a mapping to one record: a MappedRecord, or a MappingRejection.
class MappingOutcome {
 public:
  explicit MappingOutcome(MappedRecord record) : value_(std::move(record)) {}
  explicit MappingOutcome(MappingRejection rejection) : value_(std::move(rejection)) {}

  bool ok() const { return value_.index() == 0; }
  // Only when ok().
  const MappedRecord& record() const { return std::get<MappedRecord>(value_); }
  MappedRecord& record() { return std::get<MappedRecord>(value_); }
  // Only when !ok().
  const MappingRejection& rejection() const { return std::get<MappingRejection>(value_); }

 private:
  std::variant<MappedRecord, MappingRejection> value_;
};

// A MappingConfig checked against the catalog and prepared for fast application: source fields resolved
// to slots, formats parsed, constants, defaults and code-table values converted to the target types.
//
// Per field, Apply takes the source value (for concat=, each part, empty parts skipped, joined with the
// separator), applies the transforms in order, then: empty → the default, else null (or a rejection when
// required, by the mapping or by the catalog); a code table → the table's value, a miss → the default or a
// rejection; finally the value is read as the field's type and checked against the catalog's allowed
// values. A source value that already has the field's type and needs no transform or lookup is taken as
// it is. A source field absent from the record counts as empty.
//
// Thread-safe: Apply may run on several threads at once. Lifetime: the catalog's data must outlive the
// mapping and every MappedRecord it produced (the built-in catalog is static).
class CompiledMapping {
 public:
  // Checks `config` against `catalog` (the entity exists; every target is a field of it, given once; every
  // required field of the entity is mapped; formats fit the field's type and parse; constants, defaults and
  // code-table values convert to the field's type and are allowed values) and `code_tables` (each lookup's
  // table exists). On failure, InvalidArgument listing every problem, one a line, each as
  // "file:line: <field target="x">: problem".
  static sdk::Result<CompiledMapping> Compile(const config::MappingConfig& config,
                                              std::span<const config::CodeTableConfig> code_tables,
                                              std::span<const model::EntitySpec> catalog = model::Entities());

  CompiledMapping(CompiledMapping&&) noexcept;
  CompiledMapping& operator=(CompiledMapping&&) noexcept;
  ~CompiledMapping();

  const model::EntitySpec& entity() const { return *entity_; }

  // Maps one record, or rejects it naming the first field (in mapping order) that cannot be filled. A
  // record the connector rejected is rejected with its own reason; a delete is mapped to its identity
  // only. The source id is the `id=` source field's text (trimmed; empty is a rejection) or else the
  // record's own (empty is a rejection too). The source system is the `source_system` target's value when
  // the mapping has one (empty, or not a system name, is a rejection naming it; a default= is a configured
  // fallback), else the record's own (which may be empty: the caller's default then applies).
  MappingOutcome Apply(const sdk::Record& record) const;

  // The source system Apply gives `record`, without mapping the rest; empty when Apply would leave it
  // empty or reject the record's system.
  std::string SourceSystemOf(const sdk::Record& record) const;

  // Source fields that no record applied so far contained: after a run, most likely misspelt in the
  // configuration (the value was taken as empty for every record).
  std::vector<std::string> UnseenSources() const;

 private:
  // A source field name and where records held it last (kUnseen before any did), so that records with the
  // same layout find each field with one comparison.
  struct SourceSlot {
    std::string name;
    mutable std::atomic<std::uint32_t> hint;
  };
  static constexpr std::uint32_t kUnseen = UINT32_MAX;

  CompiledMapping() = default;
  // The value of source field `slot` in `record`, or nullptr when the record has no such field.
  const sdk::Value* Lookup(const sdk::Record& record, std::uint32_t slot) const;
  bool ResolveSourceId(const sdk::Record& record, MappedRecord* mapped, MappingRejection* rejection) const;
  bool ResolveSourceSystem(const sdk::Record& record, MappedRecord* mapped, MappingRejection* rejection) const;

  friend struct FieldPlan;
  friend class MappingCompiler;

  const model::EntitySpec* entity_ = nullptr;
  std::string id_source_;
  std::uint32_t id_slot_ = kUnseen;
  std::unique_ptr<SourceSlot[]> slots_;  // fixed after Compile: atomics do not move
  std::size_t slot_count_ = 0;
  std::vector<FieldPlan> fields_;
  std::unique_ptr<const FieldPlan> system_;  // the source_system target; nullptr: the record's own system
};

}  // namespace hub::sync::mapping

#endif  // HUB_SYNC_MAPPING_COMPILED_MAPPING_HPP_
