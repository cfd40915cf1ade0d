#include "matching/ngram_similarity.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace hub::matching {
namespace {

// Each bigram as one 64-bit key (a code point needs 21 bits), sorted and distinct, into `keys` (whose
// capacity the thread keeps from call to call).
void Bigrams(std::u32string_view text, std::vector<uint64_t>& keys) {
  keys.clear();
  if (text.size() == 1) keys.push_back(text[0]);
  for (std::size_t i = 1; i < text.size(); ++i) {
    keys.push_back((uint64_t{text[i - 1]} << 32 | text[i]) + (uint64_t{1} << 63));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

struct Overlap {
  std::size_t a = 0;
  std::size_t b = 0;
  std::size_t shared = 0;
};

Overlap Count(std::u32string_view a, std::u32string_view b) {
  thread_local std::vector<uint64_t> a_keys;
  thread_local std::vector<uint64_t> b_keys;
  Bigrams(a, a_keys);
  Bigrams(b, b_keys);
  Overlap overlap{a_keys.size(), b_keys.size(), 0};
  auto i = a_keys.begin();
  auto j = b_keys.begin();
  while (i != a_keys.end() && j != b_keys.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++overlap.shared;
      ++i;
      ++j;
    }
  }
  return overlap;
}

}  // namespace

double BigramDice(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  const Overlap overlap = Count(a, b);
  return 2.0 * static_cast<double>(overlap.shared) / static_cast<double>(overlap.a + overlap.b);
}

double BigramJaccard(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  const Overlap overlap = Count(a, b);
  return static_cast<double>(overlap.shared) / static_cast<double>(overlap.a + overlap.b - overlap.shared);
}

}  // namespace hub::matching
