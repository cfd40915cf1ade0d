#include "store/model/activity_attachments.hpp"

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

namespace json = boost::json;
using sdk::Value;

constexpr std::string_view kField = "attachments";

sdk::Status NotAnAttachmentList(std::string_view why) {
  return sdk::Status::InvalidArgument(
      "field '" + std::string(kField) +
      "' is not a JSON array of {name, content_type, size, sha256}: " + std::string(why));
}

bool IsSha256(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Value TextOf(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? Value::String(std::string(value->as_string())) : Value::Null();
}

// One row's values in column order (position, name, content_type, size_bytes, sha256, content_id, is_inline).
sdk::Result<std::vector<Value>> RowOf(const json::value& entry, std::int64_t position) {
  const json::object* object = entry.if_object();
  if (object == nullptr) return NotAnAttachmentList("an entry is not an object");
  const Value name = TextOf(*object, "name");
  const Value sha256 = TextOf(*object, "sha256");
  const json::value* size = object->if_contains("size");
  if (name.is_null() || name.text().empty()) return NotAnAttachmentList("an entry has no name");
  if (sha256.is_null() || !IsSha256(sha256.text())) return NotAnAttachmentList("an entry's sha256 is no SHA-256");
  if (size == nullptr || !(size->is_int64() || size->is_uint64()) || (size->is_int64() && size->as_int64() < 0)) {
    return NotAnAttachmentList("an entry's size is no byte count");
  }
  const Value type = TextOf(*object, "content_type");
  const Value content_id = TextOf(*object, "content_id");
  const json::value* is_inline = object->if_contains("inline");
  return std::vector<Value>{
      Value::Int64(position),
      name,
      type.is_null() ? Value::String("application/octet-stream") : type,
      Value::Int64(size->is_int64() ? size->as_int64() : static_cast<std::int64_t>(size->as_uint64())),
      sha256,
      content_id.is_null() || content_id.text().empty() ? Value::Null() : content_id,
      Value::Bool(is_inline != nullptr && is_inline->is_bool() && is_inline->as_bool())};
}

}  // namespace

sdk::Status ActivityAttachments::AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t,
                                          bool shared_row) {
  const Value* attachments = record.Find(kField);
  if (attachments == nullptr || (shared_row && attachments->is_null())) return sdk::Status::Ok();
  std::vector<std::vector<Value>> rows;
  if (!attachments->is_null()) {
    boost::system::error_code error;
    const json::value parsed = json::parse(attachments->text(), error);
    if (error || !parsed.is_array()) return NotAnAttachmentList("it does not parse as an array");
    for (const json::value& entry : parsed.as_array()) {
      sdk::Result<std::vector<Value>> row = RowOf(entry, static_cast<std::int64_t>(rows.size()) + 1);
      if (!row.ok()) return row.status();
      rows.push_back(std::move(*row));
    }
  }
  if (!new_row_) {
    auto deleted = ExecuteStoreStatement(connection_, "DELETE FROM activity_attachments WHERE activity_id = ?",
                                         {Value::Int64(row_id)});
    if (!deleted.ok()) return deleted.status();
  }
  for (std::vector<Value>& row : rows) {
    row.insert(row.begin(), Value::Int64(row_id));
    auto inserted =
        ExecuteStoreStatement(connection_,
                              "INSERT INTO activity_attachments (activity_id, position, name, content_type, "
                              "size_bytes, sha256, content_id, is_inline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              row);
    if (!inserted.ok()) return inserted.status();
  }
  return sdk::Status::Ok();
}

}  // namespace hub::store_model
