// Customer-care jobs as the service runs them, on both engines: persons synced from a file, a greetings job
// whose birthday events a delivery job subscribes to and hands to its connector, each run counted in the
// metrics and audited, a second hub's run adding nothing; a time zone the hub does not know is refused at load.
#include "service/customer_care_jobs.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "service/delivery_jobs.hpp"
#include "service/service_store_fixture.hpp"
#include "service/sync_jobs.hpp"

namespace hub::service {
namespace {

using ::testing::HasSubstr;

constexpr const char* kGreetingsFeed = R"(
<job name="greetings" kind="customer_care" cron="0 1 * * *" timezone="Asia/Shanghai"><birthday/></job>
<job name="greetings_mail" kind="delivery" connector="mail">
  <subscribe entity="customer_care" kinds="customer_care.birthday customer_care.holiday"/>
</job>)";

class CustomerCareJobsTest : public test::ServiceStoreTest {
 protected:
  // Persons from a file (two born on 20 May, one without an e-mail address), the greetings job and its mail feed.
  std::shared_ptr<const HubSetup> Load(const std::string& jobs = kGreetingsFeed) {
    const auto csv = files_.Write("persons.csv",
                                  "id,name,birth_date,email\n"
                                  "P1,张伟,1980-05-20,zhang.wei@huateng.cn\n"
                                  "P2,李娜,1992-02-29,li.na@huateng.cn\n"
                                  "P3,王强,1985-05-20,\n"
                                  "P4,陈静,1975-05-20,chen.jing@example.cn\n");
    return LoadSetup(R"(<connector name="crm" plugin="file"><path>)" + csv.string() +
                         R"(</path></connector><connector name="mail" plugin="test_outbound"/>)",
                     R"(<job name="persons" connector="crm">
  <mapping entity="party" id="id"><field target="kind" value="person"/><field target="name" source="name"/>
    <field target="birth_date" source="birth_date"/><field target="email" source="email"/></mapping>
</job>)" + jobs);
  }
  std::int64_t Count(const std::string& sql) { return QueryValue(sql).integer(); }

  // 20 May 2027, 01:00 in Shanghai.
  ManualClock clock_{std::chrono::sys_days(std::chrono::year(2027) / 5 / 19) + std::chrono::hours(17)};
  MetricsRegistry metrics_;
};

TEST_P(CustomerCareJobsTest, BirthdayGreetingsAreDeliveredToTheSubscribedConnectorOnce) {
  auto setup = Load();
  ASSERT_NE(setup, nullptr);
  auto pool = std::make_shared<ConnectorPool>(setup, clock_);
  auto sync = std::make_shared<SyncJobs>(setup, pool, store(), metrics_, clock_, "hub-a");
  ASSERT_TRUE(sync->Run("persons", false, CancellationToken()).status.ok());
  auto care = std::make_shared<CustomerCareJobs>(setup, store(), metrics_, clock_, "hub-a");
  ASSERT_EQ(care->Specs().size(), 1u);
  care::CareRunResult run = care->Run("greetings", CancellationToken());
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  EXPECT_EQ(run.counts.greetings, 2);
  // Another hub on the same store, the same day.
  auto other = std::make_shared<CustomerCareJobs>(setup, store(), metrics_, clock_, "hub-b");
  care::CareRunResult again = other->Run("greetings", CancellationToken());
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_EQ(again.counts.greetings, 0);
  EXPECT_EQ(again.counts.already_sent, 2);

  auto delivery = std::make_shared<DeliveryJobs>(setup, pool, store(), metrics_, clock_, "hub-a");
  delivery::DeliveryRunResult delivered = delivery->Run("greetings_mail", CancellationToken());
  ASSERT_TRUE(delivered.status.ok()) << delivered.status.ToString();
  EXPECT_EQ(delivered.counts.delivered, 2u);
  EXPECT_EQ(delivered.counts.skipped, 4u) << "the persons' party.created events are no greetings";

  EXPECT_THAT(metrics_.RenderPrometheus(),
              HasSubstr(R"(hub_customer_care_greetings_total{job="greetings",outcome="appended"} 2)"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE actor = 'job:greetings' AND action = 'customer_care'"), 2);
  const boost::json::value after = boost::json::parse(
      QueryValue("SELECT after_data FROM audit_log WHERE action = 'customer_care' ORDER BY id LIMIT 1").text());
  EXPECT_EQ(after.at("days").to_number<int>(), 1);
  EXPECT_EQ(after.at("greetings").to_number<int>(), 2);
  EXPECT_EQ(after.at("outcome").as_string(), "ok");
}

TEST(CustomerCareJobs, ATimeZoneTheHubDoesNotKnowIsRefusedAtLoad) {
  hub::test::TempDir files;
  const auto file = files.Write("hub.xml", R"(<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins system="false"><dir>)" + std::string(HUB_OUTBOUND_PLUGIN_DIR) +
                                               R"(</dir></plugins>
  <jobs><job name="greetings" kind="customer_care" timezone="Asia/Atlantis"><birthday/></job></jobs>
</hub>
)");
  HubSetupResult loaded = LoadHubSetup(file, MakeLogger("test"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(config::FormatErrors(loaded.errors),
              HasSubstr("job 'greetings': timezone 'Asia/Atlantis' is no time zone the hub knows"));
}

INSTANTIATE_TEST_SUITE_P(Engines, CustomerCareJobsTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
