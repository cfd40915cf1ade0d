#include "matching/cn_company_name.hpp"

#include <gtest/gtest.h>

namespace hub::matching {
namespace {

struct Case {
  const char* name;
  const char* region;
  const char* trade_name;
  const char* industry;
  const char* legal_form;
  const char* branch;
};

class ChineseNames : public ::testing::TestWithParam<Case> {};

TEST_P(ChineseNames, SplitIntoRegionTradeNameIndustryFormAndBranch) {
  const Case& c = GetParam();
  const ChineseCompanyName parts = ChineseCompanyNameParser::Builtin().Parse(c.name);
  EXPECT_EQ(parts.region, c.region) << c.name;
  EXPECT_EQ(parts.trade_name, c.trade_name) << c.name;
  EXPECT_EQ(parts.industry, c.industry) << c.name;
  EXPECT_EQ(parts.legal_form, c.legal_form) << c.name;
  EXPECT_EQ(parts.branch, c.branch) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    TrickyNames, ChineseNames,
    ::testing::Values(
        // The region leading, in brackets (full-width or not), or before the legal form: one trade name.
        Case{"北京华信科技有限公司", "北京", "华信", "科技", "有限公司", ""},
        Case{"华信科技(北京)有限公司", "北京", "华信", "科技", "有限公司", ""},
        Case{"华信科技（北京）有限公司", "北京", "华信", "科技", "有限公司", ""},
        Case{"力赛佳管道支架技术上海有限公司", "上海", "力赛佳", "管道支架技术", "有限公司", ""},
        // A branch keeps its own city; the parent's parts are parsed as any name.
        Case{"华信科技有限公司北京分公司", "", "华信", "科技", "有限公司", "北京分公司"},
        Case{"华信科技（北京）有限公司上海办事处", "北京", "华信", "科技", "有限公司", "上海办事处"},
        // City and district; a place with its level (省) is one region, not 陕西 + a trade name 省外.
        Case{"广州市天河区棠下丹妮贸易商行", "广州市天河区", "棠下丹妮", "", "贸易商行", ""},
        Case{"陕西省外经贸综合服务公司", "陕西省", "外经贸", "综合", "服务公司", ""},
        // Several forms: 控股 and 集团有限公司.
        Case{"华信控股集团有限公司", "", "华信", "", "控股集团有限公司", ""},
        // A region in brackets means no leading region: 阿里 (a prefecture) stays in the trade name.
        Case{"阿里巴巴(中国)网络技术有限公司", "中国", "阿里巴巴", "网络技术", "有限公司", ""},
        // Nothing but region, industry and form: no trade name.
        Case{"福建环境公司", "福建", "", "环境", "公司", ""},
        // Places only, as companynameparser's labels read them: 永安 is also a city in Fujian.
        Case{"北京永安科技有限公司", "北京永安", "", "科技", "有限公司", ""},
        Case{"广东省深圳市华信科技有限公司", "广东省深圳市", "华信", "科技", "有限公司", ""},
        // 电子公司 is 电子 + 公司, not 电 + 子公司 (a subsidiary).
        Case{"昆山欣日兴精密电子公司", "昆山", "欣日兴", "精密电子", "公司", ""}));

TEST(ChineseCompanyNameParser, ForMatchingReadsAPlaceAfterTheRegionAsTheTradeName) {
  const ChineseCompanyNameParser& parser = ChineseCompanyNameParser::Builtin();
  const ChineseCompanyName leading = parser.Parse("北京永安科技有限公司", PlaceTradeNames::kAfterRegion);
  EXPECT_EQ(leading.region, "北京");
  EXPECT_EQ(leading.trade_name, "永安");
  EXPECT_EQ(leading.industry, "科技");
  const ChineseCompanyName bracketed = parser.Parse("永安科技(北京)有限公司", PlaceTradeNames::kAfterRegion);
  EXPECT_EQ(bracketed.region, "北京");
  EXPECT_EQ(bracketed.trade_name, "永安");
  // One place is the region; a place with its level stays region; a name with a trade name is unchanged.
  EXPECT_EQ(parser.Parse("福建环境公司", PlaceTradeNames::kAfterRegion).trade_name, "");
  EXPECT_EQ(parser.Parse("广东省深圳市华信科技有限公司", PlaceTradeNames::kAfterRegion).trade_name, "华信");
  EXPECT_EQ(parser.Parse("北京市朝阳区科技有限公司", PlaceTradeNames::kAfterRegion).trade_name, "");
}

TEST(ChineseCompanyNameParser, TakesItsWordsFromTheDictionariesItIsGiven) {
  const ChineseCompanyNameParser parser(ChineseCompanyNameParser::Dictionaries{"杭州\n", "软件\r\n\n", "工作室\n"});
  const ChineseCompanyName parts = parser.Parse("杭州云雀软件工作室");
  EXPECT_EQ(parts.region, "杭州");
  EXPECT_EQ(parts.trade_name, "云雀");
  EXPECT_EQ(parts.industry, "软件");
  EXPECT_EQ(parts.legal_form, "工作室");
}

TEST(ChineseCompanyNameParser, LeavesANameOfNoDictionaryWordsWhole) {
  const ChineseCompanyName parts = ChineseCompanyNameParser::Builtin().Parse("  ");
  EXPECT_EQ(parts.trade_name, "");
  EXPECT_EQ(ChineseCompanyNameParser::Builtin().Parse("鑫鑫").trade_name, "鑫鑫");
}

}  // namespace
}  // namespace hub::matching
