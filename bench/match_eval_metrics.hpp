// Scores of a matcher run against the ground truth: blocking (pair completeness, reduction ratio),
// pairwise precision and recall of the clusters, cluster B-cubed, and how precise the automatic links are.
#ifndef HUB_BENCH_MATCH_EVAL_METRICS_HPP_
#define HUB_BENCH_MATCH_EVAL_METRICS_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "matching/blocking.hpp"

namespace hub::bench {

struct PairwiseScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// Records as the truth and a run see them. In link mode only pairs across sources count.
struct Truth {
  std::vector<std::string> entity;
  std::vector<std::string> source;
  bool link = false;
};

// The number of pairs that count among all records (|A|·|B| in link mode, n(n-1)/2 otherwise).
double PossiblePairs(const Truth& truth);
// The number of true pairs.
double TruePairs(const Truth& truth);
// Whether the pair is a true match.
bool IsTrue(const Truth& truth, const matching::CandidatePair& pair);

// The pairs implied by `cluster_of` (every two records in one cluster) against the true pairs.
PairwiseScore ScoreClusterPairs(const Truth& truth, const std::vector<std::uint32_t>& cluster_of);
// B-cubed precision and recall, averaged over records.
PairwiseScore ScoreBCubed(const Truth& truth, const std::vector<std::uint32_t>& cluster_of);

}  // namespace hub::bench

#endif  // HUB_BENCH_MATCH_EVAL_METRICS_HPP_
