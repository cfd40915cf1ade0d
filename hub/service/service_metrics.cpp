#include "service/service_metrics.hpp"

#include <string>

#include "hub/sdk/abi.h"
#include "hub/sdk/version.hpp"

namespace hub::service {

void DescribeServiceMetrics(MetricsRegistry& metrics) {
  metrics.DescribeGauge("hub_build_info", "The running hub's version and plugin ABI; always 1.");
  metrics.DescribeCounter("hub_sync_records_total", "Records handled by sync runs, by job and outcome.");
  metrics.DescribeCounter("hub_sync_runs_total", "Finished sync runs, by job and result.");
  metrics.DescribeHistogram("hub_sync_job_duration_seconds", "Duration of sync runs.",
                            {0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600});
  metrics.DescribeCounter("hub_match_runs_total", "Finished match runs, by job and result.");
  metrics.DescribeGauge("hub_match_reviews_waiting", "Pairs waiting for a reviewer after each match job's last run.");
  metrics.DescribeGauge("hub_match_golden_records", "Golden records after each match job's last run.");
  metrics.DescribeCounter("hub_delivery_events_total", "Events handled by delivery runs, by subscriber and outcome.");
  metrics.DescribeGauge("hub_delivery_dead_letters", "Open dead letters of each subscriber.");
  metrics.DescribeGauge("hub_delivery_lag_events", "Outbox events each subscriber has not handled yet.");
  metrics.DescribeCounter("hub_customer_care_greetings_total",
                          "Greetings handled by customer-care runs, by job and outcome (appended, already_sent).");
  metrics.DescribeGauge("hub_plugin_loaded", "1 for a loaded plugin, 0 for a refused one.");
  metrics.DescribeCounter("hub_connector_events_total",
                          "What connectors count themselves (files archived, bytes read), by connector and counter.");
  metrics.DescribeHistogram("hub_api_request_duration_seconds", "API requests, by route, method and status.");
  metrics.DescribeCounter("hub_api_connections_total", "API connections accepted, by where they were admitted.");
  metrics.DescribeCounter("hub_api_connections_shed_total", "Idle API connections closed to make room.");
  metrics.DescribeGauge("hub_api_connections_open", "API connections open.");
  for (const char* admission : {"ordinary", "reserve", "overloaded", "client_limit", "dropped"}) {
    metrics.Add("hub_api_connections_total", {{"admission", admission}}, 0);
  }
  metrics.Add("hub_api_connections_shed_total", {}, 0);
  metrics.Set("hub_api_connections_open", {}, 0);
  metrics.Set(
      "hub_build_info",
      {{"version", HUB_SDK_VERSION}, {"sdk_abi", std::to_string(HUB_ABI_MAJOR) + "." + std::to_string(HUB_ABI_MINOR)}},
      1);
}

void RecordSyncRun(MetricsRegistry& metrics, std::string_view job, const sync::SyncRunResult& result,
                   double duration_seconds) {
  const std::string name(job);
  const std::pair<const char*, std::uint64_t> outcomes[] = {{"read", result.counts.read},
                                                            {"inserted", result.counts.inserted},
                                                            {"updated", result.counts.updated},
                                                            {"merged", result.counts.merged},
                                                            {"quarantined", result.counts.quarantined},
                                                            {"released", result.counts.released},
                                                            {"deleted", result.counts.deleted}};
  for (const auto& [outcome, count] : outcomes) {
    metrics.Add("hub_sync_records_total", {{"job", name}, {"outcome", outcome}}, static_cast<double>(count));
  }
  const char* verdict = result.status.ok()                                    ? "ok"
                        : result.status.code() == sdk::StatusCode::kCancelled ? "cancelled"
                                                                              : "failed";
  metrics.Add("hub_sync_runs_total", {{"job", name}, {"result", verdict}});
  metrics.Observe("hub_sync_job_duration_seconds", {{"job", name}}, duration_seconds);
}

void RecordSyncSkipped(MetricsRegistry& metrics, std::string_view job) {
  metrics.Add("hub_sync_runs_total", {{"job", std::string(job)}, {"result", "skipped"}});
}

void RecordMatchRun(MetricsRegistry& metrics, std::string_view job,
                    const sdk::Result<golden::StoreMatchCounts>& result) {
  const std::string name(job);
  metrics.Add("hub_match_runs_total", {{"job", name}, {"result", result.ok() ? "ok" : "failed"}});
  if (!result.ok()) return;
  metrics.Set("hub_match_reviews_waiting", {{"job", name}}, static_cast<double>(result->reviews));
  metrics.Set("hub_match_golden_records", {{"job", name}}, static_cast<double>(result->golden_records));
}

void RecordMatchSkipped(MetricsRegistry& metrics, std::string_view job) {
  metrics.Add("hub_match_runs_total", {{"job", std::string(job)}, {"result", "skipped"}});
}

void RecordDeliveryRun(MetricsRegistry& metrics, std::string_view subscriber, const delivery::DeliveryCounts& counts) {
  const std::string name(subscriber);
  const std::pair<const char*, std::uint64_t> outcomes[] = {{"delivered", counts.delivered},
                                                            {"skipped", counts.skipped},
                                                            {"failed", counts.failed_attempts},
                                                            {"dead_lettered", counts.dead_lettered},
                                                            {"replayed", counts.replayed}};
  for (const auto& [outcome, count] : outcomes) {
    metrics.Add("hub_delivery_events_total", {{"subscriber", name}, {"outcome", outcome}}, static_cast<double>(count));
  }
}

void RecordDeliveryState(MetricsRegistry& metrics, const delivery::SubscriberState& state) {
  metrics.Set("hub_delivery_dead_letters", {{"subscriber", state.subscriber}}, static_cast<double>(state.dead_letters));
  metrics.Set("hub_delivery_lag_events", {{"subscriber", state.subscriber}}, static_cast<double>(state.pending));
}

void RecordCareRun(MetricsRegistry& metrics, std::string_view job, const care::CareCounts& counts) {
  const std::string name(job);
  metrics.Add("hub_customer_care_greetings_total", {{"job", name}, {"outcome", "appended"}},
              static_cast<double>(counts.greetings));
  metrics.Add("hub_customer_care_greetings_total", {{"job", name}, {"outcome", "already_sent"}},
              static_cast<double>(counts.already_sent));
}

void RecordPlugins(MetricsRegistry& metrics, const plugin_host::PluginRegistry& plugins) {
  for (const plugin_host::PluginRecord& record : plugins.Records()) {
    bool loaded = record.state == plugin_host::PluginRecord::State::kLoaded;
    metrics.Set("hub_plugin_loaded", {{"plugin", record.name}, {"file", record.path.filename().string()}},
                loaded ? 1 : 0);
  }
}

void RecordRequest(MetricsRegistry& metrics, const api::RequestMetric& request) {
  metrics.Observe("hub_api_request_duration_seconds",
                  {{"route", request.route}, {"method", request.method}, {"status", std::to_string(request.status)}},
                  request.duration_seconds);
}

void RecordConnection(MetricsRegistry& metrics, api::ConnectionEvent event) {
  using api::ConnectionEvent;
  auto admitted = [&metrics](const char* admission) {
    metrics.Add("hub_api_connections_total", {{"admission", admission}});
  };
  switch (event) {
    case ConnectionEvent::kOrdinary:
      admitted("ordinary");
      break;
    case ConnectionEvent::kReserve:
      admitted("reserve");
      break;
    case ConnectionEvent::kOverloaded:
      admitted("overloaded");
      break;
    case ConnectionEvent::kClientLimit:
      admitted("client_limit");
      break;
    case ConnectionEvent::kDropped:
      admitted("dropped");
      return;
    case ConnectionEvent::kShed:
      metrics.Add("hub_api_connections_shed_total", {});
      return;
    case ConnectionEvent::kClosed:
      metrics.Add("hub_api_connections_open", {}, -1);
      return;
  }
  metrics.Add("hub_api_connections_open", {}, 1);
}

api::ApiServer::Observers ApiMetricsObservers(MetricsRegistry& metrics) {
  return {[&metrics](const api::RequestMetric& request) { RecordRequest(metrics, request); },
          [&metrics](api::ConnectionEvent event) { RecordConnection(metrics, event); }};
}

}  // namespace hub::service
