#include "matching/jaro.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace hub::matching {
namespace {

constexpr double kWinklerThreshold = 0.7;
constexpr double kPrefixWeight = 0.1;
constexpr std::size_t kMaxPrefix = 4;

// How far apart two common characters may be.
std::size_t Window(std::size_t a_length, std::size_t b_length) {
  const std::size_t longest = std::max(a_length, b_length);
  return longest >= 2 ? longest / 2 - 1 : 0;
}

// (m/|a| + m/|b| + (m - t)/m) / 3 over one common denominator: one division instead of three. In doubles,
// which hold these products exactly while they stay below 2^53 (always, for names) and cannot overflow.
double FromCounts(std::size_t a_length, std::size_t b_length, std::size_t common, std::size_t out_of_order) {
  if (common == 0) return 0.0;
  const auto a = static_cast<double>(a_length);
  const auto b = static_cast<double>(b_length);
  const auto m = static_cast<double>(common);
  const auto t = static_cast<double>(out_of_order / 2);
  return (m * m * (a + b) + (m - t) * a * b) / (3.0 * a * b * m);
}

// The low n bits set, n <= 64.
uint64_t LowBits(std::size_t n) { return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1; }

// Both strings at most 64 long; `vector` is b's.
double JaroBitParallel(std::u32string_view a, std::u32string_view b, const PatternMatchVector& vector) {
  const std::size_t window = Window(a.size(), b.size());
  const uint64_t in_b = LowBits(b.size());
  // b's positions within the window of a[j]: [j - window, j + window], moved one position a step.
  uint64_t in_window = LowBits(window + 1) & in_b;
  uint64_t a_flags = 0;
  uint64_t b_flags = 0;
  std::size_t common = 0;  // counted here: without -mpopcnt, std::popcount is a library call
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (j > 0) in_window = ((in_window << 1) | (j <= window ? 1 : 0)) & in_b;
    if (in_window == 0) break;
    const uint64_t candidates = vector.Get(a[j]) & in_window & ~b_flags;
    const uint64_t first = candidates & (~candidates + 1);
    b_flags |= first;
    a_flags |= static_cast<uint64_t>(first != 0) << j;
    common += first != 0 ? 1 : 0;
  }
  std::size_t out_of_order = 0;
  while (a_flags != 0) {
    const char32_t in_a = a[static_cast<std::size_t>(std::countr_zero(a_flags))];
    out_of_order += in_a != b[static_cast<std::size_t>(std::countr_zero(b_flags))] ? 1 : 0;
    a_flags &= a_flags - 1;
    b_flags &= b_flags - 1;
  }
  return FromCounts(a.size(), b.size(), common, out_of_order);
}

double ForEmpty(std::u32string_view a, std::u32string_view b) { return a.empty() && b.empty() ? 1.0 : 0.0; }

double Winkler(std::u32string_view a, std::u32string_view b, double jaro) {
  if (jaro <= kWinklerThreshold) return jaro;
  const std::size_t limit = std::min({a.size(), b.size(), kMaxPrefix});
  std::size_t prefix = 0;
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * kPrefixWeight * (1.0 - jaro);
}

bool Short(std::u32string_view text) { return text.size() <= PatternMatchVector::kMaxLength; }

}  // namespace

double JaroQuadratic(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return ForEmpty(a, b);
  const std::size_t window = Window(a.size(), b.size());
  std::vector<bool> a_flags(a.size());
  std::vector<bool> b_flags(b.size());
  std::size_t common = 0;
  for (std::size_t j = 0; j < a.size(); ++j) {
    const std::size_t low = j > window ? j - window : 0;
    const std::size_t high = std::min(b.size(), j + window + 1);
    for (std::size_t i = low; i < high; ++i) {
      if (b_flags[i] || a[j] != b[i]) continue;
      a_flags[j] = b_flags[i] = true;
      ++common;
      break;
    }
  }
  std::size_t out_of_order = 0;
  std::size_t i = 0;
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (!a_flags[j]) continue;
    while (!b_flags[i]) ++i;
    if (a[j] != b[i]) ++out_of_order;
    ++i;
  }
  return FromCounts(a.size(), b.size(), common, out_of_order);
}

double Jaro(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return ForEmpty(a, b);
  if (!Short(a) || !Short(b)) return JaroQuadratic(a, b);
  thread_local PatternMatchVector scratch;
  scratch.Assign(b);
  return JaroBitParallel(a, b, scratch);
}

double JaroWinkler(std::u32string_view a, std::u32string_view b) { return Winkler(a, b, Jaro(a, b)); }

JaroPattern::JaroPattern(std::u32string_view pattern) : pattern_(pattern) {
  if (Short(pattern)) vector_.emplace(pattern);
}

double JaroPattern::Jaro(std::u32string_view text) const {
  if (text.empty() || pattern_.empty()) return ForEmpty(text, pattern_);
  if (!vector_ || !Short(text)) return JaroQuadratic(text, pattern_);
  return JaroBitParallel(text, pattern_, *vector_);
}

double JaroPattern::JaroWinkler(std::u32string_view text) const { return Winkler(text, pattern_, Jaro(text)); }

}  // namespace hub::matching
