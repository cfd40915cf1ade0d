// Similarities of Latin-script names as token lists: word order and extra words forgiven in measured ways.
// Input is text already in its comparison form (model::NormalizeName, legal forms stripped): tokens are the
// runs between spaces.
#ifndef HUB_MATCHING_TOKEN_SIMILARITY_HPP_
#define HUB_MATCHING_TOKEN_SIMILARITY_HPP_

#include <string_view>

namespace hub::matching {

// 2·LCS(a, b) / (|a| + |b|), the Indel-normalized similarity (what fuzzywuzzy and rapidfuzz call "ratio",
// here in [0, 1]); 1 for two empty strings. The longest common subsequence is computed bit-parallel when b
// has at most 64 code points, else by dynamic programming. "kitten"/"sitting" 8/13. Thread-safe.
double IndelRatio(std::u32string_view a, std::u32string_view b);

// IndelRatio of the two token lists each sorted and joined by one space: "acme trading" and "trading acme"
// are 1. Thread-safe.
double TokenSortRatio(std::string_view a, std::string_view b);

// With I the sorted tokens both share and A, B the sorted rest of each: 1 when I is not empty and A or B is
// (one name's tokens are all in the other's), else the best IndelRatio of I with I+A, I with I+B and I+A
// with I+B (IndelRatio of A and B when I is empty); "acme" / "acme trading" is 1. Thread-safe.
double TokenSetRatio(std::string_view a, std::string_view b);

// |tokens(a) ∩ tokens(b)| / |tokens(a) ∪ tokens(b)| over distinct tokens; 1 for two empty texts. Thread-safe.
double TokenJaccard(std::string_view a, std::string_view b);

}  // namespace hub::matching

#endif  // HUB_MATCHING_TOKEN_SIMILARITY_HPP_
