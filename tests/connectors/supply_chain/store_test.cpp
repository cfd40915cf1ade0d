// The demo's DEBMAS customers stored through the hub's sink on both engines: one party per KUNNR with its
// source link, the deletion flag as status, and a second read of the same file changing nothing.
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

  std::vector<sdk::Record> DemoCustomers() {
    sdk::Result<std::vector<sdk::Record>> records =
        testing::ReadWholeFile(std::string(HUB_SOURCE_DIR) + "/config/demo/supply_chain/inbox/01_debmas07.xml");
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

INSTANTIATE_TEST_SUITE_P(Engines, SupplyChainStoreTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::supply_chain
