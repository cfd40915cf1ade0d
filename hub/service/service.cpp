#include "service/service.hpp"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>

#include "api/api_server.hpp"
#include "common/lease_owner.hpp"
#include "runtime/freed_memory.hpp"
#include "service/call_routes.hpp"
#include "service/connector_pool.hpp"
#include "service/customer_care_jobs.hpp"
#include "service/customer_routes.hpp"
#include "service/delivery_jobs.hpp"
#include "service/delivery_routes.hpp"
#include "service/funnel_alert_jobs.hpp"
#include "service/funnel_routes.hpp"
#include "service/intent_routes.hpp"
#include "service/lead_accept_route.hpp"
#include "service/lead_review_routes.hpp"
#include "service/lead_routes.hpp"
#include "service/lead_sla_jobs.hpp"
#include "service/match_jobs.hpp"
#include "service/match_routes.hpp"
#include "service/ops_routes.hpp"
#include "service/service_metrics.hpp"
#include "service/store_access.hpp"
#include "service/sync_jobs.hpp"
#include "service/task_routes.hpp"

namespace hub::service {
namespace {

constexpr std::chrono::milliseconds kJobStopGrace{7000};
constexpr std::chrono::milliseconds kApiDrainGrace{2000};

// The configuration in force, which a reload replaces, behind one lock. (The jobs it made are kept alive
// by the scheduler's entries, which hold them.)
class LiveSetup {
 public:
  explicit LiveSetup(std::shared_ptr<const HubSetup> setup) : setup_(std::move(setup)) {}
  std::shared_ptr<const HubSetup> get() const {
    std::lock_guard lock(mutex_);
    return setup_;
  }
  void Replace(std::shared_ptr<const HubSetup> setup) {
    std::lock_guard lock(mutex_);
    setup_ = std::move(setup);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const HubSetup> setup_;  // guarded by mutex_
};

// Settings a reload cannot change in place.
void WarnAboutRestartOnlyChanges(const config::HubConfig& before, const config::HubConfig& after, const Logger& log) {
  if (before.api.address != after.api.address || before.api.port != after.api.port ||
      before.api.tls.has_value() != after.api.tls.has_value()) {
    log->warn("reload: the API listener or TLS settings changed; they take effect at the next restart");
  }
  if (before.store.connection_strings != after.store.connection_strings) {
    log->warn("reload: the store connection changed; it takes effect at the next restart");
  }
  if (before.runtime.io_threads != after.runtime.io_threads ||
      before.runtime.worker_threads != after.runtime.worker_threads) {
    log->warn("reload: thread counts changed; they take effect at the next restart");
  }
}

// Everything `hub run` owns, in construction order (destroyed in reverse).
class Service {
 public:
  Service(std::filesystem::path config_file, std::shared_ptr<const HubSetup> setup,
          std::unique_ptr<odbc::Database> store)
      : config_file_(std::move(config_file)),
        log_(MakeLogger("service")),
        workers_(static_cast<std::size_t>(setup->config.runtime.worker_threads)),
        control_(1),
        store_(std::move(store)),
        lease_owner_(MakeLeaseOwner(setup->config.instance_name)),
        scheduler_(io_, RunBlocking(), clock_, MakeLogger("scheduler")),
        live_setup_(setup),
        signals_(io_, SIGINT, SIGTERM, SIGHUP) {
    DescribeServiceMetrics(metrics_);
    RecordPlugins(metrics_, *setup->plugins);
  }

