#include "finance/finance_cursor.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

namespace hub::finance {
namespace {

namespace json = boost::json;

constexpr std::int64_t kVersion = 1;

std::optional<FinanceCursor> DecodeObject(const json::object& object) {
  const json::value* version = object.if_contains("v");
  const json::value* stream = object.if_contains("stream");
  const json::value* streams = object.if_contains("streams");
  if (version == nullptr || !version->is_int64() || version->as_int64() != kVersion) return std::nullopt;
  if (stream == nullptr || !stream->is_string() || streams == nullptr || !streams->is_object()) return std::nullopt;
  FinanceCursor cursor;
  cursor.stream = std::string(stream->as_string());
  if (const json::value* last = object.if_contains("last_sweep_at")) {
    if (!last->is_int64() || last->as_int64() < 0) return std::nullopt;
    cursor.last_sweep_at = last->as_int64();
  }
  if (const json::value* folder = object.if_contains("folder")) {
    if (!folder->is_string()) return std::nullopt;
    cursor.folder = std::string(folder->as_string());
  }
  if (const json::value* in_folder = object.if_contains("in_folder")) {
    if (!in_folder->is_bool()) return std::nullopt;
    cursor.in_folder = in_folder->as_bool();
  }
  if (const json::value* sweep = object.if_contains("sweep")) {
    if (!sweep->is_object()) return std::nullopt;
    const json::value* id = sweep->as_object().if_contains("id");
    const json::value* in = sweep->as_object().if_contains("stream");
    const json::value* after = sweep->as_object().if_contains("after");
    if (id == nullptr || !id->is_string() || in == nullptr || !in->is_string()) return std::nullopt;
    SweepPosition position{std::string(id->as_string()), std::string(in->as_string()), {}};
    if (after != nullptr) {
      sdk::Result<odbc::IncrementalCursor> decoded = odbc::DecodeCursor(json::serialize(*after));
      if (!decoded.ok()) return std::nullopt;
      position.after = std::move(decoded).value();
    }
    cursor.sweep = std::move(position);
  }
  for (const auto& [name, inner] : streams->as_object()) {
    if (!inner.is_object()) return std::nullopt;
    sdk::Result<odbc::IncrementalCursor> decoded = odbc::DecodeCursor(json::serialize(inner));
    if (!decoded.ok()) return std::nullopt;
    cursor.streams.emplace(std::string(name), std::move(decoded).value());
  }
  return cursor;
}

// `text` as a JSON string.
std::string Quoted(std::string_view text) { return json::serialize(json::string(text)); }

}  // namespace

// Written as text around the streams' own encodings (odbc::EncodeCursor, JSON objects), not parsed back into
// a json::object: a cursor is encoded for every record read, so this is on the path of every row.
std::string EncodeFinanceCursor(const FinanceCursor& cursor) {
  std::string streams;
  for (const auto& [name, inner] : cursor.streams) {
    const std::string encoded = odbc::EncodeCursor(inner);
    if (encoded.empty()) continue;
    streams.append(streams.empty() ? "" : ",").append(Quoted(name)).append(":").append(encoded);
  }
  if (cursor.stream.empty() && streams.empty() && !cursor.sweep && cursor.last_sweep_at == 0 && cursor.folder.empty() &&
      !cursor.in_folder) {
    return "";
  }
  std::string text =
      "{\"v\":" + std::to_string(kVersion) + ",\"stream\":" + Quoted(cursor.stream) + ",\"streams\":{" + streams + "}";
  if (cursor.last_sweep_at != 0) text += ",\"last_sweep_at\":" + std::to_string(cursor.last_sweep_at);
  if (!cursor.folder.empty()) text += ",\"folder\":" + Quoted(cursor.folder);
  if (cursor.in_folder) text += ",\"in_folder\":true";
  if (cursor.sweep) {
    text += ",\"sweep\":{\"id\":" + Quoted(cursor.sweep->id) + ",\"stream\":" + Quoted(cursor.sweep->stream);
    const std::string after = odbc::EncodeCursor(cursor.sweep->after);
    if (!after.empty()) text += ",\"after\":" + after;
    text += "}";
  }
  return text + "}";
}

sdk::Result<FinanceCursor> DecodeFinanceCursor(std::string_view text) {
  if (text.empty()) return FinanceCursor{};
  json::error_code error;
  const json::value value = json::parse(text, error);
  std::optional<FinanceCursor> cursor;
  if (!error && value.is_object()) cursor = DecodeObject(value.as_object());
  if (!cursor) {
    return sdk::Status::InvalidArgument("not a cursor of the finance connector (reset the job's checkpoint): " +
                                        std::string(text));
  }
  return *cursor;
}

}  // namespace hub::finance
