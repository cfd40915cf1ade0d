// The catalog of the unified customer model: the entities a sync mapping can target and their fields, as
// plain C++ data. It is the flat vocabulary of the model ("party.phone", "order.total_amount"), with typed
// storage metadata the model layer (store/model) writes from: each field's table and column, its default,
// the normal forms and JSON kept beside it, and whether an entity's rows carry updated_at
// (docs/DATA_MODEL.md is generated from it).
#ifndef HUB_MODEL_CATALOG_HPP_
#define HUB_MODEL_CATALOG_HPP_

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hub::model {

// The type a mapped value must have for a field. Strings, decimals and dates travel as text (decimals as
// exact digits "1234.50", dates as "YYYY-MM-DD"); timestamps as an instant (UTC).
enum class FieldType { kString, kInt64, kDecimal, kDate, kTimestamp, kBool };

// "string", "int64", "decimal", "date", "timestamp" or "bool".
std::string_view FieldTypeName(FieldType type);

// The type named by FieldTypeName, or nullopt for any other text.
std::optional<FieldType> ParseFieldType(std::string_view name);

// A reference from one entity to another, split from FieldSpec::references ("party.source_id").
struct FieldReference {
  std::string_view entity;  // the catalog entity referred to: "party"
  std::string_view key;     // how: "source_id" (the record's id in the same source system) or a natural
                            // key of that entity ("employee_number", "code", "sku")
};

// A normal form the store keeps beside a field's own column, computed from the value by the writer.
enum class DerivedForm {
  kNone,
  kNormalizedEmail,       // NormalizeEmail (model/normalize.hpp)
  kE164Phone,             // ParsePhone's E.164 form; null, with a data-quality flag, when the number has none
  kNormalizedIdentifier,  // NormalizeIdentifier (model/identifier.hpp): a tax id as party_identifiers keeps it
  kWebsiteHost,           // WebsiteHost (model/normalize.hpp): a web site as websites.host keeps it
};

// Where the store keeps a field's value: typed data the writers act on, and the docs' "stored in" column
// (Describe). A constant, built in the catalog's tables with the modifiers below.
struct FieldStorage {
  // A constructor, not an aggregate: a field table that still gives "table.column" text fails to compile.
  constexpr FieldStorage() = default;
  constexpr FieldStorage(std::string_view table_name, std::string_view column_name)
      : table(table_name), column(column_name) {}

  std::string_view table = {};   // the table that keeps it: the entity's main table, or another one
  std::string_view column = {};  // its column there; for a reference, the referenced row's id. Empty when
                                 // the value is spread over rows of `table` (a party's phones, an
                                 // employee's territories)
  // For a reference whose text is kept too (an order line's sku beside its product_id): the text's column.
  // The reference is then optional: text that names no stored row leaves the id null.
  std::string_view text_column = {};
  std::string_view also_in = {};  // another "table.column" the writer copies the value to, for the docs
  std::string_view note = {};     // which rows, for the docs: "kind mobile", "the person"
  DerivedForm derived = DerivedForm::kNone;
  std::string_view derived_column = {};  // where `derived` goes; empty with kNone
  bool json_object = false;              // a JSON object column: text that is one is kept, other text as {"note": text}

  constexpr FieldStorage Derived(DerivedForm form, std::string_view column_name) const {
    FieldStorage copy = *this;
    copy.derived = form;
    copy.derived_column = column_name;
    return copy;
  }
  constexpr FieldStorage Json() const {
    FieldStorage copy = *this;
    copy.json_object = true;
    return copy;
  }
  constexpr FieldStorage Note(std::string_view text) const {
    FieldStorage copy = *this;
    copy.note = text;
    return copy;
  }
  constexpr FieldStorage AlsoIn(std::string_view place) const {
    FieldStorage copy = *this;
    copy.also_in = place;
    return copy;
  }

  // "parties.name", "quote_lines.sku, quote_lines.product_id", "phones (kind mobile)",
  // "parties.country, addresses.country". Thread-safe.
  std::string Describe() const;
};

// What a null value (or a field the record leaves out, on insert) stands for when a record is stored.
enum class DefaultKind {
  kNone,        // nothing: NULL is written
  kValue,       // the literal FieldDefault::value, of the field's type ("active", "false")
  kWhenStored,  // the time the store writes it (a timestamp); an update with null keeps what is stored
  kOtherField,  // the value of the same record's field named FieldDefault::value (identifier_country: country)
};

struct FieldDefault {
  DefaultKind kind = DefaultKind::kNone;
  std::string_view value;  // the literal (kValue) or the field's name (kOtherField); empty otherwise
};

// One field of an entity. A constant: all members point at static strings.
struct FieldSpec {
  std::string_view name;  // snake_case, unique within its entity
  FieldType type = FieldType::kString;
  bool required = false;         // a record without a value for it is invalid (quarantined)
  FieldStorage storage;          // where the store keeps it
  std::string_view description;  // one sentence for mapping authors; says the default too, as "(default X)"
  std::string_view values;       // the allowed values "a|b|c"; empty when any value of the type is allowed
  std::string_view references;   // "entity.key" when the value points at another record; empty otherwise
  FieldDefault default_value = {};

  constexpr FieldSpec Default(std::string_view literal) const { return WithDefault({DefaultKind::kValue, literal}); }
  constexpr FieldSpec DefaultWhenStored() const { return WithDefault({DefaultKind::kWhenStored, {}}); }
  constexpr FieldSpec DefaultFrom(std::string_view field) const {
    return WithDefault({DefaultKind::kOtherField, field});
  }

  // True when `value` is allowed: always when `values` is empty, else when it is one of them (exact match).
  bool AllowsValue(std::string_view value) const;

  // The referenced entity and key; nullopt when `references` is empty.
  std::optional<FieldReference> Reference() const;

  // storage.Describe(): where the store keeps it, as the docs say it.
  std::string StoredIn() const { return storage.Describe(); }

 private:
  constexpr FieldSpec WithDefault(FieldDefault given) const {
    FieldSpec copy = *this;
    copy.default_value = given;
    return copy;
  }
};

// One entity of the model: a name a mapping targets, its main table and its fields. A constant.
struct EntitySpec {
  std::string_view name;         // "party", "order", ...
  std::string_view table;        // the main table its records land in
  std::string_view description;  // one sentence
  std::span<const FieldSpec> fields;
  // The field every system shares for this entity ("employee_number", "code", "sku"): a new source record
  // with the key of a stored row is linked to that row rather than inserted again. Empty when records are
  // known by their source ids alone.
  std::string_view natural_key = {};
  // The main table has an updated_at column, which every update of a row sets to the time of the write.
  bool has_updated_at = false;

  // The field named `name` (exact match), or nullptr.
  const FieldSpec* FindField(std::string_view name) const;
};

// Every entity, in documentation order. The data is static and immutable: thread-safe, valid for the
// program's life.
std::span<const EntitySpec> Entities();

// The entity named `name` (exact match), or nullptr. Thread-safe.
const EntitySpec* FindEntity(std::string_view name);

}  // namespace hub::model

#endif  // HUB_MODEL_CATALOG_HPP_
