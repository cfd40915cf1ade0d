#include "matching/token_similarity.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "matching/code_points.hpp"
#include "matching/pattern_match_vector.hpp"

namespace hub::matching {
namespace {

// Hyyrö's bit-vector LCS: one word for b, one step per character of a.
std::size_t LcsBitParallel(std::u32string_view a, std::u32string_view b) {
  thread_local PatternMatchVector vector;
  vector.Assign(b);
  uint64_t s = ~uint64_t{0};
  for (char32_t c : a) {
    const uint64_t u = s & vector.Get(c);
    s = (s + u) | (s - u);
  }
  const uint64_t used = b.size() >= 64 ? ~uint64_t{0} : (uint64_t{1} << b.size()) - 1;
  return static_cast<std::size_t>(std::popcount(~s & used));
}

std::size_t LcsDynamic(std::u32string_view a, std::u32string_view b) {
  std::vector<std::size_t> row(b.size() + 1, 0);
  for (char32_t c : a) {
    std::size_t diagonal = 0;
    for (std::size_t i = 0; i < b.size(); ++i) {
      const std::size_t above = row[i + 1];
      row[i + 1] = c == b[i] ? diagonal + 1 : std::max(above, row[i]);
      diagonal = above;
    }
  }
  return row.back();
}

std::vector<std::string_view> SortedTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    if (space != 0) tokens.push_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

std::u32string Joined(const std::vector<std::string_view>& first, const std::vector<std::string_view>& second) {
  std::string text;
  for (const auto* tokens : {&first, &second}) {
    for (std::string_view token : *tokens) {
      if (!text.empty()) text.push_back(' ');
      text.append(token);
    }
  }
  return ToCodePoints(text);
}

using Tokens = std::vector<std::string_view>;

Tokens Intersection(const Tokens& a, const Tokens& b) {
  Tokens out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

Tokens Difference(const Tokens& a, const Tokens& b) {
  Tokens out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

double IndelRatio(std::u32string_view a, std::u32string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  const std::size_t lcs = b.size() <= PatternMatchVector::kMaxLength ? LcsBitParallel(a, b) : LcsDynamic(a, b);
  return 2.0 * static_cast<double>(lcs) / static_cast<double>(a.size() + b.size());
}

double TokenSortRatio(std::string_view a, std::string_view b) {
  return IndelRatio(Joined(SortedTokens(a), {}), Joined(SortedTokens(b), {}));
}

double TokenSetRatio(std::string_view a, std::string_view b) {
  const Tokens a_tokens = SortedTokens(a);
  const Tokens b_tokens = SortedTokens(b);
  const Tokens shared = Intersection(a_tokens, b_tokens);
  const Tokens a_only = Difference(a_tokens, b_tokens);
  const Tokens b_only = Difference(b_tokens, a_tokens);
  if (!shared.empty() && (a_only.empty() || b_only.empty())) return 1.0;
  const std::u32string with_a = Joined(shared, a_only);
  const std::u32string with_b = Joined(shared, b_only);
  if (shared.empty()) return IndelRatio(with_a, with_b);
  const std::u32string alone = Joined(shared, {});
  return std::max({IndelRatio(alone, with_a), IndelRatio(alone, with_b), IndelRatio(with_a, with_b)});
}

double TokenJaccard(std::string_view a, std::string_view b) {
  const Tokens a_tokens = SortedTokens(a);
  const Tokens b_tokens = SortedTokens(b);
  if (a_tokens.empty() && b_tokens.empty()) return 1.0;
  const std::size_t shared = Intersection(a_tokens, b_tokens).size();
  return static_cast<double>(shared) / static_cast<double>(a_tokens.size() + b_tokens.size() - shared);
}

}  // namespace hub::matching