  int Run(std::ostream& err) {
    auto setup = live_setup_.get();
    InstallJobs(setup);
    api::Router router;
    OpsContext ops{[this] { return live_setup_.get(); },  scheduler_,          metrics_, clock_, clock_.Now(),
                   [this] { return PingStore(*store_); }, MakeLogger("health")};
    sdk::Status routes = AddOpsRoutes(router, ops);
    if (routes.ok()) routes = AddCustomerRoutes(router, *store_);
    // The API's writers share one copy of the staff they route leads among (store_model::StaffCache).
    const store_model::WriteRules rules{setup->config.leads, std::make_shared<store_model::StaffCache>(clock_)};
    if (routes.ok()) routes = AddCallRoutes(router, *store_, setup->config.api.calls_source_system, rules);
    if (routes.ok()) routes = AddLeadRoutes(router, *store_, setup->config.api.leads_source_system, rules);
    if (routes.ok()) routes = AddFunnelRoutes(router, *store_, clock_, setup->config.leads.funnel);
    if (routes.ok()) routes = AddDeliveryRoutes(router, {[this] { return live_setup_.get(); }, *store_, clock_});
    if (routes.ok()) routes = AddMatchRoutes(router, *store_);
    if (routes.ok()) routes = AddTaskRoutes(router, *store_);
    if (routes.ok()) routes = AddLeadAcceptRoute(router, *store_);
    if (routes.ok()) routes = AddLeadReviewRoutes(router, *store_, clock_);
    if (routes.ok()) routes = AddIntentRoutes(router, *store_);
    if (!routes.ok()) {
      err << "hub: " << routes.message() << "\n";
      return 1;
    }
    server_ = std::make_unique<api::ApiServer>(io_, setup->config.api, std::move(router), RunBlocking(),
                                               ApiMetricsObservers(metrics_), MakeLogger("api"));
    sdk::Status started = server_->Start();
    if (!started.ok()) {
      err << "hub: " << started.message() << "\n";
      return 1;
    }
    scheduler_.Start();
    WaitForSignal();
    log_->info("hub '{}' serving on {}:{} with {} jobs, as {}", setup->config.instance_name, setup->config.api.address,
               server_->port(), setup->config.jobs.size(), lease_owner_);
    RunIoThreads(setup->config.runtime.io_threads);
    control_.join();
    if (!runs_stopped_) ExitLeavingStuckRuns();
    workers_.join();
    log_->info("stopped");
    return 0;
  }

 private:
  Scheduler::RunBlocking RunBlocking() {
    return [this](std::function<void()> task) { boost::asio::post(workers_, std::move(task)); };
  }

  void InstallJobs(const std::shared_ptr<const HubSetup>& setup) {
    auto connectors = std::make_shared<ConnectorPool>(setup, clock_, &metrics_);
    auto sync_jobs = std::make_shared<SyncJobs>(setup, connectors, *store_, metrics_, clock_, lease_owner_);
    auto delivery_jobs = std::make_shared<DeliveryJobs>(setup, connectors, *store_, metrics_, clock_, lease_owner_);
    auto care_jobs = std::make_shared<CustomerCareJobs>(setup, *store_, metrics_, clock_, lease_owner_);
    auto match_jobs = std::make_shared<MatchJobs>(setup, *store_, metrics_, clock_, lease_owner_);
    auto funnel_alert_jobs = std::make_shared<FunnelAlertJobs>(setup, *store_, clock_, lease_owner_);
    auto lead_sla_jobs = std::make_shared<LeadSlaJobs>(setup, *store_, clock_, lease_owner_);
    live_setup_.Replace(setup);
    std::vector<JobSpec> specs = sync_jobs->Specs();
    for (JobSpec& spec : delivery_jobs->Specs()) specs.push_back(std::move(spec));
    for (JobSpec& spec : care_jobs->Specs()) specs.push_back(std::move(spec));
    for (JobSpec& spec : match_jobs->Specs()) specs.push_back(std::move(spec));
    for (JobSpec& spec : funnel_alert_jobs->Specs()) specs.push_back(std::move(spec));
    for (JobSpec& spec : lead_sla_jobs->Specs()) specs.push_back(std::move(spec));
    scheduler_.SetJobs(std::move(specs));
  }

  void WaitForSignal() {
    signals_.async_wait([this](const boost::system::error_code& error, int signal) {
      if (error) return;  // operation_aborted: the io_context is stopping
      if (signal == SIGHUP) {
        boost::asio::post(control_, [this] { Reload(); });
        WaitForSignal();
        return;
      }
      log_->info("signal {}: stopping", signal);
      boost::asio::post(control_, [this] { Stop(); });
    });
  }

