// <leads><funnel>: the norms, overrides and alert thresholds read with every attribute, the defaults without the
// element, and every misuse one error at its line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.hpp"
#include "config_test_support.hpp"

namespace hub::config {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempDir;

// A valid file whose line 4 is `leads`.
std::string FileWithLeads(const std::string& leads) {
  return "<hub>\n"
         "  <store><connection>DSN=x</connection></store>\n"
         "  <plugins dir=\".\"/>\n" +
         leads + "\n</hub>\n";
}

ConfigLoadResult Load(const TempDir& dir, const std::string& text) {
  return LoadConfig(dir.Write("hub.xml", text), testing::FakeEnv({}));
}

TEST(FunnelConfig, NormsOverridesAndThresholdsAreReadWithEveryAttribute) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads(R"(<leads><funnel dwell_days="2, 1, 4, 5, 6.5, 7"
    move_percent="100,80,40,20,5" holdings="12,14,8,3" cooling_days="60" no_contact_days="10" min_intents="5"
    min_taken="8" max_abandon_percent="25" min_signings="3" max_outside_percent="40">
    <dwell grade="A" days="1,1,2,2,3,3"/>
    <dwell industry="manufacturing" days="1,1,8,8,10,10"/>
    <dwell grade="A" industry="manufacturing" days="1,1,4,4,6,6"/>
  </funnel></leads>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const leads::FunnelNorms& norms = result.config->leads.funnel;
  EXPECT_THAT(norms.ideal_dwell_days, ElementsAre(2, 1, 4, 5, 6.5, 7));
  EXPECT_THAT(norms.ideal_move_percent, ElementsAre(100, 80, 40, 20, 5));
  EXPECT_THAT(norms.ideal_holdings, ElementsAre(12, 14, 8, 3));
  EXPECT_EQ(norms.cooling_days, 60);
  EXPECT_EQ(norms.no_contact_days, 10);
  EXPECT_EQ(norms.alerts.min_intents, 5);
  EXPECT_EQ(norms.alerts.min_taken, 8);
  EXPECT_EQ(norms.alerts.max_abandon_percent, 25);
  EXPECT_EQ(norms.alerts.min_signings, 3);
  EXPECT_EQ(norms.alerts.max_outside_percent, 40);
  ASSERT_EQ(norms.dwell_overrides.size(), 3u);
  EXPECT_EQ(norms.dwell_overrides[1].industry, "manufacturing");
  EXPECT_TRUE(norms.dwell_overrides[1].grade.empty());
  EXPECT_EQ(norms.DwellFor("A", "manufacturing")[4], 6);
  EXPECT_EQ(norms.DwellFor("A", "retail")[4], 3);
  EXPECT_EQ(norms.DwellFor("B", "manufacturing")[4], 10);
}

TEST(FunnelConfig, WithoutTheElementTheDefaultsHold) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads("<leads><classification/></leads>"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const leads::FunnelNorms& norms = result.config->leads.funnel;
  EXPECT_THAT(norms.ideal_dwell_days, ElementsAre(1, 1, 5, 5, 5, 5));
  EXPECT_THAT(norms.ideal_move_percent, ElementsAre(100, 90, 50, 30, 10));
  EXPECT_THAT(norms.ideal_holdings, ElementsAre(10, 13, 7, 2));
  EXPECT_EQ(norms.cooling_days, 90);
  EXPECT_EQ(norms.no_contact_days, 14);
  EXPECT_TRUE(norms.dwell_overrides.empty());
}

struct FunnelMisuse {
  const char* leads;
  int line;
  const char* message_part;
};

class FunnelConfigErrors : public ::testing::TestWithParam<FunnelMisuse> {};

TEST_P(FunnelConfigErrors, NameTheLine) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithLeads(GetParam().leads));
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.errors.size(), 1u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, GetParam().line) << result.errors[0].ToString();
  EXPECT_THAT(result.errors[0].message, HasSubstr(GetParam().message_part));
}

INSTANTIATE_TEST_SUITE_P(
    Misuses, FunnelConfigErrors,
    ::testing::Values(
        FunnelMisuse{"<leads>\n<funnel dwell_days=\"1,1,5\"/></leads>", 5,
                     "<funnel> attribute 'dwell_days': '1,1,5' has 3 numbers; give 6 (resource, graded"},
        FunnelMisuse{"<leads><funnel move_percent=\"100,90,50,30,x\"/></leads>", 4,
                     "<funnel> attribute 'move_percent': 'x' is not a number from 0 to 100"},
        FunnelMisuse{"<leads><funnel move_percent=\"100,90,150,30,10\"/></leads>", 4, "'150' is not a number"},
        FunnelMisuse{"<leads><funnel holdings=\"10,,7,2\"/></leads>", 4, "has an empty item"},
        FunnelMisuse{"<leads><funnel holdings=\"10,13,7\"/></leads>", 4, "give 4 (before an intent, intent"},
        FunnelMisuse{"<leads><funnel dwell_days=\"1,1,5,5,5,-1\"/></leads>", 4, "'-1' is not a number from 0"},
        FunnelMisuse{"<leads><funnel cooling_days=\"-3\"/></leads>", 4, "<funnel> attribute 'cooling_days'"},
        FunnelMisuse{"<leads><funnel no_contact_days=\"0\"/></leads>", 4, "from 1 to 365"},
        FunnelMisuse{"<leads><funnel max_abandon_percent=\"101\"/></leads>", 4, "from 0 to 100"},
        FunnelMisuse{"<leads><funnel stall_days=\"3\"/></leads>", 4, "stall_days"},
        FunnelMisuse{"<leads><funnel/>\n<funnel/></leads>", 5, "funnel"},
        FunnelMisuse{"<leads><funnel>\n<dwell days=\"1,1,1,1,1,1\"/></funnel></leads>", 5,
                     "<dwell> names neither a grade nor an industry"},
        FunnelMisuse{"<leads><funnel>\n<dwell grade=\"D\" days=\"1,1,1,1,1,1\"/></funnel></leads>", 5, "grade"},
        FunnelMisuse{"<leads><funnel>\n<dwell grade=\"A\"/></funnel></leads>", 5, "<dwell> needs days="},
        FunnelMisuse{"<leads><funnel>\n<dwell grade=\"A\" days=\"1\"/></funnel></leads>", 5, "has 1 numbers"},
        FunnelMisuse{"<leads><funnel><dwell industry=\"retail\" days=\"1,1,1,1,1,1\"/>\n"
                     "<dwell industry=\"retail\" days=\"2,2,2,2,2,2\"/></funnel></leads>",
                     5, "duplicate <dwell> for 'grade=\"\" industry=\"retail\"' (first at line 4)"},
        FunnelMisuse{"<leads><funnel>\n<dwell grade=\"A\" days=\"1,1,1,1,1,1\" stage=\"lead\"/></funnel></leads>", 5,
                     "stage"}));

}  // namespace
}  // namespace hub::config
