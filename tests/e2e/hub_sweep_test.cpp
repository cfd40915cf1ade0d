// Key-set sweeps through `hub sync` on SQLite and PostgreSQL, from the sweep_source test plugin: a record
// removed from the source is deleted once and counted (deleted=N, last on the line), a sweep killed with
// SIGKILL half-way resumes with what it had listed, and a source emptied by accident is refused.
#include <signal.h>

#include <condition_variable>
#include <mutex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {
namespace {

using ::testing::HasSubstr;

class HubSweepTest : public StoreTest {
 protected:
  // The source holds C1…C<count>; the job reads `batch_size` records a batch.
  void Configure(int count, int batch_size, int present_delay_ms = 0) {
    WriteIds(1, count);
    config_ = files_.Write("hub.xml", R"(<hub>
  <store><connection>)" + connection_string_ +
                                          R"(</connection></store>
  <plugins system="false"><dir>)" + std::string(HUB_SWEEP_PLUGIN_DIR) +
                                          R"(</dir></plugins>
  <connectors>
    <connector name="legacy" plugin="sweep_source"><path>)" +
                                          ids_.string() + R"(</path><present_delay_ms>)" +
                                          std::to_string(present_delay_ms) + R"(</present_delay_ms></connector>
  </connectors>
  <jobs>
    <job name="customers" connector="legacy" batch_size=")" +
                                          std::to_string(batch_size) + R"(">
      <mapping entity="party"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
    </job>
  </jobs>
</hub>
)");
  }

  // The source holds C<from>…C<to>, but for `without`.
  void WriteIds(int from, int to, const std::string& without = "") {
    std::string text;
    for (int i = from; i <= to; ++i) {
      if ("C" + std::to_string(i) != without) text += "C" + std::to_string(i) + "\n";
    }
    ids_ = files_.Write("ids.txt", text);
  }

  CommandResult Sync() { return RunHub({"sync", "customers", "--config", config_.string()}); }

  // The number in the first column of `sql`; -1 when it cannot be read (yet).
  std::int64_t Count(const std::string& sql) {
    auto rows = connection_->Query(sql);
    return rows.ok() && !rows->rows.empty() ? rows->rows[0][0].integer() : -1;
  }

  // Waits, with a deadline, until `sql` counts at least `count`. Another process writes the store, so
  // nothing can notify us: look again every 20 ms.
  bool WaitForCount(const std::string& sql, std::int64_t count) {
    std::mutex mutex;
    std::condition_variable poll;
    std::unique_lock lock(mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (Count(sql) < count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      poll.wait_for(lock, std::chrono::milliseconds(20));
    }
    return true;
  }

  TempDir files_;
  std::filesystem::path ids_;
  std::filesystem::path config_;
};

TEST_P(HubSweepTest, ARecordRemovedFromTheSourceIsDeletedOnceAndCounted) {
  Configure(10, 4);
  CommandResult first = Sync();
  ASSERT_EQ(first.exit_status, 0) << first.output;
  // 10 upserts, 10 PRESENT records and the SWEEP_END.
  EXPECT_THAT(first.output, HasSubstr("read=21 inserted=10 updated=0 merged=0 quarantined=0 deleted=0\n"));
  WriteIds(1, 10, "C3");
  CommandResult second = Sync();
  ASSERT_EQ(second.exit_status, 0) << second.output;
  EXPECT_THAT(second.output, HasSubstr("read=19 inserted=0 updated=0 merged=0 quarantined=0 deleted=1\n"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL AND source_id = 'C3'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.deleted'"), 1);
  CommandResult third = Sync();
  ASSERT_EQ(third.exit_status, 0) << third.output;
  EXPECT_THAT(third.output, HasSubstr(" deleted=0\n")) << "seen once";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.deleted'"), 1);
}

TEST_P(HubSweepTest, AnEmptiedSourceIsRefusedNamingTheCounts) {
  Configure(10, 100);
  ASSERT_EQ(Sync().exit_status, 0);
  ids_ = files_.Write("ids.txt", "");
  CommandResult refused = Sync();
  EXPECT_EQ(refused.exit_status, 1) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr("would delete 10 of the 10 live records (100%)"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL"), 0);
}

TEST_P(HubSweepTest, ASweepKilledHalfWayResumesWithWhatItHadListed) {
  Configure(40, 2, 50);
  ASSERT_EQ(Sync().exit_status, 0);
  WriteIds(1, 40, "C17");
  auto killed = HubProcess::Start({"sync", "customers", "--config", config_.string()});
  ASSERT_NE(killed, nullptr);
  ASSERT_TRUE(WaitForCount("SELECT COUNT(*) FROM keyset_sweeps", 16)) << killed->Output();
  killed->Signal(SIGKILL);
  ASSERT_TRUE(killed->WaitForExit(std::chrono::seconds(10)).has_value());
  const std::int64_t listed = Count("SELECT COUNT(*) FROM keyset_sweeps");
  ASSERT_GE(listed, 16);
  ASSERT_LT(listed, 39) << "killed before the sweep's end";
  ASSERT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL"), 0);
  // Without the ids listed before the kill, the resumed sweep would see more than a fifth gone and refuse.
  CommandResult resumed = Sync();
  ASSERT_EQ(resumed.exit_status, 0) << resumed.output;
  EXPECT_THAT(resumed.output, HasSubstr(" deleted=1\n"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL AND source_id = 'C17'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.deleted'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM keyset_sweeps"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, HubSweepTest, kBothBackends, BackendName);

}  // namespace
}  // namespace hub::test
