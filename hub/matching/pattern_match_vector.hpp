// The pattern-match vector of a short string: for every code point, the bit set of the positions where it
// occurs. The bit-parallel kernels (Jaro, longest common subsequence) look a character of the other string up
// in it instead of scanning the pattern.
#ifndef HUB_MATCHING_PATTERN_MATCH_VECTOR_HPP_
#define HUB_MATCHING_PATTERN_MATCH_VECTOR_HPP_

#include <array>
#include <cstdint>
#include <string_view>

namespace hub::matching {

// Holds a pattern of at most kMaxLength code points (a longer one is cut to that length: callers check the
// length first and take their quadratic path). ASCII is looked up directly; other code points in a 128-slot
// open-addressing table (at most 64 keys, so never more than half full). Assign replaces the pattern by
// clearing only the entries the previous one set, so one vector (about 2.6 KB) can serve pattern after pattern
// — the kernels keep one per thread for their one-to-one calls. Not thread-safe while being assigned; const
// use is safe from any number of threads.
class PatternMatchVector {
 public:
  static constexpr std::size_t kMaxLength = 64;

  PatternMatchVector() = default;
  explicit PatternMatchVector(std::u32string_view pattern) { Assign(pattern); }

  void Assign(std::u32string_view pattern);

  // Bit i is set when pattern[i] == c.
  uint64_t Get(char32_t c) const {
    if (c < kAscii) return ascii_[c];
    std::size_t slot = c % kSlots;
    while (masks_[slot] != 0) {
      if (keys_[slot] == c) return masks_[slot];
      slot = (slot + 1) % kSlots;
    }
    return 0;
  }

  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kAscii = 128;
  static constexpr std::size_t kSlots = 128;

  std::array<uint64_t, kAscii> ascii_{};
  std::array<uint64_t, kSlots> masks_{};
  std::array<char32_t, kSlots> keys_{};
  // What the pattern set: an ASCII code point c as c, a table slot s as kAscii + s.
  std::array<uint8_t, kMaxLength> used_{};
  std::size_t used_count_ = 0;
  std::size_t size_ = 0;
};

}  // namespace hub::matching

#endif  // HUB_MATCHING_PATTERN_MATCH_VECTOR_HPP_
