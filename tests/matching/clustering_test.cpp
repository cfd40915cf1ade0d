#include "matching/clustering.hpp"

#include <gtest/gtest.h>

#include "match_test_support.hpp"

namespace hub::matching {
namespace {

MatchRecord Company(std::string name, std::string organization_id = "") {
  MatchRecord record;
  record.name = std::move(name);
  record.organization_id = std::move(organization_id);
  return record;
}

TEST(Clustering, LinksCloseTransitively) {
  const Preparers preparers;
  const std::vector<PreparedRecord> records = {preparers.Prepare(Company("a")), preparers.Prepare(Company("b")),
                                               preparers.Prepare(Company("c")), preparers.Prepare(Company("d"))};
  const Clusters clusters = ClusterLinks(records, {{{0, 1}, 0.99}, {{1, 2}, 0.98}});
  EXPECT_EQ(clusters.cluster_of, (std::vector<std::uint32_t>{0, 0, 0, 3}));
  EXPECT_TRUE(clusters.refused.empty());
}

TEST(Clustering, NeverPutsTwoDifferentValidOrganizationKeysInOneCluster) {
  const Preparers preparers;
  const std::vector<PreparedRecord> records = {
      preparers.Prepare(Company("华信科技有限公司", "91440305590830169M")),
      preparers.Prepare(Company("华信科技有限公司", "913301063909960339")),
      preparers.Prepare(Company("华信科技有限公司"))};  // no key: could bridge the two
  const Clusters clusters = ClusterLinks(records, {{{0, 2}, 0.999}, {{1, 2}, 0.99}});
  EXPECT_EQ(clusters.cluster_of[0], clusters.cluster_of[2]);
  EXPECT_NE(clusters.cluster_of[1], clusters.cluster_of[0]);
  ASSERT_EQ(clusters.refused.size(), 1u);
  EXPECT_EQ(clusters.refused[0].pair, (CandidatePair{1, 2}));  // the weaker link is the one refused
}

TEST(Clustering, AMistypedKeyDoesNotBlockAMerge) {
  const Preparers preparers;
  const std::vector<PreparedRecord> records = {
      preparers.Prepare(Company("华信科技有限公司", "91440305590830169M")),
      preparers.Prepare(Company("华信科技有限公司", "91440305590830167M"))};  // flagged: a typo
  const Clusters clusters = ClusterLinks(records, {{{0, 1}, 0.99}});
  EXPECT_EQ(clusters.cluster_of[0], clusters.cluster_of[1]);
}

TEST(Clustering, NeverMergesABranchWithItsParent) {
  const Preparers preparers;
  const std::vector<PreparedRecord> records = {preparers.Prepare(Company("北京华信科技有限公司")),
                                               preparers.Prepare(Company("北京华信科技有限公司上海分公司")),
                                               preparers.Prepare(Company("华信科技（北京）有限公司"))};
  ASSERT_FALSE(records[1].branch.empty());
  const Clusters clusters = ClusterLinks(records, {{{0, 1}, 0.999}, {{0, 2}, 0.99}, {{1, 2}, 0.98}});
  EXPECT_EQ(clusters.cluster_of[0], clusters.cluster_of[2]);
  EXPECT_NE(clusters.cluster_of[1], clusters.cluster_of[0]);
  EXPECT_EQ(clusters.refused.size(), 2u);
}

}  // namespace
}  // namespace hub::matching
