// Bad input through the real `hub sync`, on SQLite and on PostgreSQL: a GBK export holding a line with the
// wrong number of columns, bytes that are not GBK, a value the database's constraint refuses, a reference
// to a customer the store does not have and a date that does not parse. Each is quarantined with its
// file, line and reason and its raw text; the good lines land.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {
namespace {

using ::testing::HasSubstr;

// The tickets export, in GBK as a Chinese service desk writes it (UTF-8 here, converted by Gbk()).
constexpr const char* kTicketsHeader = "编号,客户,主题,满意度,开单时间\n";
constexpr const char* kGoodTicket = "T1,C1,传感器读数漂移,4,2026-11-23T09:00:00+08:00\n";
constexpr const char* kTooFewColumns = "T2,C1,读数漂移,5\n";
constexpr const char* kRefusedByTheDatabase = "T4,C1,满意度超出范围,9,2026-11-23T10:00:00+08:00\n";
constexpr const char* kUnknownCustomer = "T5,C404,未知客户,3,2026-11-23T11:00:00+08:00\n";
constexpr const char* kBadDate = "T6,C1,日期错误,3,2026年13月45日\n";
constexpr const char* kLastGoodTicket = "T7,C1,设备无法开机,5,2026-11-23T12:00:00+08:00\n";

// `utf8` in GBK, through iconv of the C library (ICU is the file connector's business, not the test's).
std::string Gbk(const std::string& utf8) {
  std::string out;
  FILE* pipe = nullptr;
  TempDir scratch;
  const std::filesystem::path in = scratch.Write("in.txt", utf8);
  pipe = ::popen(("iconv -f UTF-8 -t GBK " + in.string()).c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, read);
  ::pclose(pipe);
  return out;
}

class HubBadInputTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const std::string tickets = Gbk(std::string(kTicketsHeader) + kGoodTicket + kTooFewColumns) +
                                "T3,C1,\x81\x20\xB1\xA8,3,2026-11-23T09:30:00+08:00\n" +
                                Gbk(std::string(kRefusedByTheDatabase) + kUnknownCustomer + kBadDate + kLastGoodTicket);
    ASSERT_GT(tickets.size(), 100u) << "iconv did not convert the test data";
    files_.Write("tickets.csv", tickets);
    files_.Write("customers.csv", "id,name\nC1,上海华腾贸易有限公司\n");
    config_ = files_.Write("hub.xml", R"(<hub>
  <store><connection>)" + connection_string_ +
                                          R"(</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                                          R"("/>
  <connectors>
    <connector name="crm" plugin="file"><path>customers.csv</path><id_field>id</id_field></connector>
    <connector name="desk" plugin="file"><path>tickets.csv</path><encoding>gbk</encoding><id_field>编号</id_field></connector>
  </connectors>
  <jobs>
    <job name="customers" connector="crm">
      <mapping entity="party">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
      </mapping>
    </job>
    <job name="tickets" connector="desk">
      <mapping entity="service_request">
        <field target="ticket_number" source="编号"/>
        <field target="party_source_id" source="客户" system="crm"/>
        <field target="subject" source="主题"/>
        <field target="satisfaction" source="满意度"/>
        <field target="opened_at" source="开单时间"/>
      </mapping>
    </job>
  </jobs>
</hub>
)");
  }

  // Quarantine reasons by source position.
  std::map<std::string, std::string> Reasons() {
    std::map<std::string, std::string> reasons;
    for (const odbc::Row& row : QueryRows("SELECT source_position, reason FROM quarantine")) {
      reasons[row[0].text()] = row[1].text();
    }
    return reasons;
  }

  TempDir files_;
  std::filesystem::path config_;
};

TEST_P(HubBadInputTest, EachBadLineIsQuarantinedWithItsReasonAndTheRestLands) {
  CommandResult customers = RunHub({"sync", "customers", "--config", config_.string()});
  ASSERT_EQ(customers.exit_status, 0) << customers.output;
  CommandResult tickets = RunHub({"sync", "tickets", "--config", config_.string()});
  ASSERT_EQ(tickets.exit_status, 0) << tickets.output;
  EXPECT_THAT(tickets.output, HasSubstr("read=7 inserted=2 updated=0 merged=0 quarantined=5"));

  std::vector<odbc::Row> stored =
      QueryRows("SELECT ticket_number, subject FROM service_requests ORDER BY ticket_number");
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0][1].text(), "传感器读数漂移");
  EXPECT_EQ(stored[1][1].text(), "设备无法开机");

  std::map<std::string, std::string> reasons = Reasons();
  ASSERT_EQ(reasons.size(), 5u);
  EXPECT_THAT(reasons["tickets.csv:3"], HasSubstr("tickets.csv:3: 4 columns, header has 5"));
  EXPECT_THAT(reasons["tickets.csv:4"], HasSubstr("tickets.csv:4: invalid gbk byte 0x81 at byte 7 of the line"));
  EXPECT_THAT(reasons["tickets.csv:5"], HasSubstr("tickets.csv:5: the store refused it"));
  EXPECT_THAT(reasons["tickets.csv:5"], HasSubstr("check"));
  EXPECT_THAT(reasons["tickets.csv:6"],
              HasSubstr("refers to party 'C404' (party_source_id), which is not in the store"));
  EXPECT_THAT(reasons["tickets.csv:7"], HasSubstr("opened_at"));
  EXPECT_THAT(QueryValue("SELECT raw_record FROM quarantine WHERE source_position = 'tickets.csv:3'").text(),
              HasSubstr("读数漂移"))
      << "the raw text is kept, decoded";
}

INSTANTIATE_TEST_SUITE_P(Engines, HubBadInputTest, kBothBackends, BackendName);

}  // namespace
}  // namespace hub::test
