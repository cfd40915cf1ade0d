#include "common/value_json.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"

namespace hub {

boost::json::value ValueToJson(const sdk::Value& value) {
  switch (value.type()) {
    case sdk::ValueType::kNull:
      return nullptr;
    case sdk::ValueType::kInt64:
      return value.integer();
    case sdk::ValueType::kDouble:
      return value.real();
    case sdk::ValueType::kBool:
      return value.boolean();
    case sdk::ValueType::kTimestamp:
      return boost::json::string(FormatIsoUtc(TimePoint(std::chrono::milliseconds(value.integer()))));
    case sdk::ValueType::kString:
    case sdk::ValueType::kDecimal:
    case sdk::ValueType::kDate:
      break;
  }
  return boost::json::string(value.text());
}

}  // namespace hub
