// Tricky pairs in both scripts, each with the decision the matcher must take and the reason it must give.
#include "matching/matcher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "match_test_support.hpp"

namespace hub::matching {
namespace {

using ::testing::HasSubstr;

MatchRecord Company(std::string name, std::vector<std::string> phones = {}, std::string organization_id = "",
                    std::string website = "") {
  MatchRecord record;
  record.source = "crm";
  record.name = std::move(name);
  record.phones = std::move(phones);
  record.organization_id = std::move(organization_id);
  record.website = std::move(website);
  return record;
}

class TrickyPairs : public ::testing::Test {
 protected:
  Explanation Decide(const MatchRecord& a, const MatchRecord& b) const {
    return matcher_.Explain(run_, preparers_.Prepare(a), preparers_.Prepare(b));
  }
  static Level LevelOf(const Explanation& explanation, Field field) {
    for (const FieldEvidence& evidence : explanation.score.evidence) {
      if (evidence.field == field) return evidence.level;
    }
    return Level::kMissing;
  }

  Preparers preparers_;
  Matcher matcher_{MatcherConfig{}};
  MatchRun run_{HandSetModel(), {}, {}, {}};
};

TEST_F(TrickyPairs, RegionInFrontOrInBracketsAndTraditionalScriptAreOneName) {
  const Explanation e = Decide(Company("北京华信科技有限公司", {"010-6552-8888"}),
                               Company("華信科技（北京）有限公司", {"+86 10 6552 8888"}));
  EXPECT_EQ(e.decision, Decision::kLink) << Matcher::Describe(e);
  EXPECT_TRUE(e.rule.empty());
  EXPECT_EQ(LevelOf(e, Field::kName), Level::kExact);
  EXPECT_EQ(LevelOf(e, Field::kPhone), Level::kExact);
}

TEST_F(TrickyPairs, PinyinNameAndTheSameDomainGoToReviewNotToACoinToss) {
  const Explanation e = Decide(Company("Huaxin Technology Co., Ltd.", {}, "", "https://www.huaxin-tech.cn"),
                               Company("北京华信科技有限公司", {}, "", "http://huaxin-tech.cn/about"));
  EXPECT_EQ(LevelOf(e, Field::kName), Level::kHigh) << Matcher::Describe(e);
  EXPECT_EQ(LevelOf(e, Field::kDomain), Level::kExact);
  EXPECT_EQ(e.decision, Decision::kReview);
}

TEST_F(TrickyPairs, LegalFormsInEnglishDoNotSeparate) {
  MatchRecord a = Company("ACME Trading Co., Ltd.", {"+1 (617) 555-0142"});
  MatchRecord b = Company("Acme Trading Limited", {"617.555.0142"});
  b.phone_country = "US";
  const Explanation e = Decide(a, b);
  EXPECT_EQ(e.decision, Decision::kLink) << Matcher::Describe(e);
  EXPECT_EQ(LevelOf(e, Field::kName), Level::kExact);
  EXPECT_EQ(LevelOf(e, Field::kPhone), Level::kExact);
}

TEST_F(TrickyPairs, SameTradeNameInAnotherCityWithAnotherPhoneIsNotLinked) {
  const Explanation e =
      Decide(Company("上海华信电子有限公司", {"021-5080-1234"}), Company("深圳华信科技有限公司", {"0755-2660-3321"}));
  EXPECT_EQ(e.decision, Decision::kNoLink) << Matcher::Describe(e);
  EXPECT_EQ(LevelOf(e, Field::kPhone), Level::kDifferent);
  EXPECT_NE(LevelOf(e, Field::kName), Level::kExact);
}

TEST_F(TrickyPairs, TwoDifferentValidCreditCodesAreTwoOrganizationsWhateverTheName) {
  const Explanation e = Decide(Company("华信科技有限公司", {"010-6552-8888"}, "91440305590830169M"),
                               Company("华信科技有限公司", {"010-6552-8888"}, "913301063909960339"));
  EXPECT_EQ(e.decision, Decision::kDistinct) << Matcher::Describe(e);
  EXPECT_THAT(e.rule, HasSubstr("different valid organization keys"));
}

TEST_F(TrickyPairs, AMistypedCreditCodeProvesNothingEitherWay) {
  const Explanation e = Decide(Company("华信科技有限公司", {"010-6552-8888"}, "91440305590830169M"),
                               Company("华信科技有限公司", {"010-6552-8888"}, "91440305590830167M"));
  EXPECT_EQ(LevelOf(e, Field::kOrganizationKey), Level::kMedium) << Matcher::Describe(e);
  EXPECT_EQ(e.decision, Decision::kLink);
}

TEST_F(TrickyPairs, ABranchOfficeIsRelatedToItsParentNeverMerged) {
  const Explanation e = Decide(Company("北京华信科技有限公司", {"010-6552-8888"}),
                               Company("北京华信科技有限公司上海分公司", {"010-6552-8888"}));
  EXPECT_EQ(e.decision, Decision::kRelated) << Matcher::Describe(e);
  EXPECT_THAT(e.rule, HasSubstr("branch office"));
  EXPECT_THAT(e.rule, HasSubstr("上海分公司"));
}

TEST_F(TrickyPairs, ABranchWithItsOwnPhoneAndSiteIsStillRelatedToItsParentByName) {
  const Explanation e =
      Decide(Company("北京华信科技有限公司", {"010-6552-8888"}, "", "https://huaxin-tech.cn"),
             Company("北京华信科技有限公司上海分公司", {"021-5080-1234"}, "", "https://huaxin-sh.cn"));
  EXPECT_LT(e.score.probability, 0.5) << Matcher::Describe(e);
  EXPECT_EQ(e.decision, Decision::kRelated);
  EXPECT_THAT(e.rule, HasSubstr("branch office"));
}

TEST_F(TrickyPairs, OneBranchWrittenInChineseAndInEnglishIsOneEntityForTheScoreToDecide) {
  // No branch rule parts them; across scripts the name agrees by its pinyin key only (high), so with the
  // hand-set weights a phone in common is a case for review.
  const Explanation e = Decide(Company("北京华信科技有限公司上海分公司", {"021-5080-1234"}),
                               Company("Huaxin Technology Co., Ltd. Shanghai Branch", {"+86 21 5080 1234"}));
  EXPECT_EQ(e.decision, Decision::kReview) << Matcher::Describe(e);
  EXPECT_TRUE(e.rule.empty());
  EXPECT_EQ(LevelOf(e, Field::kName), Level::kHigh);
}

TEST_F(TrickyPairs, AnEnglishBranchNameIsRelatedToItsChineseParentNeverMerged) {
  const Explanation e = Decide(Company("北京华信科技有限公司", {"010-6552-8888"}),
                               Company("Huaxin Technology Co., Ltd. Shanghai Branch", {"010-6552-8888"}));
  EXPECT_EQ(e.decision, Decision::kRelated) << Matcher::Describe(e);
  EXPECT_THAT(e.rule, HasSubstr("shanghai branch"));
}

TEST_F(TrickyPairs, TwoBranchesOfOneCompanyInTwoCitiesAreRelatedNotMerged) {
  const Explanation e = Decide(Company("华信科技有限公司上海分公司", {"021-5080-1234"}),
                               Company("Huaxin Technology Co., Ltd. Beijing Branch", {"021-5080-1234"}));
  EXPECT_EQ(e.decision, Decision::kRelated) << Matcher::Describe(e);
}

TEST_F(TrickyPairs, ATradeNameThatIsAlsoACityIsStillTheTradeName) {
  // 永安 is a city in Fujian: read as a second region, every 北京…科技 company would share the name 科技.
  const Explanation same = Decide(Company("北京永安科技有限公司", {"010-6552-8888"}),
                                  Company("永安科技（北京）有限公司", {"010 6552 8888"}));
  EXPECT_EQ(same.decision, Decision::kLink) << Matcher::Describe(same);
  EXPECT_EQ(LevelOf(same, Field::kName), Level::kExact);
  const Explanation other = Decide(Company("北京永安科技有限公司"), Company("北京华信科技有限公司"));
  EXPECT_NE(LevelOf(other, Field::kName), Level::kExact) << Matcher::Describe(other);
}

TEST_F(TrickyPairs, TwoChineseTradeNamesWithOneReadingAreTwoNames) {
  // 华信 and 华鑫 are both "huaxin": the reading links a name to its pinyin spelling, not homophones.
  const Explanation homophones = Decide(Company("北京华信科技有限公司"), Company("北京华鑫科技有限公司"));
  EXPECT_NE(LevelOf(homophones, Field::kName), Level::kHigh) << Matcher::Describe(homophones);
  EXPECT_EQ(homophones.decision, Decision::kNoLink);
  const Explanation spelt = Decide(Company("北京华鑫科技有限公司"), Company("Huaxin Technology Co., Ltd."));
  EXPECT_EQ(LevelOf(spelt, Field::kName), Level::kHigh) << Matcher::Describe(spelt);
}

TEST_F(TrickyPairs, AServiceNumberInCommonWeighsLessThanADirectLine) {
  const Explanation shared_400 =
      Decide(Company("华信科技有限公司", {"400-810-8888"}), Company("华信科技有限公司", {"4008108888"}));
  EXPECT_EQ(LevelOf(shared_400, Field::kPhone), Level::kHigh) << Matcher::Describe(shared_400);
  const Explanation direct =
      Decide(Company("华信科技有限公司", {"010-6552-8888"}), Company("华信科技有限公司", {"01065528888"}));
  EXPECT_EQ(LevelOf(direct, Field::kPhone), Level::kExact);
  EXPECT_LT(shared_400.score.total_weight, direct.score.total_weight);
}

TEST_F(TrickyPairs, ANameAloneIsSentNowhereButItsExplanationSaysWhy) {
  const Explanation e = Decide(Company("华信科技有限公司"), Company("華信科技有限公司"));
  EXPECT_EQ(e.decision, Decision::kNoLink);
  ASSERT_EQ(e.score.evidence.size(), 1u);
  EXPECT_EQ(e.score.evidence[0].field, Field::kName);
  EXPECT_THAT(Matcher::Describe(e), HasSubstr("name exact +9.81"));
}

TEST(Matcher, ExactNameAgreementOnACommonNameProvesLess) {
  const Preparers preparers;
  std::vector<PreparedRecord> records;
  for (int i = 0; i < 30; ++i) records.push_back(preparers.Prepare(Company("Acme Trading Ltd.")));
  records.push_back(preparers.Prepare(Company("Zwolinski Instruments GmbH")));
  records.push_back(preparers.Prepare(Company("Zwolinski Instruments AG")));
  MatchRun run{HandSetModel(), {}, {}, {}};
  for (const PreparedRecord& r : records) run.frequencies.Add(Field::kName, r.name.text);
  const Matcher matcher{MatcherConfig{}};
  const Explanation common = matcher.Explain(run, records[0], records[1]);
  const Explanation rare = matcher.Explain(run, records[30], records[31]);
  ASSERT_EQ(common.score.evidence.size(), 1u);
  ASSERT_EQ(rare.score.evidence.size(), 1u);
  EXPECT_TRUE(common.score.evidence[0].frequency_adjusted);
  EXPECT_LT(common.score.evidence[0].weight, rare.score.evidence[0].weight);
  EXPECT_THAT(Matcher::Describe(common), HasSubstr("(frequency adjusted)"));
}

}  // namespace
}  // namespace hub::matching

