#include "file/jsonl_row_parser.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace hub::file {
namespace {

namespace json = boost::json;

sdk::Value ToValue(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return sdk::Value::Null();
    case json::kind::bool_:
      return sdk::Value::Bool(value.get_bool());
    case json::kind::int64:
      return sdk::Value::Int64(value.get_int64());
    case json::kind::uint64:
      return sdk::Value::Decimal(std::to_string(value.get_uint64()));
    case json::kind::double_:
      return sdk::Value::Double(value.get_double());
    case json::kind::string:
      return sdk::Value::String(std::string(value.get_string()));
    case json::kind::array:
    case json::kind::object:
      return sdk::Value::String(json::serialize(value));
  }
  return sdk::Value::Null();
}

const char* KindName(json::kind kind) {
  switch (kind) {
    case json::kind::array:
      return "an array";
    case json::kind::string:
      return "a string";
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    default:
      return "a number";
  }
}

}  // namespace

sdk::Result<bool> JsonlRowParser::Next(files::TextLines& lines, sdk::Record* record, std::uint64_t* first_line) {
  files::TextLine line;
  sdk::Result<bool> more = lines.Next(&line);
  if (!more.ok() || !*more) return more;
  *first_line = line.number;
  raw_.assign(line.text);
  if (!line.error.empty()) {
    record->rejection = line.error;
    return true;
  }
  boost::system::error_code error;
  const json::value value = json::parse(line.text, error);
  if (error) {
    record->rejection = "not valid JSON: " + error.message();
  } else if (!value.is_object()) {
    record->rejection = std::string("a JSON line must hold an object, not ") + KindName(value.kind());
  } else {
    const json::object& object = value.get_object();
    record->fields.reserve(object.size());
    for (const auto& member : object) {
      record->fields.push_back(sdk::Field{std::string(member.key()), ToValue(member.value())});
    }
  }
  return true;
}

bool JsonlRowParser::IsBlank(std::string_view text) const {
  return text.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace hub::file
