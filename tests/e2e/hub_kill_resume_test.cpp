// A `hub sync` killed (SIGKILL) in the middle of a run resumes from its last checkpoint: every record is
// stored exactly once.
#include <signal.h>

#include <condition_variable>
#include <mutex>

#include <gtest/gtest.h>

#include "e2e_support.hpp"
#include "hub_process.hpp"
#include "store/odbc/connection.hpp"
#include "store/odbc/handles.hpp"

namespace hub::test {
namespace {

constexpr int kRecords = 40;

class HubKillResumeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string xml = HubConfigXml((sandbox_.dir() / "unused.csv").string(), "", "30ms");
    const std::string job = R"(<job name="slow" connector="slow_source" batch_size="1"/>)";
    xml.replace(xml.find(job), job.size(), R"(<job name="slow" connector="slow_source" batch_size="1">
      <mapping entity="party"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
    </job>)");
    const std::string delay = "<delay>30ms</delay>";
    xml.replace(xml.find(delay), delay.size(), delay + "<records>" + std::to_string(kRecords) + "</records>");
    config_ = sandbox_.Write("hub.xml", xml);
  }

  // The number in the first column of `sql` on the test's SQLite store; -1 when it cannot be read yet.
  std::int64_t Count(const std::string& sql) {
    auto environment = odbc::Environment::Create();
    if (!environment.ok()) return -1;
    auto connection =
        odbc::Connection::Open(*environment, "Driver=SQLite3;Database=" + (sandbox_.dir() / "hub.db").string());
    if (!connection.ok()) return -1;
    auto rows = (*connection)->Query(sql);
    return rows.ok() && !rows->rows.empty() ? rows->rows[0][0].integer() : -1;
  }

  // Waits, with a deadline, until the store holds at least `count` parties. Another process writes the
  // store, so nothing can notify us: look again every 10 ms.
  bool WaitForParties(std::int64_t count) {
    std::mutex mutex;
    std::condition_variable poll;
    std::unique_lock lock(mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (Count("SELECT COUNT(*) FROM parties") < count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      poll.wait_for(lock, std::chrono::milliseconds(10));
    }
    return true;
  }

  HubSandbox sandbox_;
  std::filesystem::path config_;
};

TEST_F(HubKillResumeTest, AKilledSyncResumesWithoutLossOrDuplicates) {
  auto first = HubProcess::Start({"sync", "slow", "--config", config_.string()});
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(WaitForParties(5)) << first->Output();
  first->Signal(SIGKILL);
  ASSERT_TRUE(first->WaitForExit(std::chrono::seconds(10)).has_value());
  const std::int64_t stored_before = Count("SELECT COUNT(*) FROM parties");
  ASSERT_GE(stored_before, 5);
  ASSERT_LT(stored_before, kRecords) << "the run should have been killed before its end";

  CommandResult second = RunHub({"sync", "slow", "--config", config_.string()});
  ASSERT_EQ(second.exit_status, 0) << second.output;
  EXPECT_NE(second.output.find("read=" + std::to_string(kRecords - stored_before) + " "), std::string::npos)
      << "the second run reads only what the first did not commit\n"
      << second.output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), kRecords);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT source_id) FROM source_links"), kRecords);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links"), kRecords);
}

}  // namespace
}  // namespace hub::test
