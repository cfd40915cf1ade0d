// Nullable ids and texts between the store's values, the statements' parameters and JSON: the conversions the
// model layer's readers of whole rows (tasks, intents) and their routes share.
#ifndef HUB_STORE_MODEL_STORED_VALUES_HPP_
#define HUB_STORE_MODEL_STORED_VALUES_HPP_

#include <cstdint>
#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "common/clock.hpp"
#include "hub/sdk/record.hpp"

namespace hub::store_model {

// A stored id column: nullopt for null. Pure.
std::optional<std::int64_t> OptionalId(const sdk::Value& value);

// A stored text column: empty for null. Pure.
std::string TextOrEmpty(const sdk::Value& value);

// A statement's parameter: null for nullopt, or for empty text. Pure.
sdk::Value IdOrNull(const std::optional<std::int64_t>& id);
sdk::Value TextOrNull(const std::string& text);
// A statement's parameter: the instant `when` as a timestamp (ms since the epoch, UTC). Pure.
sdk::Value TimestampOf(TimePoint when);

// JSON: null for nullopt, or for empty text. Pure.
boost::json::value IdJson(const std::optional<std::int64_t>& id);
boost::json::value TextJson(const std::string& text);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_STORED_VALUES_HPP_
