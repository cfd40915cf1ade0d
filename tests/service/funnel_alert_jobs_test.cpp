// The funnel's alerts as the service raises them, on both engines: a funnel_alerts job over leads written with
// known times appends one funnel_alert event per alert, a second run (or a second hub) appends none, and a
// delivery job subscribed to the alerts hands them on; the cooling period of an abandoned customer.
#include "service/funnel_alert_jobs.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "hub/odbc/timestamp_text.hpp"
#include "service/delivery_jobs.hpp"
#include "service/service_store_fixture.hpp"
#include "store/model/lead_cooling.hpp"

namespace hub::service {
namespace {

using sdk::Value;

TimePoint At(const std::string& text) {
  return TimePoint(std::chrono::milliseconds(odbc::UnixMs(*odbc::ParseTimestampText(text))));
}

Value Instant(const std::string& text) {
  return Value::Timestamp(std::chrono::duration_cast<std::chrono::milliseconds>(At(text).time_since_epoch()).count());
}

constexpr const char* kAlertJobs = R"(
<job name="funnel_watch" kind="funnel_alerts" every="1h"/>
<job name="alerts_mail" kind="delivery" connector="mail">
  <subscribe entity="funnel_alert" kinds="funnel_alert.lead_stalled funnel_alert.no_contact"/>
</job>)";

class FunnelAlertJobsTest : public test::ServiceStoreTest {
 protected:
  std::shared_ptr<const HubSetup> Load() {
    return LoadSetup(R"(<connector name="mail" plugin="test_outbound"/>)", kAlertJobs,
                     R"(<leads><funnel no_contact_days="7"/></leads>)");
  }

  void Execute(const std::string& sql, const std::vector<Value>& params = {}) {
    auto done = connection_->ExecuteUpdate(sql, params);
    ASSERT_TRUE(done.ok()) << sql << ": " << done.status().ToString();
  }

  std::int64_t Count(const std::string& sql) { return QueryValue(sql).integer(); }

  // E1 owns L1, in contacted since 11-01 and never contacted, and L2, in lead since 11-08 with a call on 11-09.
  void WriteLeads() {
    Execute("INSERT INTO employees (employee_number, name) VALUES ('E1', '王芳')");
    const Value owner = QueryValue("SELECT id FROM employees WHERE employee_number = 'E1'");
    for (const auto& [company, stage, entered] :
         {std::tuple{"L1", "contacted", "2026-11-01T00:00:00Z"}, std::tuple{"L2", "lead", "2026-11-08T00:00:00Z"}}) {
      Execute(
          "INSERT INTO leads (company_name, stage, stage_entered_at, owner_employee_id, received_at) "
          "VALUES (?, ?, ?, ?, ?)",
          {Value::String(company), Value::String(stage), Instant(entered), owner, Instant("2026-11-01T00:00:00Z")});
    }
    Execute(
        "INSERT INTO activities (kind, lead_id, occurred_at) SELECT 'call', id, ? FROM leads WHERE company_name = 'L2'",
        {Instant("2026-11-09T00:00:00Z")});
  }

