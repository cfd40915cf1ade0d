// Delivery jobs as the service runs them: through the connector instance their sync jobs share, counted in
// the metrics and audited when they did something. On both engines.
#include "service/delivery_jobs.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "service/service_store_fixture.hpp"
#include "service/sync_jobs.hpp"

namespace hub::service {
namespace {

using ::testing::HasSubstr;

class DeliveryJobsTest : public test::ServiceStoreTest {
 protected:
  // A file connector `crm` over three customers (one of them "Refused Co") with its sync job `customers`,
  // plus `connectors` and `jobs`.
  std::shared_ptr<const HubSetup> Load(const std::string& connectors, const std::string& jobs) {
    const auto csv = files_.Write("customers.csv", "id,name\nC1,One Ltd\nC2,Refused Co\nC3,Three Ltd\n");
    return LoadSetup(
        R"(<connector name="crm" plugin="file"><path>)" + csv.string() + "</path></connector>" + connectors,
        R"(<job name="customers" connector="crm">
  <mapping entity="party" id="id"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
</job>)" + jobs);
  }
  void Start(const std::shared_ptr<const HubSetup>& setup) {
    auto pool = std::make_shared<ConnectorPool>(setup, clock_);
    sync_ = std::make_shared<SyncJobs>(setup, pool, store(), metrics_, clock_, "hub-a");
    delivery_ = std::make_shared<DeliveryJobs>(setup, pool, store(), metrics_, clock_, "hub-a");
  }
  std::int64_t Count(const std::string& sql) { return QueryValue(sql).integer(); }

