#include "matching/clustering.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <string>

namespace hub::matching {
namespace {

// What a cluster holds that another may contradict: its one valid organization code (at most one, by
// construction) and its branch (empty: a head office or a record that names none).
struct ClusterIdentity {
  std::optional<std::string> organization_code;
  std::string branch;
};

class DisjointSets {
 public:
  explicit DisjointSets(std::size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0); }

  std::uint32_t Find(std::uint32_t i) {
    while (parent_[i] != i) {
      parent_[i] = parent_[parent_[i]];
      i = parent_[i];
    }
    return i;
  }

  // The smaller index becomes the root, so that a cluster's id is its smallest record index.
  std::uint32_t Union(std::uint32_t a, std::uint32_t b) {
    const std::uint32_t root = std::min(a, b);
    parent_[std::max(a, b)] = root;
    return root;
  }

 private:
  std::vector<std::uint32_t> parent_;
};

bool Compatible(const ClusterIdentity& a, const ClusterIdentity& b) {
  if (a.branch != b.branch) return false;
  return !a.organization_code || !b.organization_code || *a.organization_code == *b.organization_code;
}

// Whether joining the clusters rooted at a and b would put both records of a pair of `never` together.
bool Separated(DisjointSets& sets, std::uint32_t a, std::uint32_t b, const std::vector<CandidatePair>& never) {
  for (const CandidatePair& pair : never) {
    const std::uint32_t first = sets.Find(pair.first);
    const std::uint32_t second = sets.Find(pair.second);
    if ((first == a && second == b) || (first == b && second == a)) return true;
  }
  return false;
}

}  // namespace

Clusters ClusterLinks(const std::vector<PreparedRecord>& records, std::vector<ScoredLink> links,
                      const std::vector<CandidatePair>& never) {
  std::vector<ClusterIdentity> identity(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& key = records[i].organization_key;
    if (key && key->valid()) identity[i].organization_code = key->organization_code;
    identity[i].branch = records[i].branch_key;
  }
  std::stable_sort(links.begin(), links.end(),
                   [](const ScoredLink& a, const ScoredLink& b) { return a.probability > b.probability; });
  DisjointSets sets(records.size());
  Clusters clusters;
  for (const ScoredLink& link : links) {
    const std::uint32_t a = sets.Find(link.pair.first);
    const std::uint32_t b = sets.Find(link.pair.second);
    if (a == b) continue;
    if (!Compatible(identity[a], identity[b]) || Separated(sets, a, b, never)) {
      clusters.refused.push_back(link);
      continue;
    }
    const std::uint32_t root = sets.Union(a, b);
    ClusterIdentity& merged = identity[root];
    const ClusterIdentity& other = identity[root == a ? b : a];
    if (!merged.organization_code) merged.organization_code = other.organization_code;
  }
  clusters.cluster_of.resize(records.size());
  for (std::uint32_t i = 0; i < records.size(); ++i) clusters.cluster_of[i] = sets.Find(i);
  return clusters;
}

}  // namespace hub::matching
