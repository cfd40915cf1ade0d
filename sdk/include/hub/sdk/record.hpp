// What a connector produces: typed records with identity, origin and a change cursor.
#ifndef HUB_SDK_RECORD_HPP_
#define HUB_SDK_RECORD_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/sdk/abi.h"

namespace hub::sdk {

enum class ValueType : int {
  kNull = HUB_VALUE_NULL,
  kString = HUB_VALUE_STRING,
  kInt64 = HUB_VALUE_INT64,
  kDouble = HUB_VALUE_DOUBLE,
  kBool = HUB_VALUE_BOOL,
  kDecimal = HUB_VALUE_DECIMAL,
  kDate = HUB_VALUE_DATE,
  kTimestamp = HUB_VALUE_TIMESTAMP,
};

// One typed field value. Strings, decimals and dates keep their text (UTF-8); integers, doubles, booleans
// and timestamps (ms since the epoch, UTC) their number. A plain value type.
class Value {
 public:
  Value() = default;
  static Value Null() { return Value(); }
  static Value String(std::string text) { return Value(ValueType::kString, std::move(text)); }
  static Value Decimal(std::string text) { return Value(ValueType::kDecimal, std::move(text)); }
  static Value Date(std::string iso_date) { return Value(ValueType::kDate, std::move(iso_date)); }
  static Value Int64(std::int64_t number) { return Value(ValueType::kInt64, number); }
  static Value Timestamp(std::int64_t unix_ms) { return Value(ValueType::kTimestamp, unix_ms); }
  static Value Double(double number) {
    Value v;
    v.type_ = ValueType::kDouble;
    v.real_ = number;
    return v;
  }
  static Value Bool(bool flag) { return Value(ValueType::kBool, flag ? 1 : 0); }

  ValueType type() const { return type_; }
  bool is_null() const { return type_ == ValueType::kNull; }
  const std::string& text() const { return text_; }
  std::int64_t integer() const { return integer_; }
  double real() const { return real_; }
  bool boolean() const { return integer_ != 0; }

  bool operator==(const Value& other) const {
    return type_ == other.type_ && text_ == other.text_ && integer_ == other.integer_ && real_ == other.real_;
  }
  bool operator!=(const Value& other) const { return !(*this == other); }

 private:
  Value(ValueType type, std::string text) : type_(type), text_(std::move(text)) {}
  Value(ValueType type, std::int64_t number) : type_(type), integer_(number) {}

  ValueType type_ = ValueType::kNull;
  std::string text_;
  std::int64_t integer_ = 0;
  double real_ = 0.0;
};

struct Field {
  std::string name;
  Value value;
  bool operator==(const Field& other) const { return name == other.name && value == other.value; }
};

// What a record says about its source row: it is new or changed (kUpsert), it is gone (kDelete), or — the
// two parts of a key-set sweep — it still exists (kPresent: only entity, source_system and source_id count),
// and the sweep of `entity` has listed every id it holds (kSweepEnd, with the field "sweep_id" naming the
// sweep); the hub then deletes the records of that entity the sweep did not list.
enum class Operation : int {
  kUpsert = HUB_RECORD_UPSERT,
  kDelete = HUB_RECORD_DELETE,
  kPresent = HUB_RECORD_PRESENT,
  kSweepEnd = HUB_RECORD_SWEEP_END,
};

// One record read from a source system. `position` names where it came from ("customers.csv:42") so
// that errors and quarantine point at it; a non-empty `rejection` says the source could not read it.
struct Record {
  Operation operation = Operation::kUpsert;
  std::string entity;
  std::string source_system;
  std::string source_id;
  std::string cursor;
  std::string position;
  std::string rejection;
  std::vector<Field> fields;

  // The first field of that name, or nullptr.
  const Value* Find(std::string_view name) const {
    for (const Field& field : fields) {
      if (field.name == name) return &field.value;
    }
    return nullptr;
  }
  Record& Set(std::string name, Value value) {
    fields.push_back(Field{std::move(name), std::move(value)});
    return *this;
  }
  bool operator==(const Record& other) const {
    return operation == other.operation && entity == other.entity && source_system == other.source_system &&
           source_id == other.source_id && cursor == other.cursor && position == other.position &&
           rejection == other.rejection && fields == other.fields;
  }
};

// What one read returns. Reading again from `next_cursor` continues after the last record.
struct Batch {
  std::vector<Record> records;
  std::string next_cursor;
  bool end_of_data = false;
  std::optional<std::int64_t> total_hint;
};

// A change the hub sends out to a system through its connector: `kind` ("party.updated") of the record
// `id` of `entity`, with its content as JSON. `event_id` is the same on every attempt to deliver this
// event: hand it to the system as its idempotency key, so that a retry is never taken for a new change.
struct OutboundEvent {
  std::string kind;
  std::string entity;
  std::string id;
  std::string payload_json;
  std::string event_id;
  std::int64_t occurred_at_unix_ms = 0;  // when the change was committed
};

}  // namespace hub::sdk

#endif  // HUB_SDK_RECORD_HPP_
