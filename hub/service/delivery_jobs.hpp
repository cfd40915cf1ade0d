// The configured delivery jobs of one configuration: their runs and scheduler entries.
#ifndef HUB_SERVICE_DELIVERY_JOBS_HPP_
#define HUB_SERVICE_DELIVERY_JOBS_HPP_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "common/metrics.hpp"
#include "delivery/delivery_run.hpp"
#include "delivery/subscription.hpp"
#include "runtime/scheduler.hpp"
#include "service/connector_pool.hpp"
#include "service/hub_setup.hpp"

namespace hub::service {

// The delivery's subscription of delivery job `job` (its name, <subscribe>, <filter>, <retry>, start=,
// lanes=). Pure function.
delivery::Subscription SubscriptionOf(const config::JobConfig& job);

// The subscribers of `config`: its delivery jobs' names, in the order written.
std::vector<std::string> Subscribers(const config::HubConfig& config);

// Runs the delivery jobs of one HubSetup: each run hands its subscriber's due events to the job's
// connector (the setup's shared instance, ConnectorPool) through delivery::RunDelivery, with this hub's
// `lease_owner` on the lanes it claims (so several hubs on one store share a subscriber's lanes) and
// <runtime lease>. After a run it records hub_delivery_events_total{subscriber,outcome},
// hub_delivery_dead_letters{subscriber} and hub_delivery_lag_events{subscriber}, and audits a run that did
// anything (delivered, skipped, failed, dead-lettered or replayed events, or failed itself): actor
// "job:<name>", action "delivery"; a run with nothing due leaves no row.
//
// Runs of different subscribers may overlap; the caller (the Scheduler) guarantees one run of a job at a
// time. `store`, `metrics` and `clock` must outlive this object and every run in flight. Thread-safe.
class DeliveryJobs : public std::enable_shared_from_this<DeliveryJobs> {
 public:
  DeliveryJobs(std::shared_ptr<const HubSetup> setup, std::shared_ptr<ConnectorPool> connectors, odbc::Database& store,
               MetricsRegistry& metrics, const Clock& clock, std::string lease_owner);

  // One delivery run of `subscriber`. NotFound for a name that is not a delivery job; otherwise the run's
  // counts and outcome (RunDelivery's).
  delivery::DeliveryRunResult Run(std::string_view subscriber, const CancellationToken& cancel);

  // One scheduler entry per delivery job; each keeps this object alive while the scheduler holds it.
  std::vector<JobSpec> Specs();

 private:
  void Record(const config::JobConfig& job, const delivery::DeliveryRunResult& result, double seconds);

  std::shared_ptr<const HubSetup> setup_;
  std::shared_ptr<ConnectorPool> connectors_;
  odbc::Database& store_;
  MetricsRegistry& metrics_;
  const Clock& clock_;
  const std::string lease_owner_;
  const std::vector<std::string> subscribers_;
  std::map<std::string, delivery::Subscription, std::less<>> subscriptions_;  // by job; immutable
  Logger log_;
};

}  // namespace hub::service

#endif  // HUB_SERVICE_DELIVERY_JOBS_HPP_
