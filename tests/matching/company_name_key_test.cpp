#include "matching/company_name_key.hpp"

#include <gtest/gtest.h>

#include "matching/latin_company_name.hpp"

namespace hub::matching {
namespace {

struct LatinCase {
  const char* folded;
  const char* core;
  const char* legal_form;
  const char* trade_name;
};

class LatinNames : public ::testing::TestWithParam<LatinCase> {};

TEST_P(LatinNames, LoseTheirLegalFormForComparison) {
  const LatinCase& c = GetParam();
  const LatinCompanyName name = SplitLatinCompanyName(c.folded);
  EXPECT_EQ(name.core, c.core) << c.folded;
  EXPECT_EQ(name.legal_form, c.legal_form) << c.folded;
  EXPECT_EQ(name.trade_name, c.trade_name) << c.folded;
}

INSTANTIATE_TEST_SUITE_P(
    TrickyNames, LatinNames,
    ::testing::Values(
        LatinCase{"huaxin technology co. ltd.", "huaxin technology", "co. ltd.", "huaxin"},
        LatinCase{"huaxin technology co.ltd.", "huaxin technology", "co.ltd.", "huaxin"},
        LatinCase{"koninklijke philips electronics n.v.", "koninklijke philips electronics", "n.v.",
                  "koninklijke philips"},
        // PATSTAT spells forms letter by letter.
        LatinCase{"konink philips electronics n v", "konink philips electronics", "n v", "konink philips"},
        LatinCase{"siemens ag", "siemens", "ag", "siemens"},
        LatinCase{"acme gmbh & co. kg", "acme", "gmbh & co. kg", "acme"},
        LatinCase{"smith & co", "smith", "& co", "smith"}, LatinCase{"fiat s p a", "fiat", "s p a", "fiat"},
        LatinCase{"agilent technologies inc.", "agilent technologies", "inc.", "agilent"},
        // Never emptied; an industry word first leaves the core as trade name.
        LatinCase{"limited", "limited", "", "limited"},
        LatinCase{"international trading ltd", "international trading", "ltd", "international trading"},
        // A branch office's words are not the parent's legal form or name.
        LatinCase{"huaxin technology co. ltd. shanghai branch", "huaxin technology", "co. ltd.", "huaxin"},
        LatinCase{"huaxin food co. ltd. beijing branch office", "huaxin food", "co. ltd.", "huaxin"}));

struct LatinBranchCase {
  const char* folded;
  const char* branch;
  const char* place;
};

class LatinBranches : public ::testing::TestWithParam<LatinBranchCase> {};

TEST_P(LatinBranches, AreSplitOffAfterTheParentsLegalForm) {
  const LatinBranchCase& c = GetParam();
  const LatinCompanyName name = SplitLatinCompanyName(c.folded);
  EXPECT_EQ(name.branch, c.branch) << c.folded;
  EXPECT_EQ(name.branch_place, c.place) << c.folded;
}

INSTANTIATE_TEST_SUITE_P(
    TrickyNames, LatinBranches,
    ::testing::Values(LatinBranchCase{"huaxin technology co. ltd. shanghai branch", "shanghai branch", "shanghai"},
                      LatinBranchCase{"huaxin food co. ltd. beijing branch office", "beijing branch office", "beijing"},
                      LatinBranchCase{"acme limited hong kong office", "hong kong office", "hong kong"},
                      // Without a legal form, only "branch" says so, with the one word before it.
                      LatinBranchCase{"huaxin shanghai branch", "shanghai branch", "shanghai"},
                      LatinBranchCase{"the box office", "", ""}, LatinBranchCase{"acme co. ltd. head office", "", ""},
                      LatinBranchCase{"huaxin technology co. ltd.", "", ""}));

class CompanyNameKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    sdk::Result<std::unique_ptr<TextNormalizer>> made = TextNormalizer::Create();
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    normalizer_ = std::move(*made);
  }
  CompanyNameKey Key(std::string_view name) {
    return MakeCompanyNameKey(name, *normalizer_, ChineseCompanyNameParser::Builtin());
  }
  std::unique_ptr<TextNormalizer> normalizer_;
};

TEST_F(CompanyNameKeys, LinkTraditionalSimplifiedBracketedAndLatinForms) {
  const CompanyNameKey simplified = Key("北京华信科技有限公司");
  const CompanyNameKey traditional = Key("華信科技（北京）有限公司");
  const CompanyNameKey latin = Key("Huaxin Technology Co., Ltd.");
  EXPECT_TRUE(simplified.han);
  EXPECT_EQ(simplified.core, "华信科技");
  EXPECT_EQ(simplified.trade_name, "华信");
  EXPECT_EQ(simplified.region, "北京");
  EXPECT_EQ(traditional.core, simplified.core);
  EXPECT_EQ(traditional.region, "北京");
  EXPECT_FALSE(latin.han);
  EXPECT_EQ(latin.core, "huaxin technology");
  EXPECT_EQ(simplified.pinyin, "huaxin");
  EXPECT_EQ(traditional.pinyin, "huaxin");
  EXPECT_EQ(latin.pinyin, "huaxin");
}

TEST_F(CompanyNameKeys, KeepTheBranchMarker) {
  const CompanyNameKey branch = Key("华信科技有限公司北京分公司");
  EXPECT_EQ(branch.core, "华信科技");
  EXPECT_EQ(branch.branch, "北京分公司");
  EXPECT_TRUE(Key("北京华信科技有限公司").branch.empty());
}

TEST_F(CompanyNameKeys, GiveABranchOneKeyInBothScripts) {
  const CompanyNameKey chinese = Key("华信科技有限公司上海分公司");
  const CompanyNameKey english = Key("Huaxin Technology Co., Ltd. Shanghai Branch");
  EXPECT_EQ(chinese.branch_key, "branch:shanghai");
  EXPECT_EQ(english.branch_key, "branch:shanghai");
  EXPECT_EQ(english.branch, "shanghai branch");
  EXPECT_EQ(english.core, "huaxin technology");
  EXPECT_EQ(english.pinyin, chinese.pinyin);
  EXPECT_EQ(Key("华信科技有限公司北京分公司").branch_key, "branch:beijing");
  EXPECT_TRUE(Key("Huaxin Technology Co., Ltd.").branch_key.empty());
}

TEST_F(CompanyNameKeys, ReadAPlaceAfterTheRegionAsTheTradeName) {
  // 永安 and 东兴 are also cities: after the company's own region they are its trade name.
  EXPECT_EQ(Key("北京永安科技有限公司").trade_name, "永安");
  EXPECT_EQ(Key("北京永安科技有限公司").pinyin, "yongan");
  EXPECT_EQ(Key("永安科技（北京）有限公司").trade_name, "永安");
  EXPECT_EQ(Key("上海東興貿易有限公司").trade_name, "东兴");
  EXPECT_EQ(Key("永安科技（北京）有限公司").core, Key("北京永安科技有限公司").core);
}

TEST_F(CompanyNameKeys, NeverCompareANameWithoutTradeNameEmpty) {
  const CompanyNameKey key = Key("福建环境公司");
  EXPECT_EQ(key.trade_name, "环境");
  EXPECT_EQ(key.core, "环境");
}

}  // namespace
}  // namespace hub::matching
