#include "hub/files/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace hub::files {
namespace {

// For a lead byte: how many bytes its sequence has and the range allowed for the second byte (the rest
// are always 0x80..0xBF). Zero length: not a lead byte.
struct LeadByte {
  std::size_t length;
  unsigned char second_min;
  unsigned char second_max;
};

LeadByte ClassifyLead(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

// Length of the valid multi-byte sequence at p[0..available), or 0; *cut when it is valid but incomplete.
std::size_t SequenceLength(const unsigned char* p, std::size_t available, bool* cut) {
  const LeadByte lead = ClassifyLead(p[0]);
  if (lead.length == 0) return 0;
  for (std::size_t i = 1; i < lead.length; ++i) {
    if (i == available) {
      *cut = true;
      return 0;
    }
    const unsigned char min = i == 1 ? lead.second_min : 0x80;
    const unsigned char max = i == 1 ? lead.second_max : 0xBF;
    if (p[i] < min || p[i] > max) return 0;
  }
  return lead.length;
}

}  // namespace

std::size_t ValidUtf8Prefix(std::string_view bytes, bool* cut) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  bool was_cut = false;
  std::size_t i = 0;
  while (i < size) {
    std::uint64_t word = 0;
    if (i + sizeof(word) <= size) {
      std::memcpy(&word, p + i, sizeof(word));
      if ((word & kHighBits) == 0) {
        i += sizeof(word);
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = SequenceLength(p + i, size - i, &was_cut);
    if (length == 0) break;
    i += length;
  }
  if (cut != nullptr) *cut = was_cut;
  return i;
}

}  // namespace hub::files
