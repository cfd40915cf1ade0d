#include "service/sync_jobs.hpp"

#include <chrono>

#include "config/secret_resolver.hpp"
#include "service/run_audit.hpp"
#include "service/service_metrics.hpp"

namespace hub::service {
namespace {

const config::JobConfig* FindJob(const config::HubConfig& config, std::string_view name) {
  for (const config::JobConfig& job : config.jobs) {
    if (job.name == name) return &job;
  }
  return nullptr;
}

}  // namespace

sync::SinkJob SinkJobFor(const HubSetup& setup, std::string_view job) {
  const config::JobConfig* configured = FindJob(setup.config, job);
  if (configured == nullptr) return {};
  auto mapping = setup.mappings.find(job);
  return {mapping == setup.mappings.end() ? nullptr : mapping->second, configured->connector};
}

SyncJobs::SyncJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, MetricsRegistry& metrics,
                   const Clock& clock)
    : setup_(std::move(setup)),
      sink_(
          store, [setup = setup_](std::string_view job) { return SinkJobFor(*setup, job); }, MakeLogger("store")),
      store_(store),
      metrics_(metrics),
      clock_(clock),
      log_(MakeLogger("sync")) {}

sdk::Result<plugin_host::ConnectorInstance*> SyncJobs::ConnectorFor(const config::JobConfig& job) {
  {
    std::lock_guard lock(mutex_);
    auto existing = connectors_.find(job.name);
    if (existing != connectors_.end()) return existing->second.get();
  }
  const config::ConnectorConfig* connector = setup_->config.FindConnector(job.connector);
  auto plugin = connector ? setup_->plugins->Find(connector->plugin) : nullptr;
  if (!plugin) {
    return sdk::Status::NotFound("job '" + job.name + "': connector '" + job.connector + "' is not available");
  }
  auto resolver = std::make_shared<config::SecretResolver>(setup_->config.base_dir);
  plugin_host::HostServices services{MakeLogger("connector." + connector->name), clock_, CancellationToken(),
                                     [resolver](std::string_view reference) { return resolver->Resolve(reference); }};
  auto instance = plugin_host::ConnectorInstance::Create(connector->name, plugin, std::move(services));
  if (!instance.ok()) return instance.status();
  HUB_RETURN_IF_ERROR((*instance)->Configure(setup_->connector_options.at(connector->name)));
  // One run of a job at a time, so nobody else created this job's instance meanwhile.
  std::lock_guard lock(mutex_);
  auto* raw = instance->get();
  connectors_.emplace(job.name, std::move(instance).value());
  return raw;
}

sync::SyncRunResult SyncJobs::Run(std::string_view name, bool full, const CancellationToken& cancel,
                                  const std::function<void(const sync::SyncProgress&)>& on_progress) {
  const config::JobConfig* job = FindJob(setup_->config, name);
  if (job == nullptr) return {{}, sdk::Status::NotFound("no job named '" + std::string(name) + "'")};
  const auto started = std::chrono::steady_clock::now();
  sync::SyncRunResult result;
  sdk::Result<plugin_host::ConnectorInstance*> connector = ConnectorFor(*job);
  if (connector.ok()) {
    result = sync::RunSync(**connector, sink_, {job->name, job->batch_size, full, on_progress}, cancel);
  } else {
    result.status = connector.status();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  RecordSyncRun(metrics_, job->name, result, seconds);
  if (sdk::Status audited = AuditSyncRun(store_, job->name, full, result, seconds); !audited.ok()) {
    log_->error("job {}: the run's audit row was not written: {}", job->name, audited.ToString());
  }
  if (result.status.ok()) {
    log_->info("job {}: {} in {:.3f}s", job->name, result.counts.ToLine(), seconds);
  } else {
    log_->error("job {}: {} after {}", job->name, result.status.ToString(), result.counts.ToLine());
  }
  return result;
}

std::vector<JobSpec> SyncJobs::Specs() {
  std::vector<JobSpec> specs;
  for (const config::JobConfig& job : setup_->config.jobs) {
    specs.push_back(JobSpec{job.name, setup_->schedules.at(job.name),
                            [self = shared_from_this(), name = job.name](const CancellationToken& cancel) {
                              return self->Run(name, false, cancel).status;
                            }});
  }
  return specs;
}

}  // namespace hub::service
