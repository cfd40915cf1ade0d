#include "service/delivery_jobs.hpp"

#include <chrono>

#include "delivery/delivery_queries.hpp"
#include "service/job_specs.hpp"
#include "service/run_audit.hpp"
#include "service/service_metrics.hpp"

namespace hub::service {
namespace {

const config::JobConfig* FindDeliveryJob(const config::HubConfig& config, std::string_view name) {
  for (const config::JobConfig& job : config.jobs) {
    if (job.name == name && job.kind == config::JobKind::kDelivery) return &job;
  }
  return nullptr;
}

bool DidAnything(const delivery::DeliveryRunResult& result) {
  const delivery::DeliveryCounts& counts = result.counts;
  return !result.status.ok() ||
         counts.delivered + counts.skipped + counts.failed_attempts + counts.dead_lettered + counts.replayed > 0;
}

}  // namespace

delivery::Subscription SubscriptionOf(const config::JobConfig& job) {
  const config::SubscriptionConfig& configured = job.subscription;
  delivery::Subscription subscription;
  subscription.name = job.name;
  for (const auto& events : configured.events) {
    subscription.events.push_back({events.entity, events.kinds, events.document});
  }
  for (const auto& filter : configured.filters) {
    subscription.filters.push_back({filter.field, filter.values, filter.excluded});
  }
  subscription.max_attempts = configured.max_attempts;
  subscription.backoff = configured.backoff;
  subscription.max_backoff = configured.max_backoff;
  subscription.start = configured.start == config::SubscriptionConfig::Start::kLatest
                           ? delivery::Subscription::Start::kLatest
                           : delivery::Subscription::Start::kBeginning;
  subscription.lanes = configured.lanes;
  return subscription;
}

std::vector<std::string> Subscribers(const config::HubConfig& config) {
  std::vector<std::string> names;
  for (const config::JobConfig& job : config.jobs) {
    if (job.kind == config::JobKind::kDelivery) names.push_back(job.name);
  }
  return names;
}

DeliveryJobs::DeliveryJobs(std::shared_ptr<const HubSetup> setup, std::shared_ptr<ConnectorPool> connectors,
                           odbc::Database& store, MetricsRegistry& metrics, const Clock& clock, std::string lease_owner)
    : setup_(std::move(setup)),
      connectors_(std::move(connectors)),
      store_(store),
      metrics_(metrics),
      clock_(clock),
      lease_owner_(std::move(lease_owner)),
      subscribers_(Subscribers(setup_->config)),
      log_(MakeLogger("delivery")) {
  for (const config::JobConfig& job : setup_->config.jobs) {
    if (job.kind == config::JobKind::kDelivery) subscriptions_.emplace(job.name, SubscriptionOf(job));
  }
}

delivery::DeliveryRunResult DeliveryJobs::Run(std::string_view subscriber, const CancellationToken& cancel) {
  const config::JobConfig* job = FindDeliveryJob(setup_->config, subscriber);
  if (job == nullptr) {
    return {{}, sdk::Status::NotFound("no delivery job named '" + std::string(subscriber) + "'")};
  }
  const auto started = std::chrono::steady_clock::now();
  delivery::DeliveryRunResult result;
  sdk::Result<PooledConnector*> connector = connectors_->Find(job->connector);
  if (connector.ok()) {
    delivery::Deliver deliver = [connector = *connector, &cancel](const std::vector<sdk::OutboundEvent>& events) {
      return connector->WriteEvents(events, cancel);
    };
    delivery::DeliveryRunOptions options;
    options.batch_size = job->batch_size;
    options.owner = lease_owner_;
    options.lease = setup_->config.runtime.lease;
    options.all_subscribers = subscribers_;
    options.outbox_retention = setup_->config.runtime.outbox_retention;
    options.logger = log_;
    result = delivery::RunDelivery(store_, subscriptions_.at(job->name), deliver, options, clock_, cancel);
  } else {
    result.status = connector.status();
  }
  Record(*job, result, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return result;
}

void DeliveryJobs::Record(const config::JobConfig& job, const delivery::DeliveryRunResult& result, double seconds) {
  RecordDeliveryRun(metrics_, job.name, result.counts);
  auto states = delivery::DeliveryStates(store_, {job.name});
  if (states.ok() && !states->empty()) RecordDeliveryState(metrics_, states->front());
  if (!DidAnything(result)) return;
  if (sdk::Status audited = AuditDeliveryRun(store_, job.name, result, seconds); !audited.ok()) {
    log_->error("job {}: the run's audit row was not written: {}", job.name, audited.ToString());
  }
  const delivery::DeliveryCounts& c = result.counts;
  if (result.status.ok()) {
    log_->info("job {}: delivered={} skipped={} failed={} dead_lettered={} replayed={} in {:.3f}s", job.name,
               c.delivered, c.skipped, c.failed_attempts, c.dead_lettered, c.replayed, seconds);
  } else {
    log_->error("job {}: {} after delivered={} failed={} dead_lettered={}", job.name, result.status.ToString(),
                c.delivered, c.failed_attempts, c.dead_lettered);
  }
}

std::vector<JobSpec> DeliveryJobs::Specs() {
  return ScheduledJobSpecs(*setup_, config::JobKind::kDelivery,
                           [self = shared_from_this()](const config::JobConfig& job, const JobRun& run) -> JobOutcome {
                             return self->Run(job.name, run.cancel).status;
                           });
}

}  // namespace hub::service
