// Private to hub_mapping: how one model field is filled, as compiled from its <field> element.
#ifndef HUB_SYNC_MAPPING_FIELD_PLAN_HPP_
#define HUB_SYNC_MAPPING_FIELD_PLAN_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/hub_config.hpp"
#include "hub/sdk/record.hpp"
#include "model/catalog.hpp"
#include "sync/mapping/compiled_mapping.hpp"
#include "sync/mapping/value_conversion.hpp"

namespace hub::sync::mapping {

// Hashes std::string and std::string_view alike, so that a code table is searched without a copy.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// A code table's entries with their values already converted to one field's type.
using ConvertedTable = std::unordered_map<std::string, sdk::Value, TextHash, std::equal_to<>>;

// The target `source_system`: not a field of any entity, but the source system each record belongs to
// (its source link's system, the system its references resolve in).
extern const model::FieldSpec kSourceSystemTarget;

// One compiled <field>. Immutable after compiling: Map is thread-safe.
struct FieldPlan {
  explicit FieldPlan(ValueConverter value_converter) : converter(std::move(value_converter)) {}

  const model::FieldSpec* target = nullptr;
  std::string source_label;            // "成立日期" or "地址 + 城市"; empty for a constant
  std::vector<std::uint32_t> sources;  // slots in the CompiledMapping
  std::optional<sdk::Value> constant;  // value=
  std::string separator;               // between concat parts
  std::vector<config::MappingTransform> transforms;
  std::string lookup_name;                       // code table, for messages
  std::unique_ptr<const ConvertedTable> lookup;  // nullptr: no lookup
  std::optional<sdk::Value> default_value;
  ValueConverter converter;
  bool required = false;         // by the mapping or by the catalog
  std::string reference_system;  // system=: the source system a reference's source ids belong to
  bool names_system = false;     // the source_system target: every value must be a system name

  // The field's value for `record` (null when empty and not required); false with `problem` set when the
  // record cannot fill it.
  bool Map(const CompiledMapping& mapping, const sdk::Record& record, sdk::Value* out, std::string* problem) const;

  // False with `problem` set when `value` is not one of the catalog's allowed values for the field (for
  // the source_system target: not a system name).
  bool CheckAllowed(const sdk::Value& value, std::string* problem) const;

 private:
  bool TakeAsIs(const CompiledMapping& mapping, const sdk::Record& record, sdk::Value* out) const;
  std::string Gather(const CompiledMapping& mapping, const sdk::Record& record) const;
  // An empty value: the default, else null, else (required) a rejection.
  bool WhenEmpty(sdk::Value* out, std::string* problem) const;
  // A value the code table does not hold: the default, else a rejection naming the table.
  bool WhenNotInTable(std::string_view text, sdk::Value* out, std::string* problem) const;
};

}  // namespace hub::sync::mapping

#endif  // HUB_SYNC_MAPPING_FIELD_PLAN_HPP_
