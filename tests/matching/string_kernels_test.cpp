#include <gtest/gtest.h>

#include <random>
#include <string>

#include "matching/code_points.hpp"
#include "matching/jaro.hpp"
#include "matching/ngram_similarity.hpp"
#include "matching/token_similarity.hpp"

namespace hub::matching {
namespace {

double JaroOf(std::string_view a, std::string_view b) { return Jaro(ToCodePoints(a), ToCodePoints(b)); }
double JaroWinklerOf(std::string_view a, std::string_view b) { return JaroWinkler(ToCodePoints(a), ToCodePoints(b)); }

struct Published {
  const char* a;
  const char* b;
  double jaro;
  double jaro_winkler;
};

// Winkler's and Wikipedia's worked examples, to three decimals.
TEST(Jaro, MatchesThePublishedExamples) {
  const Published cases[] = {
      {"MARTHA", "MARHTA", 0.944, 0.961},
      {"DWAYNE", "DUANE", 0.822, 0.840},
      {"DIXON", "DICKSONX", 0.767, 0.813},
      {"CRATE", "TRACE", 0.733, 0.733},
  };
  for (const Published& c : cases) {
    EXPECT_NEAR(JaroOf(c.a, c.b), c.jaro, 5e-4) << c.a << "/" << c.b;
    EXPECT_NEAR(JaroWinklerOf(c.a, c.b), c.jaro_winkler, 5e-4) << c.a << "/" << c.b;
  }
}

TEST(Jaro, EdgesOfTheWindowAndEmptyStrings) {
  EXPECT_DOUBLE_EQ(JaroOf("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroOf("", "a"), 0.0);
  EXPECT_DOUBLE_EQ(JaroOf("a", "a"), 1.0);
  // Window max(2,2)/2-1 = 0: the swapped characters are too far apart to count as common.
  EXPECT_DOUBLE_EQ(JaroOf("ab", "ba"), 0.0);
  EXPECT_DOUBLE_EQ(JaroOf("abc", "xyz"), 0.0);
}

TEST(Jaro, CountsCjkCharactersAsOneEach) {
  // 华信科技 / 华信电子: 2 common of 4, in order: (1/2 + 1/2 + 1) / 3.
  EXPECT_NEAR(JaroOf("华信科技", "华信电子"), 2.0 / 3.0, 1e-12);
  // The prefix boost needs j > 0.7, so none here; one more shared character passes it.
  EXPECT_NEAR(JaroWinklerOf("华信科技", "华信电子"), 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(JaroWinklerOf("华信科技", "华信科学"), 0.8333 + 3 * 0.1 * (1 - 0.8333), 1e-3);
}

// Random strings of a few letters (Latin and Han, so equal characters and transpositions are common) on both
// sides of the 64-code-point limit of the bit-parallel path.
TEST(Jaro, BitParallelEqualsTheTextbookAlgorithm) {
  const std::u32string alphabet = U"abcd华信科";
  std::mt19937 random(11);
  auto make = [&](std::size_t length) {
    std::u32string s;
    for (std::size_t i = 0; i < length; ++i) s.push_back(alphabet[random() % alphabet.size()]);
    return s;
  };
  for (int round = 0; round < 20000; ++round) {
    const std::u32string a = make(random() % 70);
    const std::u32string b = make(random() % 70);
    ASSERT_DOUBLE_EQ(Jaro(a, b), JaroQuadratic(a, b)) << ToUtf8(a) << " / " << ToUtf8(b);
    ASSERT_DOUBLE_EQ(JaroPattern(b).Jaro(a), Jaro(a, b));
    ASSERT_DOUBLE_EQ(JaroPattern(b).JaroWinkler(a), JaroWinkler(a, b));
  }
}

TEST(Jaro, LongStringsTakeTheQuadraticPathWithTheSameDefinition) {
  const std::u32string a(100, U'x');
  std::u32string b = a;
  b[99] = U'y';
  EXPECT_NEAR(Jaro(a, b), (0.99 + 0.99 + 1.0) / 3.0, 1e-12);
}

TEST(IndelRatio, IsTwiceTheCommonSubsequenceOverBothLengths) {
  EXPECT_NEAR(IndelRatio(U"kitten", U"sitting"), 8.0 / 13.0, 1e-12);
  EXPECT_DOUBLE_EQ(IndelRatio(U"", U""), 1.0);
  EXPECT_DOUBLE_EQ(IndelRatio(U"abc", U""), 0.0);
  const std::u32string long_a(80, U'a');
  const std::u32string long_b = long_a + U"bb";
  EXPECT_NEAR(IndelRatio(long_b, long_a), 160.0 / 162.0, 1e-12);
  EXPECT_NEAR(IndelRatio(long_a, long_b), 160.0 / 162.0, 1e-12);
}

TEST(TokenSimilarity, ForgivesWordOrderAndExtraWordsInMeasuredWays) {
  EXPECT_DOUBLE_EQ(TokenSortRatio("acme trading", "trading acme"), 1.0);
  EXPECT_LT(TokenSortRatio("acme trading", "acme"), 1.0);
  EXPECT_DOUBLE_EQ(TokenSetRatio("acme", "acme trading"), 1.0);
  EXPECT_DOUBLE_EQ(TokenSetRatio("", ""), 1.0);
  // Shared "acme", then "trading" against "industries": the best of the three comparisons.
  const double partial = TokenSetRatio("acme trading", "acme industries");
  EXPECT_GT(partial, 0.5);
  EXPECT_LT(partial, 1.0);
  EXPECT_NEAR(TokenJaccard("philips electronics", "electronics philips lighting"), 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(TokenJaccard("a  b", "b a"), 1.0);
  EXPECT_DOUBLE_EQ(TokenJaccard("", ""), 1.0);
}

TEST(BigramSimilarity, ComparesCjkNamesByAdjacentCharacters) {
  EXPECT_NEAR(BigramDice(U"华信科技", U"华信电子"), 2.0 / 6.0, 1e-12);
  EXPECT_NEAR(BigramJaccard(U"华信科技", U"华信电子"), 1.0 / 5.0, 1e-12);
  EXPECT_DOUBLE_EQ(BigramDice(U"华信", U"华信"), 1.0);
  EXPECT_DOUBLE_EQ(BigramDice(U"华", U"华"), 1.0);
  EXPECT_DOUBLE_EQ(BigramDice(U"华", U"华信"), 0.0);
  EXPECT_DOUBLE_EQ(BigramDice(U"", U""), 1.0);
  EXPECT_DOUBLE_EQ(BigramDice(U"", U"华"), 0.0);
  // Repeated bigrams count once.
  EXPECT_DOUBLE_EQ(BigramDice(U"aaaa", U"aa"), 1.0);
}

}  // namespace
}  // namespace hub::matching
