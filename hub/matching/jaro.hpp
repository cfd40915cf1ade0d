// Jaro and Jaro-Winkler similarity of two strings of code points, bit-parallel for strings of up to 64.
#ifndef HUB_MATCHING_JARO_HPP_
#define HUB_MATCHING_JARO_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "matching/pattern_match_vector.hpp"

namespace hub::matching {

// Jaro similarity in [0, 1]: m common characters (equal and at most max(|a|, |b|) / 2 - 1 positions apart,
// each character of `a` in order taking the first unmatched one of `b`), t half the number of common
// characters out of order, (m/|a| + m/|b| + (m - t)/m) / 3; 0 when m is 0, 1 for two empty strings.
// MARTHA/MARHTA 0.944, DWAYNE/DUANE 0.822, DIXON/DICKSONX 0.767. Strings of up to 64 code points are
// compared with one 64-bit word per string (the pattern-match vector of `b`); longer ones take the textbook
// O(|a|·|b|) path, with the same result. Thread-safe.
double Jaro(std::u32string_view a, std::u32string_view b);

// Jaro-Winkler: the Jaro similarity j raised, when above 0.7, by l·0.1·(1 - j) for a common prefix of l
// (at most 4) code points. MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.813. Thread-safe.
double JaroWinkler(std::u32string_view a, std::u32string_view b);

// The textbook O(|a|·|b|) Jaro (a flag array per string), which Jaro must always equal: the reference of
// the tests and the ceiling of the benchmark. Thread-safe.
double JaroQuadratic(std::u32string_view a, std::u32string_view b);

// One string compared with many (a new record against its candidates): its pattern-match vector is built
// once. JaroPattern(b).Jaro(a) == Jaro(a, b). Immutable after construction: safe to share between threads.
class JaroPattern {
 public:
  explicit JaroPattern(std::u32string_view pattern);

  double Jaro(std::u32string_view text) const;
  double JaroWinkler(std::u32string_view text) const;

 private:
  std::u32string pattern_;
  std::optional<PatternMatchVector> vector_;  // none when the pattern is longer than 64
};

}  // namespace hub::matching

#endif  // HUB_MATCHING_JARO_HPP_
