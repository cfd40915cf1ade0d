#include "store/model/record_json.hpp"

#include <openssl/evp.h>

#include <charconv>
#include <chrono>
#include <optional>

#include <boost/json.hpp>

#include "common/value_json.hpp"

namespace hub::store_model {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `text` (RFC 3629: no overlongs, no
// surrogates, at most U+10FFFF), or 0 when there is none.
std::size_t Utf8SequenceLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  if ((lead == 0xE0 && byte(1) < 0xA0) || (lead == 0xED && byte(1) > 0x9F) || (lead == 0xF0 && byte(1) < 0x90) ||
      (lead == 0xF4 && byte(1) > 0x8F)) {
    return 0;
  }
  return length;
}

std::string Hex(const unsigned char* bytes, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[bytes[i] >> 4]);
    hex.push_back(kHex[bytes[i] & 0xf]);
  }
  return hex;
}

boost::json::value StorableJson(const sdk::Value& value) {
  boost::json::value json = ValueToJson(value);
  if (json.is_string()) json = boost::json::string(StorableText(json.as_string()));
  return json;
}

// The type name RawRecordJson writes in "types" for a value whose JSON does not say it; empty otherwise.
std::string_view HiddenTypeName(sdk::ValueType type) {
  switch (type) {
    case sdk::ValueType::kDecimal:
      return "decimal";
    case sdk::ValueType::kDate:
      return "date";
    case sdk::ValueType::kTimestamp:
      return "timestamp";
    default:
      return {};
  }
}

// Milliseconds since the epoch of FormatIsoUtc's "YYYY-MM-DDTHH:MM:SS.mmmZ"; nullopt for any other text.
std::optional<std::int64_t> ParseIsoUtcMillis(std::string_view text) {
  if (text.size() != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != '.' || text[23] != 'Z') {
    return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    auto [end, error] = std::from_chars(text.data() + at, text.data() + at + length, value);
    if (error != std::errc() || end != text.data() + at + length) return std::nullopt;
    return value;
  };
  auto year = number(0, 4), month = number(5, 2), day = number(8, 2), hour = number(11, 2), minute = number(14, 2),
       second = number(17, 2), millis = number(20, 3);
  if (!year || !month || !day || !hour || !minute || !second || !millis) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(*month), std::chrono::day(*day)};
  if (!date.ok()) return std::nullopt;
  const auto when = std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
                    std::chrono::seconds(*second) + std::chrono::milliseconds(*millis);
  return std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
}

sdk::Result<sdk::Value> ValueFromJson(const boost::json::value& json, std::string_view type) {
  if (json.is_null()) return sdk::Value::Null();
  if (json.is_bool()) return sdk::Value::Bool(json.as_bool());
  if (json.is_int64()) return sdk::Value::Int64(json.as_int64());
  if (json.is_uint64()) return sdk::Value::Int64(static_cast<std::int64_t>(json.as_uint64()));
  if (json.is_double()) return sdk::Value::Double(json.as_double());
  if (!json.is_string()) return sdk::Status::DataError("a field value is neither null, a number, a flag nor text");
  std::string text(json.as_string());
  if (type == "decimal") return sdk::Value::Decimal(std::move(text));
  if (type == "date") return sdk::Value::Date(std::move(text));
  if (type == "timestamp") {
    std::optional<std::int64_t> millis = ParseIsoUtcMillis(text);
    if (!millis) return sdk::Status::DataError("timestamp '" + text + "' is not in the raw record's form");
    return sdk::Value::Timestamp(*millis);
  }
  return sdk::Value::String(std::move(text));
}

std::string TextOf(const boost::json::object& object, std::string_view key) {
  const boost::json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

}  // namespace

std::string StorableText(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::size_t length = text.front() == '\0' ? 0 : Utf8SequenceLength(text);
    out.append(length == 0 ? kReplacement : text.substr(0, length));
    text.remove_prefix(length == 0 ? 1 : length);
  }
  return out;
}

