// The blocking index kept in the store, on both engines: a party's keys replaced as a whole, a batch's keys
// written together, the holders of a key read through the index up to a cap, the parties without keys found;
// and the profiles and pairs of a few parties read alone.
#include "store/model/party_blocking_keys.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/model/match_pairs.hpp"
#include "store/model/party_profiles.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sync::test::Mapping;
using sync::test::Record;

// Keys above 2^63 are kept signed: the same 64 bits come back.
constexpr std::uint64_t kHighKey = 0xF000000000000001ULL;

class PartyBlockingKeysTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    mapping_ = Mapping("party", {"kind", "name", "phone"});
    std::vector<sdk::Record> records;
    for (int i = 1; i <= 4; ++i) {
      records.push_back(Record("party", "P" + std::to_string(i),
                               {{"kind", "organization"},
                                {"name", "Party " + std::to_string(i)},
                                {"phone", "+86 21 5080 000" + std::to_string(i)}}));
    }
    Apply(records, "c1");
    for (int i = 1; i <= 4; ++i) {
      ids_.push_back(Count("SELECT record_id FROM source_links WHERE source_id = 'P" + std::to_string(i) + "'"));
    }
  }

  void Replace(const std::vector<PartyBlockingKeys>& parties) {
    const sdk::Status replaced = ReplacePartyBlockingKeys(*connection_, parties);
    ASSERT_TRUE(replaced.ok()) << replaced.ToString();
  }

  std::vector<KeyHolders> Holders(const std::vector<std::uint64_t>& keys, std::size_t cap) {
    auto holders = BlockingKeyHolders(*connection_, keys, cap);
    EXPECT_TRUE(holders.ok()) << holders.status().ToString();
    return holders.ok() ? *holders : std::vector<KeyHolders>{};
  }

  std::vector<std::int64_t> ids_;
};

TEST_P(PartyBlockingKeysTest, AKeyHeldByMoreThanTheCapHasNoHolders) {
  Replace({{ids_[0], {7, kHighKey}}, {ids_[1], {7}}, {ids_[2], {7}}});
  const std::vector<KeyHolders> open = Holders({kHighKey, 7, 99}, 3);
  ASSERT_EQ(open.size(), 2u) << "nobody holds 99";
  EXPECT_EQ(open[0].key_hash, kHighKey);
  EXPECT_EQ(open[0].party_ids, std::vector<std::int64_t>{ids_[0]});
  EXPECT_EQ(open[1].party_ids, (std::vector<std::int64_t>{ids_[0], ids_[1], ids_[2]}));
  const std::vector<KeyHolders> capped = Holders({kHighKey, 7}, 2);
  ASSERT_EQ(capped.size(), 2u);
  EXPECT_EQ(capped[0].party_ids, std::vector<std::int64_t>{ids_[0]});
  EXPECT_TRUE(capped[1].party_ids.empty()) << "three parties hold it, more than 2: not telling";
}

TEST_P(PartyBlockingKeysTest, ReplacingAPartysKeysDropsItsOldOnesOnly) {
  Replace({{ids_[0], {1, 2}}, {ids_[1], {2, 3}}});
  Replace({{ids_[0], {4}}});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_blocking_keys WHERE party_id = " + std::to_string(ids_[0])), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_blocking_keys WHERE party_id = " + std::to_string(ids_[1])), 2);
  auto without = PartiesWithoutBlockingKeys(*connection_);
  ASSERT_TRUE(without.ok()) << without.status().ToString();
  EXPECT_EQ(*without, (std::vector<std::int64_t>{ids_[2], ids_[3]}));
  ASSERT_TRUE(ClearPartyBlockingKeys(*connection_).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_blocking_keys"), 0);
}

TEST_P(PartyBlockingKeysTest, ABatchsKeysAreWrittenTogether) {
  std::vector<PartyBlockingKeys> parties;
  for (std::int64_t id : ids_) {
    PartyBlockingKeys party{id, {}};
    for (std::uint64_t key = 0; key < 300; ++key)
      party.key_hashes.push_back(key * 1000 + static_cast<std::uint64_t>(id));
    parties.push_back(party);
  }
  Replace(parties);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_blocking_keys"), 1200);
}

TEST_P(PartyBlockingKeysTest, AFewPartiesProfilesAndPairsAreReadAlone) {
  auto profiles = ReadPartyProfiles(*connection_, {ids_[2], ids_[0], 999999});
  ASSERT_TRUE(profiles.ok()) << profiles.status().ToString();
  ASSERT_EQ(profiles->size(), 2u) << "in id order, a party that does not exist left out";
  EXPECT_EQ((*profiles)[0].id, ids_[0]);
  EXPECT_EQ((*profiles)[0].Field("name"), "Party 1");
  EXPECT_EQ((*profiles)[0].source_id, "P1");
  EXPECT_EQ((*profiles)[0].phones, std::vector<std::string>{"+862150800001"});
  EXPECT_EQ((*profiles)[1].Field("name"), "Party 3");
  auto written = WriteMatchPairs(*connection_, {},
                                 {{ids_[0], ids_[1], 0.9, "review", "{}"}, {ids_[2], ids_[3], 0.99, "link", "{}"}});
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  auto pairs = ReadMatchPairsOf(*connection_, {ids_[1]});
  ASSERT_TRUE(pairs.ok()) << pairs.status().ToString();
  ASSERT_EQ(pairs->size(), 1u);
  EXPECT_EQ((*pairs)[0].left_party_id, ids_[0]);
  EXPECT_EQ((*pairs)[0].decision, "review");
}

INSTANTIATE_TEST_SUITE_P(Engines, PartyBlockingKeysTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
