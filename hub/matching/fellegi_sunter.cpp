#include "matching/fellegi_sunter.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace hub::matching {
namespace {

// Added to every level's expected count: an unseen level keeps a small m and u instead of 0 (log2 of 0).
constexpr double kPseudoCount = 0.5;

using LevelTable = std::array<std::array<double, kLevelCount>, kFieldCount>;

// Each field's non-missing levels scaled to sum to 1 after adding the pseudo-count.
LevelTable Normalize(const LevelTable& counts) {
  LevelTable shares{};
  for (int f = 0; f < kFieldCount; ++f) {
    double total = 0;
    for (int l = 1; l < kLevelCount; ++l) total += counts[f][l] + kPseudoCount;
    for (int l = 1; l < kLevelCount; ++l) shares[f][l] = (counts[f][l] + kPseudoCount) / total;
  }
  return shares;
}

double Likelihood(const LevelTable& table, const ComparisonVector& levels) {
  double likelihood = 1;
  for (int f = 0; f < kFieldCount; ++f) {
    if (levels[f] != Level::kMissing) likelihood *= table[f][static_cast<int>(levels[f])];
  }
  return likelihood;
}

double LargestChange(const LevelTable& a, const LevelTable& b) {
  double change = 0;
  for (int f = 0; f < kFieldCount; ++f) {
    for (int l = 1; l < kLevelCount; ++l) change = std::max(change, std::abs(a[f][l] - b[f][l]));
  }
  return change;
}

}  // namespace

void PatternCounter::Add(const ComparisonVector& vector) {
  PatternCount& pattern = by_key_[PackComparison(vector)];
  pattern.levels = vector;
  ++pattern.count;
}

std::vector<PatternCount> PatternCounter::Patterns() const {
  std::vector<PatternCount> patterns;
  patterns.reserve(by_key_.size());
  for (const auto& [key, pattern] : by_key_) patterns.push_back(pattern);
  return patterns;
}

std::vector<PatternCount> CountPatterns(const std::vector<ComparisonVector>& vectors) {
  PatternCounter counter;
  for (const ComparisonVector& v : vectors) counter.Add(v);
  return counter.Patterns();
}

FellegiSunterModel InitialModel(const std::vector<PatternCount>& random_pairs) {
  LevelTable counts{};
  for (const PatternCount& pattern : random_pairs) {
    for (int f = 0; f < kFieldCount; ++f) counts[f][static_cast<int>(pattern.levels[f])] += pattern.count;
  }
  FellegiSunterModel model;
  model.u = Normalize(counts);
  for (int f = 0; f < kFieldCount; ++f) {
    model.m[f][static_cast<int>(Level::kExact)] = 0.85;
    model.m[f][static_cast<int>(Level::kHigh)] = 0.08;
    model.m[f][static_cast<int>(Level::kMedium)] = 0.04;
    model.m[f][static_cast<int>(Level::kDifferent)] = 0.03;
  }
  return model;
}

FellegiSunterModel EstimateByEm(const std::vector<PatternCount>& candidates, FellegiSunterModel model,
                                const EmOptions& options) {
  model.iterations = 0;
  model.converged = false;
  while (model.iterations < options.max_iterations) {
    LevelTable m_counts{};
    LevelTable u_counts{};
    double matches = 0;
    double total = 0;
    for (const PatternCount& pattern : candidates) {
      const double match = model.match_prior * Likelihood(model.m, pattern.levels);
      const double non_match = (1 - model.match_prior) * Likelihood(model.u, pattern.levels);
      const double p = match / (match + non_match);
      const double n = static_cast<double>(pattern.count);
      matches += p * n;
      total += n;
      for (int f = 0; f < kFieldCount; ++f) {
        const int l = static_cast<int>(pattern.levels[f]);
        m_counts[f][l] += p * n;
        u_counts[f][l] += (1 - p) * n;
      }
    }
    ++model.iterations;
    if (total == 0) break;
    const LevelTable m = Normalize(m_counts);
    const LevelTable u = options.estimate_u ? Normalize(u_counts) : model.u;
    const double prior = std::clamp(matches / total, 1e-6, 1 - 1e-6);
    const double change =
        std::max({LargestChange(m, model.m), LargestChange(u, model.u), std::abs(prior - model.match_prior)});
    model.m = m;
    model.u = u;
    model.match_prior = prior;
    if (change < options.tolerance) {
      model.converged = true;
      break;
    }
  }
  return model;
}

