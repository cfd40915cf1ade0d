#include "hub/odbc/incremental_cursor.hpp"

#include <boost/json.hpp>

namespace hub::odbc {
namespace {

namespace json = boost::json;

constexpr std::int64_t kVersion = 1;

json::value EncodeId(const sdk::Value& id) {
  switch (id.type()) {
    case sdk::ValueType::kInt64:
      return json::value(id.integer());
    case sdk::ValueType::kDecimal:
      return json::value{{"decimal", id.text()}};
    default:
      return json::value(id.text());
  }
}

std::optional<sdk::Value> DecodeId(const json::value& id) {
  if (id.is_int64()) return sdk::Value::Int64(id.as_int64());
  if (id.is_string()) return sdk::Value::String(std::string(id.as_string()));
  if (!id.is_object()) return std::nullopt;
  const json::value* decimal = id.as_object().if_contains("decimal");
  if (decimal == nullptr || !decimal->is_string()) return std::nullopt;
  return sdk::Value::Decimal(std::string(decimal->as_string()));
}

std::optional<IncrementalCursor> DecodeObject(const json::object& object) {
  const json::value* version = object.if_contains("v");
  if (version == nullptr || !version->is_int64() || version->as_int64() != kVersion) return std::nullopt;
  IncrementalCursor cursor;
  if (const json::value* rows = object.if_contains("rows")) {
    if (!rows->is_int64() || rows->as_int64() < 0) return std::nullopt;
    cursor.rows = static_cast<std::uint64_t>(rows->as_int64());
    return cursor;
  }
  const json::value* phase = object.if_contains("phase");
  const json::value* timestamp = object.if_contains("ts");
  const json::value* id = object.if_contains("id");
  if (phase == nullptr || !phase->is_string() || timestamp == nullptr || !timestamp->is_string() || id == nullptr) {
    return std::nullopt;
  }
  if (phase->as_string() != "start" && phase->as_string() != "page") return std::nullopt;
  cursor.phase = phase->as_string() == "start" ? IncrementalCursor::Phase::kStart : IncrementalCursor::Phase::kPage;
  std::optional<sdk::Value> id_value = DecodeId(*id);
  if (!id_value) return std::nullopt;
  cursor.position = KeyPosition{std::string(timestamp->as_string()), std::move(*id_value)};
  return cursor;
}

}  // namespace

std::string EncodeCursor(const IncrementalCursor& cursor) {
  if (!cursor.position && cursor.rows == 0) return "";
  json::object object;
  object["v"] = kVersion;
  if (!cursor.position) {
    object["rows"] = static_cast<std::int64_t>(cursor.rows);
    return json::serialize(object);
  }
  object["phase"] = cursor.phase == IncrementalCursor::Phase::kStart ? "start" : "page";
  object["ts"] = cursor.position->timestamp;
  object["id"] = EncodeId(cursor.position->id);
  return json::serialize(object);
}

sdk::Result<IncrementalCursor> DecodeCursor(std::string_view text) {
  if (text.empty()) return IncrementalCursor{};
  json::error_code error;
  const json::value value = json::parse(text, error);
  std::optional<IncrementalCursor> cursor;
  if (!error && value.is_object()) cursor = DecodeObject(value.as_object());
  if (!cursor) {
    return sdk::Status::InvalidArgument("not a cursor of an incremental ODBC query (reset the job's checkpoint): " +
                                        std::string(text));
  }
  return *cursor;
}

}  // namespace hub::odbc
