// The demo's DEBMAS customers stored through the hub's sink on both engines: one party per KUNNR with its
// source link, the deletion flag as status, and a second read of the same file changing nothing; customers
// from GBK and GB18030 files stored with their Chinese names and credit codes as UTF-8.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "supply_chain_test_support.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::supply_chain {
namespace {

class SupplyChainStoreTest : public sync::test::SinkTest {
 protected:
  SupplyChainStoreTest() {
    config::MappingFieldConfig kind;
    kind.target = "kind";
    kind.constant = "organization";
    std::vector<std::pair<std::string, std::string>> targets;
    for (const char* field : {"name", "status", "address_line", "city", "postal_code", "country", "vat", "uscc"}) {
      targets.emplace_back(field, field);
    }
    mapping_ = sync::test::EntityMapping("party", targets, {kind});
    source_system_ = "supply_chain";
  }

  std::vector<sdk::Record> DemoCustomers() { return Customers("config/demo/supply_chain/inbox/01_debmas07.xml"); }

  // Every record of the file at `path` under the source tree.
  std::vector<sdk::Record> Customers(const std::string& path) {
    sdk::Result<std::vector<sdk::Record>> records = testing::ReadWholeFile(std::string(HUB_SOURCE_DIR) + "/" + path);
    EXPECT_TRUE(records.ok()) << records.status().ToString();
    return records.ok() ? *records : std::vector<sdk::Record>{};
  }
};

TEST_P(SupplyChainStoreTest, DemoCustomersBecomeOnePartyPerCustomerNumberAndARereadChangesNothing) {
  const std::vector<sdk::Record> records = DemoCustomers();
  ASSERT_EQ(records.size(), 3u);
  const sync::SyncCounts first = Apply(records, records.back().cursor);
  EXPECT_EQ(first.inserted, 3u);
  EXPECT_EQ(first.quarantined, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'supply_chain' AND entity = 'party' "
                  "AND source_id IN ('0000100001', '0000100002', '0000100003')"),
            3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE status = 'inactive'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE name = '上海申华精密机械有限公司'"), 1);
  const sync::SyncCounts again = Apply(DemoCustomers(), records.back().cursor);
  EXPECT_EQ(again.inserted, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 3);
}

TEST_P(SupplyChainStoreTest, CustomersOfGbkAndGb18030FilesAreStoredWithTheirChineseNamesInUtf8) {
  std::vector<sdk::Record> records = Customers("tests/data/supply_chain/debmas07_gbk.xml");
  const std::vector<sdk::Record> gb18030 = Customers("tests/data/supply_chain/debmas07_gb18030.xml");
  records.insert(records.end(), gb18030.begin(), gb18030.end());
  ASSERT_EQ(records.size(), 3u);
  const sync::SyncCounts counts = Apply(records, records.back().cursor);
  EXPECT_EQ(counts.inserted, 3u);
  EXPECT_EQ(counts.quarantined, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE name = '北京华信精密机械有限公司'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE name = '北京中关村科技发展（集团）股份有限公司 研发中心'"), 1);
  // A character outside the Basic Multilingual Plane: four bytes in GB18030 and in UTF-8.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE name = '深圳市𠮷祥电子科技有限公司'"), 1);
  // The credit codes' check characters hold, so each is stored as an identifier, not flagged.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_identifiers WHERE scheme = 'uscc' AND value_normalized IN "
                  "('91110105MA01C8QF7M', '91110108MA00DT4N1B', '91440300MA5F0GQ92J')"),
            3);
}

INSTANTIATE_TEST_SUITE_P(Engines, SupplyChainStoreTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::supply_chain
