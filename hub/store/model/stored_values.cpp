#include "store/model/stored_values.hpp"

#include <chrono>

namespace hub::store_model {

std::optional<std::int64_t> OptionalId(const sdk::Value& value) {
  return value.is_null() ? std::nullopt : std::optional<std::int64_t>(value.integer());
}

std::string TextOrEmpty(const sdk::Value& value) { return value.is_null() ? std::string() : value.text(); }

sdk::Value IdOrNull(const std::optional<std::int64_t>& id) { return id ? sdk::Value::Int64(*id) : sdk::Value::Null(); }

sdk::Value TextOrNull(const std::string& text) { return text.empty() ? sdk::Value::Null() : sdk::Value::String(text); }

sdk::Value TimestampOf(TimePoint when) {
  return sdk::Value::Timestamp(std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count());
}

boost::json::value IdJson(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

boost::json::value TextJson(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

}  // namespace hub::store_model
