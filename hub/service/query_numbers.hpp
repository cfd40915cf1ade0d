// Whole numbers in the API's paths and query strings (ids, pages, limits), read strictly.
#ifndef HUB_SERVICE_QUERY_NUMBERS_HPP_
#define HUB_SERVICE_QUERY_NUMBERS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::service {

// `text` as a whole number in [min, max]: decimal digits only (no sign, no space, nothing after), else nullopt.
std::optional<std::int64_t> ParseWholeNumber(std::string_view text, std::int64_t min, std::int64_t max);

// `text` as a row id (1 or more), else nullopt.
std::optional<std::int64_t> ParseRowId(std::string_view text);

// A page size given as ?limit=: `fallback` when `text` is empty, a whole number in [1, max] when given, nullopt
// for anything else (answer 400 with LimitProblem).
std::optional<std::size_t> ParseLimit(std::string_view text, std::size_t fallback, std::size_t max);

// "limit must be a whole number from 1 to <max>".
std::string LimitProblem(std::size_t max);

// One page of a list in id order: the ids above `after`, at most `limit` of them.
struct IdPage {
  std::int64_t after = 0;
  std::size_t limit = 0;
};

// The page ?after= and ?limit= ask for: `after_text` a whole number (0 when empty), `limit_text` as ParseLimit
// reads it. Errors: InvalidArgument, to answer 400 with — "after must be <what_id>" or LimitProblem's.
sdk::Result<IdPage> ParseIdPage(std::string_view after_text, std::string_view limit_text, std::string_view what_id,
                                std::size_t fallback, std::size_t max);

}  // namespace hub::service

#endif  // HUB_SERVICE_QUERY_NUMBERS_HPP_
