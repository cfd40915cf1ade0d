// Clusters: the transitive closure of the links, under the constraints no score may override — two
// different valid organization keys are two organizations, and a branch office (分公司) is its own entity,
// never merged with its parent or another branch.
#ifndef HUB_MATCHING_CLUSTERING_HPP_
#define HUB_MATCHING_CLUSTERING_HPP_

#include <cstdint>
#include <vector>

#include "matching/blocking.hpp"
#include "matching/match_record.hpp"

namespace hub::matching {

// A link to apply: the pair and its match probability (stronger links are applied first, so that when
// a constraint forbids a chain the weakest link is the one refused).
struct ScoredLink {
  CandidatePair pair;
  double probability = 0;
};

struct Clusters {
  std::vector<std::uint32_t> cluster_of;  // per record: its cluster's id, the smallest record index in it
  std::vector<ScoredLink> refused;        // links a constraint refused
};

// Applies `links` to `records` (the indices of the pairs). A link that would put the two records of a pair of
// `never` (a reviewer's rejection) into one cluster is refused like one a constraint forbids. Thread-safe.
Clusters ClusterLinks(const std::vector<PreparedRecord>& records, std::vector<ScoredLink> links,
                      const std::vector<CandidatePair>& never = {});

}  // namespace hub::matching

#endif  // HUB_MATCHING_CLUSTERING_HPP_