std::string RawRecordJson(const sdk::Record& record, std::string_view source_system) {
  boost::json::object fields;
  boost::json::object types;
  for (const sdk::Field& field : record.fields) {
    fields[StorableText(field.name)] = StorableJson(field.value);
    std::string_view type = HiddenTypeName(field.value.type());
    if (!type.empty()) types[StorableText(field.name)] = type;
  }
  boost::json::object raw{{"entity", StorableText(record.entity)},
                          {"source_system", StorableText(source_system)},
                          {"source_id", StorableText(record.source_id)},
                          {"position", StorableText(record.position)},
                          {"fields", std::move(fields)}};
  if (!types.empty()) raw["types"] = std::move(types);
  if (record.operation == sdk::Operation::kDelete) raw["operation"] = "delete";
  return boost::json::serialize(raw);
}

std::string CappedRawJson(const std::string& raw, const sdk::Record& record, std::string_view source_system,
                          std::size_t cap) {
  if (raw.size() <= cap) return raw;
  std::size_t cut = cap;
  // Back to the start of a UTF-8 sequence (raw is well-formed: StorableText made it so).
  while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
  boost::json::object capped{{"truncated", true},
                             {"length", raw.size()},
                             {"entity", StorableText(record.entity)},
                             {"source_system", StorableText(source_system)},
                             {"source_id", StorableText(record.source_id)},
                             {"position", StorableText(record.position)},
                             {"prefix", std::string_view(raw).substr(0, cut)}};
  return boost::json::serialize(capped);
}

sdk::Result<sdk::Record> RecordFromRawJson(std::string_view raw) {
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(raw, error);
  if (error || !parsed.is_object()) return sdk::Status::DataError("the raw record is not a JSON object");
  const boost::json::object& object = parsed.as_object();
  if (const boost::json::value* truncated = object.if_contains("truncated");
      truncated && truncated->is_bool() && truncated->as_bool()) {
    return sdk::Status::DataError("only the first " + std::to_string(raw.size()) +
                                  " bytes of the record were kept: re-read it from its source");
  }
  const boost::json::value* fields = object.if_contains("fields");
  if (fields == nullptr || !fields->is_object()) return sdk::Status::DataError("the raw record has no fields");
  const boost::json::value* types = object.if_contains("types");
  sdk::Record record;
  record.entity = TextOf(object, "entity");
  record.source_system = TextOf(object, "source_system");
  record.source_id = TextOf(object, "source_id");
  record.position = TextOf(object, "position");
  if (TextOf(object, "operation") == "delete") record.operation = sdk::Operation::kDelete;
  for (const auto& [name, json] : fields->as_object()) {
    std::string type = types != nullptr && types->is_object() ? TextOf(types->as_object(), name) : std::string();
    sdk::Result<sdk::Value> value = ValueFromJson(json, type);
    if (!value.ok()) return value.status().WithContext("field '" + std::string(name) + "'");
    record.Set(std::string(name), std::move(value).value());
  }
  return record;
}

std::string MappedRecordJson(const model::MappedRecord& record) {
  boost::json::object fields;
  for (const model::MappedField& field : record.fields) fields[field.name()] = StorableJson(field.value);
  boost::json::object payload{
      {"source_system", record.source_system}, {"source_id", record.source_id}, {"fields", std::move(fields)}};
  return boost::json::serialize(payload);
}

std::string ContentHash(const model::MappedRecord& record) {
  // Unit and record separators cannot occur in the UTF-8 text of a field name, so the form is unambiguous.
  std::string canonical(record.entity->name);
  for (const model::MappedField& field : record.fields) {
    canonical.append("\x1e").append(field.name()).append("\x1f");
    canonical.append(std::to_string(static_cast<int>(field.value.type()))).append("\x1f");
    const sdk::Value& value = field.value;
    bool textual = value.type() == sdk::ValueType::kString || value.type() == sdk::ValueType::kDecimal ||
                   value.type() == sdk::ValueType::kDate;
    canonical.append(textual ? value.text() : boost::json::serialize(ValueToJson(value)));
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(canonical.data(), canonical.size(), digest, &length, EVP_sha256(), nullptr);
  return Hex(digest, length);
}

}  // namespace hub::store_model