  // On the control thread: never blocks the I/O threads, never waits behind running jobs.
  void Reload() {
    log_->info("SIGHUP: reloading {}", config_file_.string());
    HubSetupResult loaded = LoadHubSetup(config_file_, log_);
    if (!loaded.ok()) {
      for (const config::ConfigError& error : loaded.errors) log_->error("reload refused: {}", error.ToString());
      log_->error("reload refused: keeping the running configuration");
      return;
    }
    WarnAboutRestartOnlyChanges(live_setup_.get()->config, loaded.setup->config, log_);
    for (const config::ConfigError& warning : loaded.setup->warnings) log_->warn(warning.ToString());
    ConfigureLogging(loaded.setup->config.logging);
    RecordPlugins(metrics_, *loaded.setup->plugins);
    server_->UpdateSecurity(loaded.setup->config.api);
    InstallJobs(loaded.setup);
    log_->info("reloaded: {} jobs", loaded.setup->config.jobs.size());
  }

  void Stop() {
    server_->Stop();
    runs_stopped_ = scheduler_.Stop(kJobStopGrace);
    if (!server_->WaitUntilIdle(kApiDrainGrace)) log_->warn("closing API connections still open");
    signals_.cancel();
    io_.stop();
  }

  // A run that ignores cancellation (a connector blocked in a read) must not keep the process past its
  // stop deadline. Its batch has not committed, so ending the process makes the store roll it back and
  // the checkpoint stays at the last committed batch.
  [[noreturn]] void ExitLeavingStuckRuns() {
    log_->error("job runs still busy {} s after the stop signal; exiting: their open batch is rolled back",
                std::chrono::duration_cast<std::chrono::seconds>(kJobStopGrace).count());
    spdlog::apply_all([](const Logger& logger) { logger->flush(); });
    std::_Exit(0);
  }

  void RunIoThreads(int count) {
    std::vector<std::thread> threads;
    for (int i = 1; i < count; ++i) threads.emplace_back([this] { io_.run(); });
    io_.run();
    for (std::thread& thread : threads) thread.join();
  }

  std::filesystem::path config_file_;
  Logger log_;
  SystemClock clock_;
  MetricsRegistry metrics_;
  boost::asio::io_context io_;
  boost::asio::thread_pool workers_;
  boost::asio::thread_pool control_;  // reloads and the stop sequence, one at a time
  std::unique_ptr<odbc::Database> store_;
  const std::string lease_owner_;  // this process, as the holder of job leases
  Scheduler scheduler_;
  LiveSetup live_setup_;
  std::unique_ptr<api::ApiServer> server_;
  boost::asio::signal_set signals_;
  std::atomic<bool> runs_stopped_{true};  // false when Stop's grace ran out with runs still going
};

}  // namespace

int RunService(const std::filesystem::path& config_file, std::ostream& err) {
  HubSetupResult loaded = LoadHubSetup(config_file, MakeLogger("service"));
  if (!loaded.ok()) {
    for (const config::ConfigError& error : loaded.errors) err << error.ToString() << "\n";
    return 2;
  }
  ConfigureLogging(loaded.setup->config.logging);
  for (const config::ConfigError& warning : loaded.setup->warnings) MakeLogger("service")->warn(warning.ToString());
  // Before the store and the thread pools allocate: a busy API must not hand its heap back on every request.
  if (sdk::Status kept = KeepFreedMemory(kKeptFreedMemoryBytes); !kept.ok()) {
    MakeLogger("service")->warn("freed memory goes back to the kernel at once: {}", kept.message());
  }
  const auto& config = loaded.setup->config;
  // A connection per worker and per I/O thread (the routes that run inline lease theirs there), and one more.
  const auto pool_size = static_cast<std::size_t>(config.runtime.worker_threads + config.runtime.io_threads) + 1;
  auto store = OpenAndMigrateStore(config, pool_size, MakeLogger("store"));
  if (!store.ok()) {
    err << "hub: store: " << store.status().message() << "\n";
    return 1;
  }
  Service service(config_file, loaded.setup, std::move(store).value());
  return service.Run(err);
}

}  // namespace hub::service
