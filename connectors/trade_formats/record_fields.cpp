#include "trade_formats/record_fields.hpp"

namespace hub::trade_formats {

void SetText(sdk::Record* record, std::string_view name, std::string_view text) {
  if (!text.empty()) record->fields.push_back(sdk::Field{std::string(name), sdk::Value::String(std::string(text))});
}

std::string_view FieldText(const sdk::Record& record, std::string_view name) {
  const sdk::Value* value = record.Find(name);
  return value == nullptr ? std::string_view() : std::string_view(value->text());
}

}  // namespace hub::trade_formats
