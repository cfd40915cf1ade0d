// Character-bigram similarities, the measure for CJK names, which have no spaces to split words at and
// whose characters each carry meaning: 华信科技 and 华信电子 share the bigram 华信.
#ifndef HUB_MATCHING_NGRAM_SIMILARITY_HPP_
#define HUB_MATCHING_NGRAM_SIMILARITY_HPP_

#include <string_view>

namespace hub::matching {

// Dice coefficient 2·|A ∩ B| / (|A| + |B|) of the distinct bigrams (adjacent code-point pairs) of a and b; a
// string of one code point counts as its one character. 1 for two empty strings, 0 when one is empty.
// 华信科技/华信电子 2·1/(3+3) = 0.333. Thread-safe.
double BigramDice(std::u32string_view a, std::u32string_view b);

// Jaccard coefficient |A ∩ B| / |A ∪ B| of the same bigram sets. Thread-safe.
double BigramJaccard(std::u32string_view a, std::u32string_view b);

}  // namespace hub::matching

#endif  // HUB_MATCHING_NGRAM_SIMILARITY_HPP_
