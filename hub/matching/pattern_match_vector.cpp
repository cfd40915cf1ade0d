#include "matching/pattern_match_vector.hpp"

namespace hub::matching {

// Counts in locals: used_ holds bytes, which may alias every member, so members would be reloaded each step.
void PatternMatchVector::Assign(std::u32string_view pattern) {
  const std::size_t previous = used_count_;
  for (std::size_t i = 0; i < previous; ++i) {
    const uint8_t entry = used_[i];
    if (entry < kAscii) {
      ascii_[entry] = 0;
    } else {
      masks_[entry - kAscii] = 0;
    }
  }
  const std::size_t size = pattern.size() < kMaxLength ? pattern.size() : kMaxLength;
  std::size_t used = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const char32_t c = pattern[i];
    const uint64_t bit = uint64_t{1} << i;
    if (c < kAscii) {
      // Branch-free: the entry is recorded, and kept only when the code point is new.
      used_[used] = static_cast<uint8_t>(c);
      used += ascii_[c] == 0 ? 1 : 0;
      ascii_[c] |= bit;
      continue;
    }
    std::size_t slot = c % kSlots;
    while (masks_[slot] != 0 && keys_[slot] != c) slot = (slot + 1) % kSlots;
    if (masks_[slot] == 0) used_[used++] = static_cast<uint8_t>(kAscii + slot);
    keys_[slot] = c;
    masks_[slot] |= bit;
  }
  used_count_ = used;
  size_ = size;
}

}  // namespace hub::matching