  SystemClock clock_;
  MetricsRegistry metrics_;
  std::shared_ptr<SyncJobs> sync_;
  std::shared_ptr<DeliveryJobs> delivery_;
};

TEST_P(DeliveryJobsTest, ASyncJobAndADeliveryJobOnOneConnectorUseItsOneInstance) {
  auto setup = Load(R"(<connector name="loop" plugin="test_loop"/>)", R"(
<job name="to_loop" kind="delivery" connector="loop"/>
<job name="from_loop" connector="loop">
  <mapping entity="party"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
</job>)");
  ASSERT_NE(setup, nullptr);
  Start(setup);
  ASSERT_TRUE(sync_->Run("customers", false, CancellationToken()).status.ok());
  delivery::DeliveryRunResult delivered = delivery_->Run("to_loop", CancellationToken());
  ASSERT_TRUE(delivered.status.ok()) << delivered.status.ToString();
  EXPECT_EQ(delivered.counts.delivered, 3u);
  sync::SyncRunResult read = sync_->Run("from_loop", false, CancellationToken());
  ASSERT_TRUE(read.status.ok()) << read.status.ToString();
  EXPECT_EQ(read.counts.read, 3u) << "the sync job read the events the delivery job handed to the same instance";
}

TEST_P(DeliveryJobsTest, ARunIsCountedInTheMetricsAndAuditedOnlyWhenItDidSomething) {
  auto setup =
      Load(R"(<connector name="erp" plugin="test_outbound"><refuse_containing>Refused</refuse_containing></connector>)",
           R"(<job name="erp_feed" kind="delivery" connector="erp"><subscribe entity="party"/></job>)");
  ASSERT_NE(setup, nullptr);
  Start(setup);
  ASSERT_TRUE(sync_->Run("customers", false, CancellationToken()).status.ok());
  delivery::DeliveryRunResult run = delivery_->Run("erp_feed", CancellationToken());
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  EXPECT_EQ(run.counts.delivered, 2u);
  EXPECT_EQ(run.counts.dead_lettered, 1u);
  const std::string metrics = metrics_.RenderPrometheus();
  EXPECT_THAT(metrics, HasSubstr(R"(hub_delivery_events_total{outcome="delivered",subscriber="erp_feed"} 2)"));
  EXPECT_THAT(metrics, HasSubstr(R"(hub_delivery_events_total{outcome="dead_lettered",subscriber="erp_feed"} 1)"));
  EXPECT_THAT(metrics, HasSubstr(R"(hub_delivery_dead_letters{subscriber="erp_feed"} 1)"));
  EXPECT_THAT(metrics, HasSubstr(R"(hub_delivery_lag_events{subscriber="erp_feed"} 0)"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE actor = 'job:erp_feed' AND action = 'delivery'"), 1);
  const boost::json::value after =
      boost::json::parse(QueryValue("SELECT after_data FROM audit_log WHERE action = 'delivery'").text());
  EXPECT_EQ(after.at("delivered").to_number<std::int64_t>(), 2);
  EXPECT_EQ(after.at("outcome").as_string(), "ok");

  ASSERT_TRUE(delivery_->Run("erp_feed", CancellationToken()).status.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'delivery'"), 1) << "nothing was due: no row";
}

TEST_P(DeliveryJobsTest, ASyncJobIsNotADeliveryJob) {
  auto setup = Load("", R"(<job name="erp_feed" kind="delivery" connector="crm"/>)");
  ASSERT_NE(setup, nullptr);
  Start(setup);
  EXPECT_EQ(delivery_->Run("customers", CancellationToken()).status.code(), sdk::StatusCode::kNotFound);
  EXPECT_EQ(sync_->Run("erp_feed", false, CancellationToken()).status.code(), sdk::StatusCode::kNotFound);
  std::vector<JobSpec> specs = delivery_->Specs();
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].name, "erp_feed");
  ASSERT_EQ(sync_->Specs().size(), 1u);
  EXPECT_EQ(sync_->Specs()[0].name, "customers");
}

TEST_P(DeliveryJobsTest, ANotInFilterAndADocumentReachTheDeliverysSubscription) {
  auto setup = Load(R"(<connector name="erp" plugin="test_outbound"/>)", R"(
<job name="erp_feed" kind="delivery" connector="erp">
  <subscribe entity="order" document="true"/>
  <subscribe entity="party"/>
  <filter field="source_system" not_in="crm edi"/>
</job>)");
  ASSERT_NE(setup, nullptr);
  const delivery::Subscription subscription = SubscriptionOf(setup->config.jobs.at(1));
  ASSERT_EQ(subscription.events.size(), 2u);
  EXPECT_TRUE(subscription.events[0].document);
  EXPECT_FALSE(subscription.events[1].document);
  ASSERT_EQ(subscription.filters.size(), 1u);
  EXPECT_TRUE(subscription.filters[0].excluded);
  Start(setup);
  ASSERT_TRUE(sync_->Run("customers", false, CancellationToken()).status.ok());
  delivery::DeliveryRunResult run = delivery_->Run("erp_feed", CancellationToken());
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  EXPECT_EQ(run.counts.delivered, 0u) << "the customers came from crm";
  EXPECT_EQ(run.counts.skipped, 3u);
}

TEST_P(DeliveryJobsTest, ADocumentOfAnEntityWithoutOneIsRefusedAtItsLine) {
  const auto file = files_.Write("hub.xml", R"(<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins system="false"><dir>)" + std::string(HUB_OUTBOUND_PLUGIN_DIR) +
                                                R"(</dir></plugins>
  <connectors><connector name="erp" plugin="test_outbound"/></connectors>
  <jobs>
    <job name="erp_feed" kind="delivery" connector="erp">
      <subscribe entity="party" document="true"/>
    </job>
  </jobs>
</hub>
)");
  HubSetupResult loaded = LoadHubSetup(file, MakeLogger("test"));
  ASSERT_FALSE(loaded.ok());
  ASSERT_EQ(loaded.errors.size(), 1u) << config::FormatErrors(loaded.errors);
  EXPECT_EQ(loaded.errors[0].location.line, 7);
  EXPECT_THAT(loaded.errors[0].message,
              HasSubstr("job 'erp_feed': <subscribe entity=\"party\" document=\"true\">: party events have no "
                        "document (documents are composed for delivery, invoice, lead, order, task)"));
}

TEST_P(DeliveryJobsTest, TheStoresFollowUpTasksAreSubscribedToWithTheirDocuments) {
  const auto file = files_.Write("hub.xml", R"(<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins system="false"><dir>)" + std::string(HUB_OUTBOUND_PLUGIN_DIR) +
                                                R"(</dir></plugins>
  <connectors><connector name="erp" plugin="test_outbound"/></connectors>
  <jobs>
    <job name="erp_feed" kind="delivery" connector="erp">
      <subscribe entity="task" kinds="task.created" document="true"/>
      <subscribe kinds="lead_candidate.created"/>
    </job>
  </jobs>
</hub>
)");
  HubSetupResult loaded = LoadHubSetup(file, MakeLogger("test"));
  EXPECT_TRUE(loaded.ok()) << config::FormatErrors(loaded.errors);
}

INSTANTIATE_TEST_SUITE_P(Engines, DeliveryJobsTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
