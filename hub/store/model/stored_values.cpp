#include "store/model/stored_values.hpp"

namespace hub::store_model {

std::optional<std::int64_t> OptionalId(const sdk::Value& value) {
  return value.is_null() ? std::nullopt : std::optional<std::int64_t>(value.integer());
}

std::string TextOrEmpty(const sdk::Value& value) { return value.is_null() ? std::string() : value.text(); }

sdk::Value IdOrNull(const std::optional<std::int64_t>& id) { return id ? sdk::Value::Int64(*id) : sdk::Value::Null(); }

sdk::Value TextOrNull(const std::string& text) { return text.empty() ? sdk::Value::Null() : sdk::Value::String(text); }

boost::json::value IdJson(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

boost::json::value TextJson(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

}  // namespace hub::store_model