void TermFrequencies::Add(Field field, const std::string& value) {
  if (value.empty()) return;
  ++counts_[static_cast<int>(field)][value];
  ++totals_[static_cast<int>(field)];
}

double TermFrequencies::Frequency(Field field, const std::string& value) const {
  const auto& counts = counts_[static_cast<int>(field)];
  const auto it = counts.find(value);
  const double total = static_cast<double>(totals_[static_cast<int>(field)]);
  if (it == counts.end()) return restored_ && total > 0 && !value.empty() ? 1 / total : 0;
  if (it->second < 2 || total < 2) return static_cast<double>(it->second) / total;
  return static_cast<double>(it->second - 1) / (total - 1);
}

std::vector<std::pair<std::string, std::uint32_t>> TermFrequencies::Common(Field field, std::uint32_t min_count) const {
  std::vector<std::pair<std::string, std::uint32_t>> common;
  for (const auto& [value, count] : counts_[static_cast<int>(field)]) {
    if (count >= min_count) common.emplace_back(value, count);
  }
  std::sort(common.begin(), common.end());
  return common;
}

void TermFrequencies::Restore(Field field, std::uint64_t total,
                              const std::vector<std::pair<std::string, std::uint32_t>>& common) {
  auto& counts = counts_[static_cast<int>(field)];
  counts.clear();
  for (const auto& [value, count] : common) counts[value] = count;
  totals_[static_cast<int>(field)] = total;
  restored_ = true;
}

bool IsTermFrequencyAdjusted(Field field) {
  return field == Field::kName || field == Field::kGivenName || field == Field::kFamilyName || field == Field::kDomain;
}

const std::string& TermOf(const PreparedRecord& record, Field field) {
  static const std::string kNone;
  switch (field) {
    case Field::kName:
      return record.name.text;
    case Field::kGivenName:
      return record.given_name.text;
    case Field::kFamilyName:
      return record.family_name.text;
    case Field::kDomain:
      return record.domain;
    default:
      return kNone;
  }
}

namespace {

double PriorWeight(const FellegiSunterModel& model) { return std::log2(model.match_prior / (1 - model.match_prior)); }

double Probability(double total_weight) { return 1 / (1 + std::exp2(-total_weight)); }

// The evidence of field `f` at `level` (not missing) for the pair (a, b).
FieldEvidence Evidence(const FellegiSunterModel& model, int f, Level level, const PreparedRecord& a,
                       const PreparedRecord& b, const TermFrequencies* frequencies) {
  const int l = static_cast<int>(level);
  FieldEvidence evidence{static_cast<Field>(f), level, std::log2(model.m[f][l] / model.u[f][l]), false};
  if (level == Level::kExact && frequencies != nullptr && IsTermFrequencyAdjusted(evidence.field)) {
    const double frequency = frequencies->Frequency(evidence.field, TermOf(a, evidence.field));
    if (frequency > 0 && TermOf(a, evidence.field) == TermOf(b, evidence.field)) {
      const double bounded = std::min(frequency, model.m[f][l] / 2);
      evidence.weight = std::log2(model.m[f][l] / bounded);
      evidence.frequency_adjusted = true;
    }
  }
  return evidence;
}

}  // namespace

PairScore ScorePair(const FellegiSunterModel& model, const ComparisonVector& levels, const PreparedRecord& a,
                    const PreparedRecord& b, const TermFrequencies* frequencies) {
  PairScore score;
  score.prior_weight = PriorWeight(model);
  score.total_weight = score.prior_weight;
  for (int f = 0; f < kFieldCount; ++f) {
    if (levels[f] == Level::kMissing) continue;
    score.evidence.push_back(Evidence(model, f, levels[f], a, b, frequencies));
    score.total_weight += score.evidence.back().weight;
  }
  score.probability = Probability(score.total_weight);
  return score;
}

double PairProbability(const FellegiSunterModel& model, const ComparisonVector& levels, const PreparedRecord& a,
                       const PreparedRecord& b, const TermFrequencies* frequencies) {
  double total = PriorWeight(model);
  for (int f = 0; f < kFieldCount; ++f) {
    if (levels[f] != Level::kMissing) total += Evidence(model, f, levels[f], a, b, frequencies).weight;
  }
  return Probability(total);
}

}  // namespace hub::matching
