#include "matching/fellegi_sunter.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace hub::matching {
namespace {

constexpr int kFields = 4;  // the synthetic pairs use the first four fields; the others stay missing

// Draws a level from `shares` (exact, high, medium, different).
Level Draw(std::mt19937_64& random, const std::array<double, 4>& shares) {
  double x = std::uniform_real_distribution<double>(0, 1)(random);
  for (int l = 0; l < 4; ++l) {
    if ((x -= shares[l]) < 0) return static_cast<Level>(l + 1);
  }
  return Level::kDifferent;
}

std::vector<ComparisonVector> Pairs(std::mt19937_64& random, std::size_t count, double match_share,
                                    const std::array<double, 4>& m, const std::array<double, 4>& u) {
  std::vector<ComparisonVector> pairs;
  for (std::size_t i = 0; i < count; ++i) {
    const bool match = std::uniform_real_distribution<double>(0, 1)(random) < match_share;
    ComparisonVector v{};
    for (int f = 0; f < kFields; ++f) v[f] = Draw(random, match ? m : u);
    pairs.push_back(v);
  }
  return pairs;
}

TEST(FellegiSunter, EmRecoversMAndThePriorOfASyntheticSet) {
  std::mt19937_64 random(7);
  const std::array<double, 4> m = {0.80, 0.10, 0.05, 0.05};
  const std::array<double, 4> u = {0.02, 0.03, 0.10, 0.85};
  const std::vector<PatternCount> candidates = CountPatterns(Pairs(random, 40000, 0.2, m, u));
  const FellegiSunterModel start = InitialModel(CountPatterns(Pairs(random, 20000, 0.0, m, u)));
  const FellegiSunterModel model = EstimateByEm(candidates, start, EmOptions{});
  EXPECT_TRUE(model.converged) << model.iterations << " iterations";
  EXPECT_NEAR(model.match_prior, 0.2, 0.02);
  for (int f = 0; f < kFields; ++f) {
    for (int l = 0; l < 4; ++l) {
      EXPECT_NEAR(model.m[f][l + 1], m[l], 0.03) << "field " << f << " level " << l + 1;
      EXPECT_NEAR(model.u[f][l + 1], u[l], 0.01) << "field " << f << " level " << l + 1;
    }
  }
}

TEST(FellegiSunter, EmEstimatingUToo_AlsoConverges) {
  std::mt19937_64 random(11);
  const std::array<double, 4> m = {0.85, 0.08, 0.04, 0.03};
  const std::array<double, 4> u = {0.01, 0.02, 0.07, 0.90};
  const std::vector<PatternCount> candidates = CountPatterns(Pairs(random, 40000, 0.3, m, u));
  const FellegiSunterModel start = InitialModel(CountPatterns(Pairs(random, 20000, 0.0, m, u)));
  const FellegiSunterModel model = EstimateByEm(candidates, start, EmOptions{200, 1e-6, true});
  EXPECT_TRUE(model.converged);
  EXPECT_NEAR(model.match_prior, 0.3, 0.03);
  EXPECT_NEAR(model.m[0][1], 0.85, 0.03);
  EXPECT_NEAR(model.u[0][4], 0.90, 0.03);
}

TEST(FellegiSunter, ATermsFrequencyIsTheChanceAnotherRecordSharesIt) {
  TermFrequencies frequencies;
  for (int i = 0; i < 98; ++i) frequencies.Add(Field::kName, "other " + std::to_string(i));
  frequencies.Add(Field::kName, "zwolinski");
  frequencies.Add(Field::kName, "zwolinski");
  // Two of 100: a record named so shares the name with 1 of the 99 others.
  EXPECT_DOUBLE_EQ(frequencies.Frequency(Field::kName, "zwolinski"), 1.0 / 99);
  EXPECT_DOUBLE_EQ(frequencies.Frequency(Field::kName, "other 7"), 1.0 / 100);
  EXPECT_EQ(frequencies.Frequency(Field::kName, "unknown"), 0);
  EXPECT_EQ(frequencies.Frequency(Field::kDomain, "zwolinski"), 0);
}

TEST(FellegiSunter, MissingFieldsWeighNothingAndAgreementAddsEvidence) {
  FellegiSunterModel model;
  model.match_prior = 0.5;
  for (int f = 0; f < kFieldCount; ++f) {
    model.m[f] = {0, 0.8, 0.1, 0.05, 0.05};
    model.u[f] = {0, 0.1, 0.1, 0.1, 0.7};
  }
  ComparisonVector levels{};
  levels[static_cast<int>(Field::kPhone)] = Level::kExact;
  levels[static_cast<int>(Field::kStreet)] = Level::kDifferent;
  const PreparedRecord none;
  const PairScore score = ScorePair(model, levels, none, none, nullptr);
  ASSERT_EQ(score.evidence.size(), 2u);
  EXPECT_EQ(score.evidence[0].field, Field::kStreet);
  EXPECT_DOUBLE_EQ(score.evidence[0].weight, std::log2(0.05 / 0.7));
  EXPECT_DOUBLE_EQ(score.evidence[1].weight, 3);
  EXPECT_DOUBLE_EQ(score.total_weight, 3 + std::log2(0.05 / 0.7));
  EXPECT_NEAR(score.probability, 1 / (1 + std::exp2(-score.total_weight)), 1e-12);
}

}  // namespace
}  // namespace hub::matching
