#include "matching/blocking.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

#include "match_test_support.hpp"
#include "matching/match_index.hpp"

namespace hub::matching {
namespace {

TEST(Blocking, SoundexGroupsSpellings) {
  EXPECT_EQ(Soundex("robert"), "r163");
  EXPECT_EQ(Soundex("rupert"), "r163");
  EXPECT_EQ(Soundex("tymczak"), "t522");
  EXPECT_EQ(Soundex("ashcraft"), "a261");
  EXPECT_EQ(Soundex(""), "");
}

// Persons from a few names, postcodes and phones, so that keys collide in blocks under and over the cap.
std::vector<PreparedRecord> People(std::size_t count) {
  const std::vector<std::string> given = {"john", "jon", "mary", "marie", "li", "wei", "anna"};
  const std::vector<std::string> family = {"smith", "smyth", "wang", "zhang", "berry", "neumann"};
  std::mt19937_64 random(3);
  const Preparers preparers;
  std::vector<PreparedRecord> records;
  for (std::size_t i = 0; i < count; ++i) {
    MatchRecord r;
    r.source = i % 2 == 0 ? "a" : "b";
    r.given_name = given[random() % given.size()];
    r.family_name = family[random() % family.size()];
    r.postcode = std::to_string(4000 + random() % 300);
    r.phones = {"+1617555" + std::to_string(1000 + random() % 400)};
    records.push_back(preparers.Prepare(r));
  }
  return records;
}

TEST(Blocking, NeverMissesAPairThatSharesAKeyInABlockUnderTheCap) {
  const std::vector<PreparedRecord> records = People(600);
  BlockingOptions options;
  const std::vector<CandidatePair> pairs = CandidatePairs(records, options);
  std::map<std::string, std::vector<std::uint32_t>> blocks;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    for (const std::string& key : BlockingKeys(records[i])) blocks[key].push_back(i);
  }
  std::size_t checked = 0;
  for (const auto& [key, members] : blocks) {
    if (members.size() > options.max_block_size) continue;
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        ASSERT_TRUE(std::binary_search(pairs.begin(), pairs.end(), CandidatePair{members[i], members[j]}))
            << key << ": " << members[i] << ", " << members[j];
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(Blocking, ALargeBlockIsSplitButItsMembersStayConnected) {
  const std::vector<PreparedRecord> records = People(3000);
  BlockingOptions options;
  const std::vector<CandidatePair> pairs = CandidatePairs(records, options);
  // Far fewer pairs than all: the family-name blocks hold hundreds of records each.
  EXPECT_LT(pairs.size(), records.size() * 60);
  std::vector<std::uint32_t> parent(records.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto find = [&](std::uint32_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const CandidatePair& pair : pairs) parent[find(pair.first)] = find(pair.second);
  std::map<std::string, std::vector<std::uint32_t>> blocks;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    blocks["fn:" + records[i].family_name.text + "/" + records[i].given_name.text].push_back(i);
  }
  for (const auto& [key, members] : blocks) {
    for (std::uint32_t m : members) EXPECT_EQ(find(m), find(members[0])) << key;
  }
}

TEST(Blocking, LinkModeComparesOnlyAcrossSources) {
  const std::vector<PreparedRecord> records = People(400);
  BlockingOptions options;
  options.across_sources_only = true;
  const std::vector<CandidatePair> pairs = CandidatePairs(records, options);
  ASSERT_FALSE(pairs.empty());
  for (const CandidatePair& pair : pairs) EXPECT_NE(records[pair.first].source, records[pair.second].source);
}

TEST(Blocking, GivesTheSamePairsOnAnyNumberOfThreads) {
  const std::vector<PreparedRecord> records = People(3000);
  const std::vector<CandidatePair> one = CandidatePairs(records, BlockingOptions{}, 1);
  EXPECT_EQ(CandidatePairs(records, BlockingOptions{}, 3), one);
  EXPECT_EQ(BlockEntries(records, 1), BlockEntries(records, 4));
}

TEST(Blocking, ThePinyinKeyPairsAChineseNameWithItsSpellingNotWithHomophones) {
  const Preparers preparers;
  const auto company = [&](const char* name) {
    MatchRecord r;
    r.name = name;
    return preparers.Prepare(r);
  };
  // 华信 and 华鑫 share only the pinyin key "huaxin" (and no two-character prefix).
  const std::vector<PreparedRecord> records = {company("华信科技有限公司"), company("华鑫电子有限公司"),
                                               company("Huaxin Trading Ltd.")};
  const std::vector<CandidatePair> pairs = CandidatePairs(records, BlockingOptions{});
  EXPECT_EQ(pairs, (std::vector<CandidatePair>{{0, 2}, {1, 2}}));
  const std::vector<PreparedRecord> others = {records[0], records[2]};
  const MatchIndex index(others, BlockingOptions{});
  EXPECT_EQ(index.Candidates(records[1]), (std::vector<std::uint32_t>{1}));
}

TEST(MatchIndex, FindsForANewRecordTheRecordsABatchRunWouldPairItWith) {
  std::vector<PreparedRecord> records = People(3001);
  const PreparedRecord newcomer = records.back();
  records.pop_back();
  const MatchIndex index(records, BlockingOptions{}, 2);
  const std::vector<std::uint32_t> candidates = index.Candidates(newcomer);
  // Every record in one of its blocks under the cap is a candidate; a block over the cap gives at most
  // the window on either side.
  std::map<std::string, std::vector<std::uint32_t>> blocks;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    for (const std::string& key : BlockingKeys(records[i])) blocks[key].push_back(i);
  }
  std::size_t large = 0;
  for (const std::string& key : BlockingKeys(newcomer)) {
    const std::vector<std::uint32_t>& members = blocks[key];
    if (members.size() > BlockingOptions{}.max_block_size) {
      const auto found = std::count_if(members.begin(), members.end(), [&](std::uint32_t m) {
        return std::binary_search(candidates.begin(), candidates.end(), m);
      });
      EXPECT_GE(found, 1) << key;
      ++large;
      continue;
    }
    for (std::uint32_t m : members) EXPECT_TRUE(std::binary_search(candidates.begin(), candidates.end(), m)) << key;
  }
  EXPECT_GT(large, 0u);
  EXPECT_TRUE(std::is_sorted(candidates.begin(), candidates.end()));
  EXPECT_LT(candidates.size(), records.size() / 2);
}

TEST(MatchIndex, InLinkModeOffersOnlyRecordsOfAnotherSource) {
  std::vector<PreparedRecord> records = People(401);
  const PreparedRecord newcomer = records.back();
  records.pop_back();
  BlockingOptions options;
  options.across_sources_only = true;
  const MatchIndex index(records, options);
  const std::vector<std::uint32_t> candidates = index.Candidates(newcomer);
  ASSERT_FALSE(candidates.empty());
  for (std::uint32_t c : candidates) EXPECT_NE(records[c].source, newcomer.source);
}

}  // namespace
}  // namespace hub::matching