namespace hub::matching {
namespace {

// Persons, each written twice: the second copy with one typo in one field, like FEBRL's duplicates.
std::vector<PreparedRecord> PersonsWithDuplicates(std::size_t persons, std::vector<std::size_t>& entity) {
  const std::vector<std::string> given = {"john", "mary", "wei", "anna", "lachlan", "michaela", "courtney", "li"};
  const std::vector<std::string> family = {"smith", "wang", "berry", "neumann", "painter", "zhang", "waller", "ng"};
  const std::vector<std::string> streets = {"stanley street", "giblin street", "pinkerton circuit", "milne cove"};
  std::mt19937_64 random(5);
  const Preparers preparers;
  std::vector<PreparedRecord> records;
  for (std::size_t p = 0; p < persons; ++p) {
    MatchRecord r;
    r.given_name = given[random() % given.size()];
    r.family_name = family[random() % family.size()];
    r.street = std::to_string(1 + random() % 99) + " " + streets[random() % streets.size()];
    r.postcode = std::to_string(2000 + random() % 2000);
    r.date_of_birth = std::to_string(19300101 + (random() % 70) * 10000 + (random() % 12) * 100 + random() % 28);
    r.personal_id = std::to_string(1000000 + random() % 9000000);
    records.push_back(preparers.Prepare(r));
    entity.push_back(p);
    std::string& typo = random() % 2 == 0 ? r.family_name : r.street;
    typo.insert(typo.size() / 2, "e");
    records.push_back(preparers.Prepare(r));
    entity.push_back(p);
  }
  return records;
}

TEST(Matcher, AFreeMailDomainProvesLessThanACompanyDomain) {
  const Preparers preparers;
  std::vector<PreparedRecord> records;
  for (int i = 0; i < 20; ++i) {
    MatchRecord r;
    r.name = "客户" + std::to_string(i);
    r.email = "user" + std::to_string(i) + "@qq.com";
    records.push_back(preparers.Prepare(r));
  }
  MatchRecord a;
  a.email = "sales@huaxin-tech.cn";
  MatchRecord b;
  b.website = "https://www.huaxin-tech.cn";
  records.push_back(preparers.Prepare(a));
  records.push_back(preparers.Prepare(b));
  MatchRun run{HandSetModel(), {}, {}, {}};
  for (const PreparedRecord& r : records) run.frequencies.Add(Field::kDomain, r.domain);
  const Matcher matcher{MatcherConfig{}};
  const Explanation free_mail = matcher.Explain(run, records[0], records[1]);
  const Explanation company = matcher.Explain(run, records[20], records[21]);
  ASSERT_EQ(company.score.evidence.size(), 1u);
  EXPECT_EQ(company.score.evidence[0].field, Field::kDomain);
  EXPECT_EQ(company.score.evidence[0].level, Level::kExact);
  double free_mail_domain = 0;
  for (const FieldEvidence& evidence : free_mail.score.evidence) {
    if (evidence.field == Field::kDomain) free_mail_domain = evidence.weight;
  }
  EXPECT_LT(free_mail_domain, company.score.evidence[0].weight) << Matcher::Describe(free_mail);
}

TEST(Matcher, DecidesTheSameOnAnyNumberOfThreads) {
  std::vector<std::size_t> entity;
  const std::vector<PreparedRecord> records = PersonsWithDuplicates(300, entity);
  MatcherConfig one_thread;
  one_thread.threads = 1;
  MatcherConfig three_threads;
  three_threads.threads = 3;
  const MatchRun a = Matcher(one_thread).Run(records);
  const MatchRun b = Matcher(three_threads).Run(records);
  ASSERT_EQ(a.pairs.size(), b.pairs.size());
  for (std::size_t i = 0; i < a.pairs.size(); ++i) {
    EXPECT_EQ(a.pairs[i].pair, b.pairs[i].pair);
    EXPECT_EQ(a.pairs[i].decision, b.pairs[i].decision);
    EXPECT_EQ(a.pairs[i].probability, b.pairs[i].probability);
  }
  EXPECT_EQ(a.clusters.cluster_of, b.clusters.cluster_of);
}

TEST(Matcher, PreparesRecordsInParallelAsOneByOne) {
  const Preparers preparers;
  std::vector<MatchRecord> raw;
  for (const char* name :
       {"北京华信科技有限公司", "華信科技（北京）有限公司", "Huaxin Technology Co., Ltd. Shanghai Branch",
        "永安科技（北京）有限公司", "Acme Trading Ltd."}) {
    for (int copy = 0; copy < 200; ++copy) {
      MatchRecord r;
      r.id = std::to_string(raw.size());
      r.name = name;
      r.phones = {"010-6552-" + std::to_string(1000 + copy)};
      raw.push_back(r);
    }
  }
  sdk::Result<std::unique_ptr<TextNormalizer>> normalizer = TextNormalizer::Create();
  ASSERT_TRUE(normalizer.ok());
  const DomainKeys domains;
  const RecordPreparers shared{**normalizer, ChineseCompanyNameParser::Builtin(), domains};
  const std::vector<PreparedRecord> parallel = PrepareRecords(raw, shared, 4);
  ASSERT_EQ(parallel.size(), raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const PreparedRecord one = preparers.Prepare(raw[i]);
    EXPECT_EQ(parallel[i].id, one.id);
    EXPECT_EQ(parallel[i].name.text, one.name.text) << raw[i].name;
    EXPECT_EQ(parallel[i].name_pinyin, one.name_pinyin);
    EXPECT_EQ(parallel[i].branch_key, one.branch_key);
    EXPECT_EQ(parallel[i].phones, one.phones);
  }
}

TEST(Matcher, MatchesOneNewRecordAgainstAnIndexedSetAsARunWould) {
  std::vector<std::size_t> entity;
  std::vector<PreparedRecord> records = PersonsWithDuplicates(400, entity);
  const PreparedRecord newcomer = records.back();  // the duplicate of records[798]
  records.pop_back();
  const Matcher matcher{MatcherConfig{}};
  const MatchRun run = matcher.Run(records);
  const MatchIndex index(records, matcher.config().blocking);
  const std::vector<RecordMatch> matches = matcher.MatchOne(run, index, newcomer);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches.front().record, records.size() - 1);
  EXPECT_EQ(matches.front().decision, Decision::kLink) << matches.front().probability;
  for (std::size_t i = 1; i < matches.size(); ++i) {
    EXPECT_LE(matches[i].probability, matches[i - 1].probability);
    EXPECT_NE(matches[i].decision, Decision::kLink);
  }
  const Explanation explained = matcher.Explain(run, newcomer, records.back());
  EXPECT_EQ(explained.decision, matches.front().decision);
  EXPECT_EQ(explained.score.probability, matches.front().probability);
}

TEST(Matcher, RunLearnsItsWeightsFromTheRecordsAndClustersTheDuplicates) {
  std::vector<std::size_t> entity;
  const std::vector<PreparedRecord> records = PersonsWithDuplicates(400, entity);
  const Matcher matcher{MatcherConfig{}};
  const MatchRun run = matcher.Run(records);
  EXPECT_TRUE(run.model.converged) << run.model.iterations;
  const int dob = static_cast<int>(Field::kDateOfBirth);
  EXPECT_GT(run.model.m[dob][1], 0.9);   // duplicates agree on the date of birth
  EXPECT_LT(run.model.u[dob][1], 0.01);  // random pairs hardly ever do
  std::size_t together = 0;
  for (std::size_t i = 0; i < records.size(); i += 2) {
    together += run.clusters.cluster_of[i] == run.clusters.cluster_of[i + 1] ? 1 : 0;
  }
  EXPECT_GE(together, 390u);
  for (const PairDecision& pair : run.pairs) {
    if (pair.decision == Decision::kLink) {
      EXPECT_EQ(entity[pair.pair.first], entity[pair.pair.second]) << pair.probability;
    }
  }
}

}  // namespace
}  // namespace hub::matching
