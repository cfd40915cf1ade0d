// A sync job on a connector that reads several entities and ships their mappings, on both engines: the job
// takes the plugin's default mapping set with <mapping use="...">, stores each record by the mapping of its
// entity, quarantines the entity the set does not map, lets the configuration change a field or a scoped code
// table, and publishes what the connector counts in /metrics.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/service_store_fixture.hpp"
#include "service/sync_jobs.hpp"

namespace hub::service {
namespace {

using ::testing::HasSubstr;

const std::string kConnector = R"(<connector name="books" plugin="test_ledger"/>)";

class DefaultMappingJobsTest : public test::ServiceStoreTest {
 protected:
  // Runs job "books" of `jobs` (with `tables` as <code_tables>) once; fails the test when it does not succeed.
  sync::SyncCounts RunBooks(const std::string& mappings, const std::string& tables = "") {
    auto setup = LoadSetup(kConnector, R"(<job name="books" connector="books">)" + mappings + "</job>", tables);
    if (setup == nullptr) return {};
    auto pool = std::make_shared<ConnectorPool>(setup, clock_, &metrics_);
    auto sync_jobs = std::make_shared<SyncJobs>(setup, pool, store(), metrics_, clock_, "hub-a");
    sync::SyncRunResult result = sync_jobs->Run("books", false, CancellationToken());
    EXPECT_TRUE(result.status.ok()) << result.status.ToString();
    return result.counts;
  }
  std::string UnitOf(const std::string& sku) {
    return QueryValue("SELECT unit FROM products WHERE sku = '" + sku + "'").text();
  }

  ManualClock clock_{TimePoint(std::chrono::hours(24 * 20000))};
  MetricsRegistry metrics_;
};

TEST_P(DefaultMappingJobsTest, UseTakesThePluginsSetAndEachRecordIsStoredByTheMappingOfItsEntity) {
  sync::SyncCounts counts = RunBooks(R"(<mapping use="ledger_v1"/>)");
  EXPECT_EQ(counts.read, 5u);
  EXPECT_EQ(counts.inserted, 4u);
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM parties").integer(), 2);
  EXPECT_EQ(UnitOf("SKU-1"), "pcs") << "the set's own code table";
  EXPECT_EQ(UnitOf("SKU-2"), "kg");
  EXPECT_THAT(QueryValue("SELECT reason FROM quarantine").text(),
              HasSubstr("no <mapping> for entity 'note' in job 'books'"));
  EXPECT_EQ(metrics_.Value("hub_connector_events_total", {{"connector", "books"}, {"counter", "records_read"}}), 5.0);
}

TEST_P(DefaultMappingJobsTest, TheConfigurationChangesAFieldOfTheSetAndOverridesItsCodeTable) {
  RunBooks(R"(<mapping use="ledger_v1"/>
<mapping use="ledger_v1" entity="product"><field target="name" source="code"/></mapping>)",
           R"(<code_tables><table name="units"><entry code="PCE" value="piece"/><entry code="KGM" value="kilo"/>
</table></code_tables>)");
  EXPECT_EQ(QueryValue("SELECT name FROM products WHERE sku = 'SKU-1'").text(), "SKU-1");
  EXPECT_EQ(UnitOf("SKU-1"), "piece") << "a <table> of the configuration wins over the set's of the same name";
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM parties").integer(), 2) << "the set's other mappings stay";
}

TEST_P(DefaultMappingJobsTest, AnUnknownSetIsAConfigurationErrorListingTheDeclaredOnes) {
  const auto file = files_.Write("hub.xml", "<hub><store><connection>" + connection_string_ +
                                                "</connection></store><plugins system=\"false\"><dir>" +
                                                HUB_LEDGER_PLUGIN_DIR + "</dir></plugins><connectors>" + kConnector +
                                                "</connectors><jobs><job name=\"books\" connector=\"books\">"
                                                "<mapping use=\"odoo17\"/></job></jobs></hub>");
  HubSetupResult loaded = LoadHubSetup(file, MakeLogger("test"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(config::FormatErrors(loaded.errors),
              HasSubstr("plugin test_ledger declares no default mapping 'odoo17'; it declares: ledger_v1"));
}

INSTANTIATE_TEST_SUITE_P(Engines, DefaultMappingJobsTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
