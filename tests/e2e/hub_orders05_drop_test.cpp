// Orders Hub sends to SAP leave as ORDERS05 IDocs, once: the real `hub run` syncs the customer master from a
// DEBMAS07 file (connector supply_chain) and web-shop orders from a CSV naming those customers' SAP numbers;
// its delivery job, subscribed with document="true" and filtered to confirmed orders not from SAP, hands
// each order to the supply_chain connector, which drops one ORDERS05 file per order; a later update of an
// order SAP already has writes nothing more. On SQLite and PostgreSQL.
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "delivery_e2e.hpp"
#include "hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::Not;

class HubOrders05DropTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    std::filesystem::create_directories(files_.path() / "inbox");
    std::filesystem::create_directories(drop());
    std::filesystem::copy_file(std::string(HUB_SOURCE_DIR) + "/tests/data/supply_chain/debmas07.xml",
                               files_.path() / "inbox" / "debmas07.xml");
    files_.Write("orders.csv",
                 "id,customer,currency,total,ordered_on,status\n"
                 "W-1001,0000100001,CNY,12800.00,2026-11-30,confirmed\n"
                 "W-1002,0000100002,CNY,560.00,2026-11-30,open\n");
    config_ = files_.Write("hub.xml", R"(<hub>
  <store><connection>)" + connection_string_ +
                                          R"(</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                                          R"("/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="supply_chain" plugin="supply_chain">
      <path>inbox</path>
      <final>true</final>
      <drop_dir>drop</drop_dir>
      <receiver_partner>PRDCLNT100</receiver_partner>
    </connector>
    <connector name="shop" plugin="file"><path>orders.csv</path></connector>
  </connectors>
  <jobs>
    <job name="sap" connector="supply_chain" every="1s">
      <mapping use="sap_idoc"/>
    </job>
    <job name="shop_orders" connector="shop" every="1s">
      <mapping entity="order" id="id">
        <field target="order_number" source="id"/>
        <field target="party_source_id" source="customer" system="supply_chain"/>
        <field target="currency" source="currency"/>
        <field target="total_amount" source="total"/>
        <field target="ordered_on" source="ordered_on"/>
        <field target="status" source="status"/>
      </mapping>
    </job>
    <job name="to_sap" kind="delivery" connector="supply_chain" every="200ms">
      <subscribe entity="order" kinds="order.created order.updated" document="true"/>
      <filter field="source_system" not_in="supply_chain"/>
      <filter field="status" equals="confirmed"/>
    </job>
  </jobs>
</hub>
)");
  }

  std::filesystem::path drop() const { return files_.path() / "drop"; }

  // The ORDERS05 files in the drop folder (the ledger folder and temporary files aside).
  std::vector<std::filesystem::path> Dropped() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(drop())) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && name.rfind("ORDERS05_", 0) == 0 && entry.path().extension() == ".xml") {
        files.push_back(entry.path());
      }
    }
    return files;
  }

  TempDir files_;
  std::filesystem::path config_;
};

std::string ContentOf(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// How often `needle` occurs in `text`.
std::size_t Occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

TEST_P(HubOrders05DropTest, AConfirmedOrderBecomesOneOrders05FileAndItsLaterUpdateWritesNoOther) {
  auto hub = HubProcess::Start({"run", "--config", config_.string()});
  ASSERT_NE(hub, nullptr);
  const std::string delivered = "job to_sap: delivered=1 ";
  ASSERT_TRUE(PollUntil([&] { return !Dropped().empty() && Occurrences(hub->Output(), delivered) >= 1; }, seconds(90)))
      << hub->Output();
  std::vector<std::filesystem::path> files = Dropped();
  ASSERT_EQ(files.size(), 1u) << "only the confirmed order goes to SAP";
  const std::string idoc = ContentOf(files[0]);
  EXPECT_THAT(idoc, HasSubstr("<IDOCTYP>ORDERS05</IDOCTYP>"));
  EXPECT_THAT(idoc, HasSubstr("W-1001"));
  EXPECT_THAT(idoc, HasSubstr("<PARTN>0000100001</PARTN>")) << "the customer's SAP number, from its source link";
  EXPECT_THAT(idoc, Not(HasSubstr("W-1002")));

  std::ofstream(files_.path() / "orders.csv", std::ios::app) << "W-1001,0000100001,CNY,13500.00,2026-11-30,confirmed\n";
  ASSERT_TRUE(PollUntil([&] { return Occurrences(hub->Output(), delivered) >= 2; }, seconds(90))) << hub->Output();
  hub->Signal(SIGTERM);
  EXPECT_EQ(hub->WaitForExit(seconds(30)), 0) << hub->Output();
  EXPECT_EQ(Dropped().size(), 1u) << "the ledger of sent orders keeps an order SAP has from being written twice";
}

INSTANTIATE_TEST_SUITE_P(Engines, HubOrders05DropTest, kBothBackends, BackendName);

}  // namespace
}  // namespace hub::test
