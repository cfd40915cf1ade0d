// The service's metric families, described in one place, and the functions that record into them.
#ifndef HUB_SERVICE_SERVICE_METRICS_HPP_
#define HUB_SERVICE_SERVICE_METRICS_HPP_

#include <string_view>

#include "api/api_server.hpp"
#include "care/care_run.hpp"
#include "common/metrics.hpp"
#include "delivery/delivery_queries.hpp"
#include "delivery/delivery_run.hpp"
#include "golden/store_match.hpp"
#include "plugin_host/plugin_registry.hpp"
#include "sync/sync_runner.hpp"

namespace hub::service {

// Describes every family below once; call before recording. Thread-safe (the registry is).
//   hub_build_info{version,sdk_abi}                     gauge, always 1
//   hub_sync_records_total{job,outcome}                 counter: read, inserted, updated, merged, quarantined,
//                                                       released (pending records of earlier batches it stored)
//   hub_sync_runs_total{job,result}                     counter: ok, failed, cancelled, skipped (a scheduled
//                                                       run another hub runs, or whose tick another hub ran)
//   hub_sync_job_duration_seconds{job}                  histogram
//   hub_match_runs_total{job,result}                    counter: ok, failed, skipped (as sync runs)
//   hub_match_reviews_waiting{job}                      gauge: pairs waiting for a reviewer, after the last run
//   hub_match_golden_records{job}                       gauge: golden records, after the last run
//   hub_delivery_events_total{subscriber,outcome}       counter: delivered, skipped (not matching), failed
//                                                       (attempts), dead_lettered, replayed
//   hub_delivery_dead_letters{subscriber}               gauge: open dead letters, after the last run
//   hub_delivery_lag_events{subscriber}                 gauge: outbox events not yet handled, after the last run
//   hub_customer_care_greetings_total{job,outcome}    counter: appended, already_sent (greeted before)
//   hub_plugin_loaded{plugin,file}                      gauge: 1 loaded, 0 refused
//   hub_api_request_duration_seconds{route,method,status} histogram
//   hub_api_connections_total{admission}                counter: ordinary, reserve, overloaded (503),
//                                                       client_limit (429), dropped (closed unanswered)
//   hub_api_connections_shed_total                      counter: idle connections closed to make room
//   hub_api_connections_open                            gauge
void DescribeServiceMetrics(MetricsRegistry& metrics);

void RecordSyncRun(MetricsRegistry& metrics, std::string_view job, const sync::SyncRunResult& result,
                   double duration_seconds);
void RecordSyncSkipped(MetricsRegistry& metrics, std::string_view job);
// A match run's result (its counts when it succeeded).
void RecordMatchRun(MetricsRegistry& metrics, std::string_view job,
                    const sdk::Result<golden::StoreMatchCounts>& result);
void RecordMatchSkipped(MetricsRegistry& metrics, std::string_view job);
void RecordDeliveryRun(MetricsRegistry& metrics, std::string_view subscriber, const delivery::DeliveryCounts& counts);
void RecordDeliveryState(MetricsRegistry& metrics, const delivery::SubscriberState& state);
void RecordCareRun(MetricsRegistry& metrics, std::string_view job, const care::CareCounts& counts);
void RecordPlugins(MetricsRegistry& metrics, const plugin_host::PluginRegistry& plugins);
void RecordRequest(MetricsRegistry& metrics, const api::RequestMetric& request);
void RecordConnection(MetricsRegistry& metrics, api::ConnectionEvent event);
// The API server's observers, recording into `metrics` (which must outlive the server).
api::ApiServer::Observers ApiMetricsObservers(MetricsRegistry& metrics);

}  // namespace hub::service

#endif  // HUB_SERVICE_SERVICE_METRICS_HPP_
