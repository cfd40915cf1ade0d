// The service's metrics: the API's connection events (admissions by kind, idle connections shed,
// connections open) and a sync run's counts by outcome.
#include "service/service_metrics.hpp"

#include <gtest/gtest.h>

namespace hub::service {
namespace {

using api::ConnectionEvent;

TEST(ServiceMetrics, ConnectionEventsCountAdmissionsShedsAndOpenConnections) {
  MetricsRegistry metrics;
  DescribeServiceMetrics(metrics);
  EXPECT_EQ(metrics.Value("hub_api_connections_total", {{"admission", "overloaded"}}), 0.0);
  auto record = ApiMetricsObservers(metrics).connection;
  for (ConnectionEvent event : {ConnectionEvent::kOrdinary, ConnectionEvent::kOrdinary, ConnectionEvent::kShed,
                                ConnectionEvent::kReserve, ConnectionEvent::kOverloaded, ConnectionEvent::kClientLimit,
                                ConnectionEvent::kDropped, ConnectionEvent::kClosed}) {
    record(event);
  }
  EXPECT_EQ(metrics.Value("hub_api_connections_total", {{"admission", "ordinary"}}), 2.0);
  EXPECT_EQ(metrics.Value("hub_api_connections_total", {{"admission", "reserve"}}), 1.0);
  EXPECT_EQ(metrics.Value("hub_api_connections_total", {{"admission", "overloaded"}}), 1.0);
  EXPECT_EQ(metrics.Value("hub_api_connections_total", {{"admission", "client_limit"}}), 1.0);
  EXPECT_EQ(metrics.Value("hub_api_connections_total", {{"admission", "dropped"}}), 1.0);
  EXPECT_EQ(metrics.Value("hub_api_connections_shed_total", {}), 1.0);
  EXPECT_EQ(metrics.Value("hub_api_connections_open", {}), 4.0);  // five admitted or refused, one closed
}

TEST(ServiceMetrics, ASyncRunCountsEachOutcomeDeletionsIncluded) {
  MetricsRegistry metrics;
  DescribeServiceMetrics(metrics);
  sync::SyncRunResult result;
  result.counts.read = 21;
  result.counts.inserted = 10;
  result.counts.deleted = 2;
  RecordSyncRun(metrics, "customers", result, 0.5);
  EXPECT_EQ(metrics.Value("hub_sync_records_total", {{"job", "customers"}, {"outcome", "read"}}), 21.0);
  EXPECT_EQ(metrics.Value("hub_sync_records_total", {{"job", "customers"}, {"outcome", "inserted"}}), 10.0);
  EXPECT_EQ(metrics.Value("hub_sync_records_total", {{"job", "customers"}, {"outcome", "deleted"}}), 2.0);
  EXPECT_EQ(metrics.Value("hub_sync_runs_total", {{"job", "customers"}, {"result", "ok"}}), 1.0);
}

}  // namespace
}  // namespace hub::service
