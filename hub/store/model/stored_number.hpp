// Numbers as the store or a record gives them: an integer, a double, or decimal text (SQLite's money is text,
// PostgreSQL's numeric comes as text too, and SQLite's driver may report a computed integer as text).
#ifndef HUB_STORE_MODEL_STORED_NUMBER_HPP_
#define HUB_STORE_MODEL_STORED_NUMBER_HPP_

#include <cstdint>
#include <optional>

#include "hub/sdk/record.hpp"

namespace hub::store_model {

// `value` as a number; nullopt for null or text that is no number. Pure.
std::optional<double> NumberOf(const sdk::Value& value);

// `value` as an integer (a count, an id); 0 for null or text that is no integer. Pure.
std::int64_t IntegerOf(const sdk::Value& value);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_STORED_NUMBER_HPP_
