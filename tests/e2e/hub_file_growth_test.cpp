// A file still being written, through the real `hub sync`, on SQLite and on PostgreSQL: appended in pieces
// (mid-field, mid-line, inside a quoted field that spans lines, up to the line end) between syncs, it ends
// with exactly the records of the complete file and nothing quarantined. And a line holding a NUL byte is
// quarantined with its position while the good lines land.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {
namespace {

using ::testing::HasSubstr;
using namespace std::string_literals;  // a fixture holding a NUL byte

class HubFileGrowthTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    grow_ = files_.Write("grow.csv", "");
    // A settle time of a day: only a line end completes the last line, however slow the machine.
    config_ = files_.Write("hub.xml", R"(<hub>
  <store><connection>)" + connection_string_ +
                                          R"(</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                                          R"("/>
  <connectors>
    <connector name="crm" plugin="file"><path>grow.csv</path><id_field>id</id_field><settle_time>1d</settle_time></connector>
    <connector name="desk" plugin="file"><path>nul.csv</path><id_field>id</id_field></connector>
  </connectors>
  <jobs>
    <job name="customers" connector="crm">
      <mapping entity="party">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
        <field target="phone" source="phone"/>
      </mapping>
    </job>
    <job name="desk_customers" connector="desk">
      <mapping entity="party">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
      </mapping>
    </job>
  </jobs>
</hub>
)");
  }

  void Append(const std::string& bytes) const { std::ofstream(grow_, std::ios::binary | std::ios::app) << bytes; }

  TempDir files_;
  std::filesystem::path grow_;
  std::filesystem::path config_;
};

TEST_P(HubFileGrowthTest, AppendedInPiecesBetweenSyncsEndsWithTheCompleteFileAndNothingQuarantined) {
  const std::vector<std::string> pieces = {
      "id,name,phone,note\nB1,First Co,021-11111111,plain\n",
      "B2,Sec",                            // mid-field
      "ond Co,021-2222",                   // mid-line, as in the report
      "2222,plain",                        // the whole line but its end
      "\n",                                // the line end
      "B3,Third Co,021-33333333,\"two\n",  // inside a quoted field that spans lines
      "lines\"",                           // the field closed, the line end still missing
      "\n"};
  for (const std::string& piece : pieces) {
    Append(piece);
    CommandResult sync = RunHub({"sync", "customers", "--config", config_.string()});
    ASSERT_EQ(sync.exit_status, 0) << sync.output;
    EXPECT_THAT(sync.output, HasSubstr("quarantined=0")) << "after appending " << piece;
  }
  std::vector<odbc::Row> stored =
      QueryRows("SELECT p.name, ph.raw FROM parties p JOIN phones ph ON ph.party_id = p.id ORDER BY p.name");
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[0][0].text(), "First Co");
  EXPECT_EQ(stored[1][0].text(), "Second Co");
  EXPECT_EQ(stored[1][1].text(), "021-22222222") << "B2 is stored whole, not with the phone it had mid-write";
  EXPECT_EQ(stored[2][0].text(), "Third Co");
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM parties").integer(), 3);
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM quarantine").integer(), 0);
}

TEST_P(HubFileGrowthTest, LineHoldingANulByteIsQuarantinedWithItsPositionAndTheRestLands) {
  files_.Write("nul.csv", "id,name\nN1,Good One\nN2,Bad\0One\nN3,Good Two\n"s);
  CommandResult sync = RunHub({"sync", "desk_customers", "--config", config_.string()});
  ASSERT_EQ(sync.exit_status, 0) << sync.output;
  EXPECT_THAT(sync.output, HasSubstr("inserted=2"));
  EXPECT_THAT(sync.output, HasSubstr("quarantined=1"));
  std::vector<odbc::Row> names = QueryRows("SELECT name FROM parties ORDER BY name");
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0][0].text(), "Good One");
  EXPECT_EQ(names[1][0].text(), "Good Two");
  std::vector<odbc::Row> quarantined = QueryRows("SELECT source_position, reason, raw_record FROM quarantine");
  ASSERT_EQ(quarantined.size(), 1u);
  EXPECT_EQ(quarantined[0][0].text(), "nul.csv:3");
  EXPECT_THAT(quarantined[0][1].text(), HasSubstr("nul.csv:3: NUL byte at byte 7 of the line"));
  EXPECT_THAT(quarantined[0][2].text(), HasSubstr("x00One")) << "the raw text, its NUL written as \\x00";
}

INSTANTIATE_TEST_SUITE_P(Engines, HubFileGrowthTest, kBothBackends, BackendName);

}  // namespace
}  // namespace hub::test