  ManualClock clock_{At("2026-11-10T00:00:00Z")};
  MetricsRegistry metrics_;
};

TEST_P(FunnelAlertJobsTest, EachAlertIsAppendedOnceAndDelivered) {
  auto setup = Load();
  ASSERT_NE(setup, nullptr);
  WriteLeads();
  auto jobs = std::make_shared<FunnelAlertJobs>(setup, store(), clock_, "hub-a");
  ASSERT_EQ(jobs->Specs().size(), 1u);
  // L1: 9 days in contacted (ideal 5) and 9 days without contact (7). L2: neither.
  sdk::Result<FunnelAlertCounts> first = jobs->Run("funnel_watch");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->alerts, 2);
  EXPECT_EQ(first->raised, 2);
  auto other = std::make_shared<FunnelAlertJobs>(setup, store(), clock_, "hub-b");
  sdk::Result<FunnelAlertCounts> again = other->Run("funnel_watch");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->raised, 0);
  EXPECT_EQ(again->already_raised, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM funnel_alerts"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE aggregate = 'funnel_alert'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'funnel_alert.lead_stalled'"), 1);
  EXPECT_EQ(QueryValue("SELECT period FROM funnel_alerts WHERE kind = 'no_contact'").text(),
            "since 2026-11-01T00:00:00.000Z");

  auto pool = std::make_shared<ConnectorPool>(setup, clock_);
  auto delivery = std::make_shared<DeliveryJobs>(setup, pool, store(), metrics_, clock_, "hub-a");
  delivery::DeliveryRunResult delivered = delivery->Run("alerts_mail", CancellationToken());
  ASSERT_TRUE(delivered.status.ok()) << delivered.status.ToString();
  EXPECT_EQ(delivered.counts.delivered, 2u);
}

TEST_P(FunnelAlertJobsTest, ALaterStayIsANewAlert) {
  auto setup = Load();
  ASSERT_NE(setup, nullptr);
  WriteLeads();
  auto jobs = std::make_shared<FunnelAlertJobs>(setup, store(), clock_, "hub-a");
  ASSERT_TRUE(jobs->Run("funnel_watch").ok());
  // L1 moves on to lead on 11-10 and stays there past its 5 days: a stay of its own.
  Execute("UPDATE leads SET stage = 'lead', stage_entered_at = ? WHERE company_name = 'L1'",
          {Instant("2026-11-10T00:00:00Z")});
  clock_.Set(At("2026-11-16T00:00:00Z"));
  sdk::Result<FunnelAlertCounts> later = jobs->Run("funnel_watch");
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  // L1's stay in lead (6 days) and L2's (8 days) stall; L1's stay in contacted was raised before.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM funnel_alerts WHERE kind = 'lead_stalled'"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM funnel_alerts WHERE period = 'lead@2026-11-10T00:00:00.000Z'"), 1);
  EXPECT_EQ(later->already_raised, 1);  // L1's silence since 11-01 goes on: the same alert
}

TEST_P(FunnelAlertJobsTest, AnAbandonedCustomerCoolsForTheConfiguredDays) {
  auto setup = Load();
  ASSERT_NE(setup, nullptr);
  Execute("INSERT INTO parties (kind, name, name_normalized) VALUES ('organization', '华腾', '华腾')");
  const Value party = QueryValue("SELECT id FROM parties WHERE name = '华腾'");
  Execute("INSERT INTO leads (party_id, company_name, stage, stage_entered_at) VALUES (?, '华腾', 'abandoned', ?)",
          {party, Instant("2026-11-01T00:00:00Z")});
  sdk::Result<odbc::ConnectionLease> lease = store().Acquire();
  ASSERT_TRUE(lease.ok());
  auto cooling = [&](const std::string& now, int days) {
    sdk::Result<bool> held = store_model::InCoolingPeriod(lease->get(), party.integer(), At(now), days);
    EXPECT_TRUE(held.ok()) << held.status().ToString();
    return held.ok() && *held;
  };
  EXPECT_TRUE(cooling("2026-11-10T00:00:00Z", 90));
  EXPECT_TRUE(cooling("2027-01-29T23:59:59Z", 90));
  EXPECT_FALSE(cooling("2027-01-30T00:00:00Z", 90));  // 90 days on: cooled
  EXPECT_FALSE(cooling("2026-11-10T00:00:00Z", 5));
  sdk::Result<bool> stranger =
      store_model::InCoolingPeriod(lease->get(), party.integer() + 1, At("2026-11-10T00:00:00Z"), 90);
  ASSERT_TRUE(stranger.ok());
  EXPECT_FALSE(*stranger);
}

INSTANTIATE_TEST_SUITE_P(Engines, FunnelAlertJobsTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
