// The API's connection events as metrics: admissions by kind, idle connections shed, connections open.
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

}  // namespace
}  // namespace hub::service
