#include "match_eval_metrics.hpp"

#include <map>
#include <utility>

namespace hub::bench {
namespace {

PairwiseScore Score(double true_positives, double predicted, double actual) {
  PairwiseScore score;
  score.precision = predicted > 0 ? true_positives / predicted : 1;
  score.recall = actual > 0 ? true_positives / actual : 1;
  const double sum = score.precision + score.recall;
  score.f1 = sum > 0 ? 2 * score.precision * score.recall / sum : 0;
  return score;
}

// Pairs within a group of records whose sources are counted in `per_source`.
double GroupPairs(const std::map<std::string, double>& per_source, bool link) {
  double total = 0;
  double squares = 0;
  for (const auto& [source, n] : per_source) {
    total += n;
    squares += n * n;
  }
  return link ? (total * total - squares) / 2 : (total * total - total) / 2;
}

// The pairs within each group of `key` (per record).
template <typename Key>
double PairsWithin(const Truth& truth, const std::vector<Key>& key) {
  std::map<Key, std::map<std::string, double>> groups;
  for (std::size_t i = 0; i < key.size(); ++i) groups[key[i]][truth.source[i]] += 1;
  double pairs = 0;
  for (const auto& [k, per_source] : groups) pairs += GroupPairs(per_source, truth.link);
  return pairs;
}

}  // namespace

double PossiblePairs(const Truth& truth) { return PairsWithin(truth, std::vector<int>(truth.entity.size(), 0)); }

double TruePairs(const Truth& truth) { return PairsWithin(truth, truth.entity); }

bool IsTrue(const Truth& truth, const matching::CandidatePair& pair) {
  return truth.entity[pair.first] == truth.entity[pair.second];
}

PairwiseScore ScoreClusterPairs(const Truth& truth, const std::vector<std::uint32_t>& cluster_of) {
  std::vector<std::pair<std::uint32_t, std::string>> both;
  for (std::size_t i = 0; i < cluster_of.size(); ++i) both.emplace_back(cluster_of[i], truth.entity[i]);
  return Score(PairsWithin(truth, both), PairsWithin(truth, cluster_of), TruePairs(truth));
}

PairwiseScore ScoreBCubed(const Truth& truth, const std::vector<std::uint32_t>& cluster_of) {
  std::map<std::uint32_t, double> cluster_size;
  std::map<std::string, double> entity_size;
  std::map<std::pair<std::uint32_t, std::string>, double> overlap;
  for (std::size_t i = 0; i < cluster_of.size(); ++i) {
    ++cluster_size[cluster_of[i]];
    ++entity_size[truth.entity[i]];
    ++overlap[{cluster_of[i], truth.entity[i]}];
  }
  double precision = 0;
  double recall = 0;
  for (std::size_t i = 0; i < cluster_of.size(); ++i) {
    const double shared = overlap[{cluster_of[i], truth.entity[i]}];
    precision += shared / cluster_size[cluster_of[i]];
    recall += shared / entity_size[truth.entity[i]];
  }
  const double n = static_cast<double>(cluster_of.size());
  PairwiseScore score{precision / n, recall / n, 0};
  score.f1 = 2 * score.precision * score.recall / (score.precision + score.recall);
  return score;
}

}  // namespace hub::bench
