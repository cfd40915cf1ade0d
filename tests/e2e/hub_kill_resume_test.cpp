// A `hub sync` killed (SIGKILL) in the middle of a large file resumes from its last checkpoint and ends with
// exactly the rows of one clean run, on SQLite and on PostgreSQL.
#include <signal.h>

#include <condition_variable>
#include <mutex>

#include <gtest/gtest.h>

#include "hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {
namespace {

constexpr int kRecords = 30000;

class HubKillResumeTest : public hub::test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    std::string csv = "id,name,phone\n";
    for (int i = 0; i < kRecords; ++i) {
      csv += "C" + std::to_string(i) + ",上海华腾贸易有限公司" + std::to_string(i) + ",+86 138 0013 " +
             std::to_string(1000 + i % 9000) + "\n";
    }
    std::filesystem::path data = files_.Write("customers.csv", csv);
    config_ = files_.Write("hub.xml", R"(<hub>
  <store><connection>)" + connection_string_ +
                                          R"(</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                                          R"("/>
  <connectors><connector name="crm" plugin="file"><path>)" +
                                          data.string() + R"(</path></connector></connectors>
  <jobs>
    <job name="customers" connector="crm" batch_size="500">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
        <field target="phone" source="phone"/>
      </mapping>
    </job>
  </jobs>
</hub>
)");
  }

  // The number in the first column of `sql`; -1 when it cannot be read (yet).
  std::int64_t Count(const std::string& sql) {
    auto rows = connection_->Query(sql);
    return rows.ok() && !rows->rows.empty() ? rows->rows[0][0].integer() : -1;
  }

  // Waits, with a deadline, until the store holds at least `count` parties. Another process writes the
  // store, so nothing can notify us: look again every 20 ms.
  bool WaitForParties(std::int64_t count) {
    std::mutex mutex;
    std::condition_variable poll;
    std::unique_lock lock(mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (Count("SELECT COUNT(*) FROM parties") < count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      poll.wait_for(lock, std::chrono::milliseconds(20));
    }
    return true;
  }

  TempDir files_;
  std::filesystem::path config_;
};

TEST_P(HubKillResumeTest, AKilledSyncResumesWithoutLossOrDuplicates) {
  auto first = HubProcess::Start({"sync", "customers", "--config", config_.string()});
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(WaitForParties(1000)) << first->Output();
  first->Signal(SIGKILL);
  ASSERT_TRUE(first->WaitForExit(std::chrono::seconds(10)).has_value());
  const std::int64_t committed = Count("SELECT COUNT(*) FROM parties");
  ASSERT_LT(committed, kRecords) << "the run should have been killed before its end";
  EXPECT_EQ(committed % 500, 0) << "only whole batches are committed";

  CommandResult second = RunHub({"sync", "customers", "--config", config_.string()});
  ASSERT_EQ(second.exit_status, 0) << second.output;
  EXPECT_NE(second.output.find("read=" + std::to_string(kRecords - committed) + " "), std::string::npos)
      << "the second run reads only what the first did not commit\n"
      << second.output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), kRecords);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT source_id) FROM source_links"), kRecords);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links"), kRecords);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones"), kRecords);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.created'"), kRecords);
}

INSTANTIATE_TEST_SUITE_P(Engines, HubKillResumeTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::test
