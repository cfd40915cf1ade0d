// Layout detection of Asterisk CDR rows: every cdr_csv option combination and cdr_custom's default, and the
// rows of no known layout.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "call_center/cdr_leg.hpp"

namespace hub::call_center {
namespace {

constexpr std::chrono::minutes kChina = std::chrono::hours(8);

// A headerless CSV row as files::CsvRowParser names its fields.
sdk::Record Row(const std::vector<std::string>& fields) {
  sdk::Record row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    row.Set("column_" + std::to_string(i + 1), sdk::Value::String(fields[i]));
  }
  return row;
}

std::vector<std::string> CdrCsvRow(bool uniqueid, bool userfield, bool newcdrcolumns) {
  std::vector<std::string> fields = {"acct",
                                     "13800138000",
                                     "6000",
                                     "from-pstn",
                                     "\"Zhang Wei\" <13800138000>",
                                     "SIP/trunk-00000010",
                                     "SIP/302-00000012",
                                     "Dial",
                                     "SIP/302,20",
                                     "2026-11-02 09:00:20",
                                     "2026-11-02 09:00:25",
                                     "2026-11-02 09:03:05",
                                     "165",
                                     "160",
                                     "ANSWERED",
                                     "DOCUMENTATION"};
  if (uniqueid) fields.push_back("1793581220.18");
  if (userfield) fields.push_back("asks for a quote");
  if (newcdrcolumns) fields.insert(fields.end(), {"peer", "1793581200.16", "17"});
  return fields;
}

struct CdrCsvCase {
  bool uniqueid, userfield, newcdrcolumns;
  std::string layout;
};

class CdrCsvLayouts : public testing::TestWithParam<CdrCsvCase> {};

TEST_P(CdrCsvLayouts, AreDetectedFromTheFieldCountAndTheirColumnsRead) {
  const CdrCsvCase& c = GetParam();
  sdk::Result<CdrLeg> leg = ReadLeg(Row(CdrCsvRow(c.uniqueid, c.userfield, c.newcdrcolumns)), kChina);
  ASSERT_TRUE(leg.ok()) << leg.status().ToString();
  EXPECT_EQ(leg->layout, c.layout);
  EXPECT_EQ(leg->accountcode, "acct");
  EXPECT_EQ(leg->src, "13800138000");
  EXPECT_EQ(leg->dst, "6000");
  EXPECT_EQ(leg->dcontext, "from-pstn");
  EXPECT_EQ(leg->clid, "\"Zhang Wei\" <13800138000>");
  EXPECT_EQ(leg->dstchannel, "SIP/302-00000012");
  EXPECT_EQ(leg->disposition, "ANSWERED");
  // 2026-11-02 09:00:20 in China is 01:00:20 UTC.
  EXPECT_EQ(leg->start_ms, 1793581220000);
  EXPECT_EQ(leg->answer_ms, 1793581225000);
  EXPECT_EQ(leg->end_ms, 1793581385000);
  EXPECT_EQ(leg->uniqueid, c.uniqueid ? "1793581220.18" : "");
  EXPECT_EQ(leg->userfield, c.userfield ? "asks for a quote" : "");
  EXPECT_EQ(leg->linkedid, c.newcdrcolumns ? "1793581200.16" : "");
  EXPECT_EQ(leg->peeraccount, c.newcdrcolumns ? "peer" : "");
}

INSTANTIATE_TEST_SUITE_P(EveryOptionCombination, CdrCsvLayouts,
                         testing::Values(CdrCsvCase{false, false, false, "cdr_csv"},
                                         CdrCsvCase{true, false, false, "cdr_csv+uniqueid"},
                                         CdrCsvCase{false, true, false, "cdr_csv+userfield"},
                                         CdrCsvCase{true, true, false, "cdr_csv+uniqueid+userfield"},
                                         CdrCsvCase{false, false, true, "cdr_csv+newcdrcolumns"},
                                         CdrCsvCase{true, false, true, "cdr_csv+uniqueid+newcdrcolumns"},
                                         CdrCsvCase{false, true, true, "cdr_csv+userfield+newcdrcolumns"},
                                         CdrCsvCase{true, true, true, "cdr_csv+uniqueid+userfield+newcdrcolumns"}));

TEST(CdrLeg, AnEmptyUserfieldWithoutUniqueidIsStillAUserfield) {
  std::vector<std::string> fields = CdrCsvRow(false, false, false);
  fields.push_back("");
  sdk::Result<CdrLeg> leg = ReadLeg(Row(fields), kChina);
  ASSERT_TRUE(leg.ok()) << leg.status().ToString();
  EXPECT_EQ(leg->layout, "cdr_csv+userfield");
}

TEST(CdrLeg, CdrCustomsDefaultIsToldFromCdrCsvOfTheSameCountByTheStartsPlace) {
  const std::vector<std::string> custom = {"\"Li Na\" <13912345678>",
                                           "13912345678",
                                           "6000",
                                           "from-pstn",
                                           "PJSIP/trunk-00000001",
                                           "PJSIP/agent7-00000002",
                                           "Dial",
                                           "PJSIP/agent7",
                                           "2026-11-03 14:00:00",
                                           "",
                                           "2026-11-03 14:02:06",
                                           "126",
                                           "0",
                                           "NO ANSWER",
                                           "DOCUMENTATION",
                                           "acct",
                                           "1793685600.1",
                                           "callback",
                                           "1"};
  ASSERT_EQ(custom.size(), CdrCsvRow(false, false, true).size());
  sdk::Result<CdrLeg> leg = ReadLeg(Row(custom), kChina);
  ASSERT_TRUE(leg.ok()) << leg.status().ToString();
  EXPECT_EQ(leg->layout, "cdr_custom");
  EXPECT_EQ(leg->clid, "\"Li Na\" <13912345678>");
  EXPECT_EQ(leg->channel, "PJSIP/trunk-00000001");
  EXPECT_EQ(leg->accountcode, "acct");
  EXPECT_EQ(leg->uniqueid, "1793685600.1");
  EXPECT_EQ(leg->userfield, "callback");
  EXPECT_FALSE(leg->answer_ms.has_value());
  EXPECT_EQ(leg->linkedid, "");
  EXPECT_EQ(CallKey(*leg), "1793685600.1");
  EXPECT_EQ(ReadLeg(Row(CdrCsvRow(false, false, true)), kChina)->layout, "cdr_csv+newcdrcolumns");
}

TEST(CdrLeg, TheCallKeyIsLinkedidThenUniqueidThenChannelAndStart) {
  EXPECT_EQ(CallKey(*ReadLeg(Row(CdrCsvRow(true, true, true)), kChina)), "1793581200.16");
  EXPECT_EQ(CallKey(*ReadLeg(Row(CdrCsvRow(true, true, false)), kChina)), "1793581220.18");
  EXPECT_EQ(CallKey(*ReadLeg(Row(CdrCsvRow(false, false, false)), kChina)), "SIP/trunk-00000010@1793581220000");
}

TEST(CdrLeg, TheOffsetFromUtcShiftsTheTimes) {
  sdk::Result<CdrLeg> leg = ReadLeg(Row(CdrCsvRow(true, false, false)), std::chrono::minutes(0));
  ASSERT_TRUE(leg.ok());
  EXPECT_EQ(leg->start_ms, 1793581220000 + 8 * 3600 * 1000);
}

struct BadRow {
  std::string name;
  std::vector<std::string> fields;
  std::string reason;
};

class CdrLegRejects : public testing::TestWithParam<BadRow> {};

TEST_P(CdrLegRejects, ARowWithItsReason) {
  sdk::Result<CdrLeg> leg = ReadLeg(Row(GetParam().fields), kChina);
  ASSERT_FALSE(leg.ok());
  EXPECT_EQ(leg.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_NE(leg.status().message().find(GetParam().reason), std::string::npos) << leg.status().message();
}

std::vector<std::string> With(std::vector<std::string> fields, std::size_t index, std::string value) {
  fields[index] = std::move(value);
  return fields;
}

INSTANTIATE_TEST_SUITE_P(
    OfNoKnownLayout, CdrLegRejects,
    testing::Values(
        BadRow{"TooFewFields", {"", "a row", "cut short"}, "no known CDR layout (3 fields"},
        BadRow{"StartNotATime", With(CdrCsvRow(false, false, false), 9, "yesterday"), "no known CDR layout"},
        BadRow{"StartOnADayThatIsNone", With(CdrCsvRow(false, false, false), 9, "2026-02-30 10:00:00"),
               "no known CDR layout"},
        BadRow{"EndNotATime", With(CdrCsvRow(false, false, false), 11, "later"), "end 'later'"},
        BadRow{"AnswerNotATime", With(CdrCsvRow(false, false, false), 10, "soon"), "answer 'soon'"},
        BadRow{"UnknownDisposition", With(CdrCsvRow(false, false, false), 14, "MAYBE"), "no known CDR layout"}),
    [](const testing::TestParamInfo<BadRow>& info) { return info.param.name; });

}  // namespace
}  // namespace hub::call_center
