// A matcher's explanation of a pair as match_pairs keeps it.
#ifndef HUB_GOLDEN_EXPLANATION_JSON_HPP_
#define HUB_GOLDEN_EXPLANATION_JSON_HPP_

#include <string>

#include "matching/matcher.hpp"

namespace hub::golden {

// {"decision":"link","rule":"…" (empty when the score decided),"prior":bits,"total":bits,"probability":p,
// "fields":[{"field":"name","level":"exact","weight":bits,"frequency_adjusted":bool}]}. Pure function.
std::string ExplanationJson(const matching::Explanation& explanation);

}  // namespace hub::golden

#endif  // HUB_GOLDEN_EXPLANATION_JSON_HPP_
