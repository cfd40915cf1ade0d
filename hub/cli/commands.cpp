#include "cli/commands.hpp"

#include <algorithm>
#include <csignal>
#include <optional>

#include "cli/progress_line.hpp"
#include "common/lease_owner.hpp"
#include "config/config_loader.hpp"
#include "config/mapping_xml.hpp"
#include "hub/sdk/abi.h"
#include "hub/sdk/version.hpp"
#include "plugin_host/plugin_registry.hpp"
#include "service/connector_pool.hpp"
#include "service/hub_setup.hpp"
#include "service/store_access.hpp"
#include "service/sync_jobs.hpp"

namespace hub::cli {
namespace {

CancellationToken* g_sync_cancel = nullptr;  // set while SyncOnce runs

// The first SIGINT/SIGTERM stops the run between batches; a second one (a connector stuck in a read)
// ends the process at once. Only async-signal-safe calls: a lock-free atomic store, signal, raise.
extern "C" void CancelSyncOnSignal(int signal_number) {
  if (g_sync_cancel == nullptr) return;
  if (g_sync_cancel->Cancelled()) {
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
    return;
  }
  g_sync_cancel->Cancel();
}

void PrintErrors(const std::vector<config::ConfigError>& errors, std::ostream& err) {
  for (const config::ConfigError& error : errors) err << error.ToString() << "\n";
}

std::string JobNames(const config::HubConfig& config) {
  std::string names;
  for (const config::JobConfig& job : config.jobs) {
    if (job.kind == config::JobKind::kSync) names += (names.empty() ? "" : ", ") + job.name;
  }
  return names.empty() ? "none" : names;
}

}  // namespace

std::string VersionLine() {
  return std::string("hub ") + HUB_SDK_VERSION + " (sdk abi " + std::to_string(HUB_ABI_MAJOR) + ")";
}

int CheckConfig(const std::filesystem::path& config_file, bool show_mappings, std::ostream& out, std::ostream& err) {
  service::HubSetupResult loaded = service::LoadHubSetup(config_file, MakeLogger("check-config"));
  if (!loaded.ok()) {
    PrintErrors(loaded.errors, err);
    return 2;
  }
  PrintErrors(loaded.setup->warnings, err);
  if (std::vector<config::ConfigError> refused = service::ConfigureEachConnector(loaded.setup); !refused.empty()) {
    PrintErrors(refused, err);
    return 2;
  }
  if (show_mappings) {
    const config::HubConfig& config = loaded.setup->config;
    for (const config::JobConfig& job : config.jobs) {
      if (job.kind != config::JobKind::kSync) continue;
      out << "job " << job.name << ":\n";
      for (const config::MappingConfig& mapping : job.mappings) out << config::MappingXml(mapping, config, 1);
    }
  }
  out << "ok\n";
  return 0;
}

namespace {

// The plugins of the configuration's plugin folders, or nullopt after printing why not (`status` says the exit).
std::optional<plugin_host::PluginRegistry> LoadPlugins(const std::filesystem::path& config_file, std::ostream& err,
                                                       int* status) {
  config::ConfigLoadResult loaded = config::LoadConfig(config_file);
  if (!loaded.ok()) {
    PrintErrors(loaded.errors, err);
    *status = 2;
    return std::nullopt;
  }
  auto registry = plugin_host::PluginRegistry::Load(service::PluginFolders(*loaded.config), MakeLogger("plugin_host"));
  if (!registry.ok()) {
    err << config_file.string() << ": plugin folder: " << registry.status().message() << "\n";
    *status = 1;
    return std::nullopt;
  }
  return std::move(registry).value();
}

}  // namespace

int ListPlugins(const std::filesystem::path& config_file, std::ostream& out, std::ostream& err) {
  int status = 0;
  std::optional<plugin_host::PluginRegistry> registry = LoadPlugins(config_file, err, &status);
  if (!registry) return status;
  for (const plugin_host::PluginRecord& record : registry->Records()) {
    out << plugin_host::FormatPluginLine(record) << "\n";
  }
  return 0;
}

int PrintDefaultMapping(const std::filesystem::path& config_file, const std::string& name, std::ostream& out,
                        std::ostream& err) {
  int status = 0;
  std::optional<plugin_host::PluginRegistry> registry = LoadPlugins(config_file, err, &status);
  if (!registry) return status;
  std::string declared;
  bool found = false;
  for (const plugin_host::PluginRecord& record : registry->Records()) {
    for (const sdk::DefaultMapping& mapping : record.default_mappings) {
      declared += (declared.empty() ? "" : ", ") + record.name + ":" + mapping.name;
      if (mapping.name != name) continue;
      found = true;
      out << "<!-- plugin " << record.name << " mapping '" << mapping.name << "': " << mapping.description << " -->\n"
          << mapping.xml << (mapping.xml.ends_with('\n') ? "" : "\n");
    }
  }
  if (found) return 0;
  err << "no plugin declares a default mapping '" << name << "'; declared: " << (declared.empty() ? "(none)" : declared)
      << "\n";
  return 2;
}

int SyncOnce(const std::string& job, const std::filesystem::path& config_file, bool full, bool progress,
             std::ostream& out, std::ostream& err) {
  service::HubSetupResult loaded = service::LoadHubSetup(config_file, MakeLogger("sync"));
  if (!loaded.ok()) {
    PrintErrors(loaded.errors, err);
    return 2;
  }
  const auto& jobs = loaded.setup->config.jobs;
  auto found = std::find_if(jobs.begin(), jobs.end(), [&](const config::JobConfig& j) { return j.name == job; });
  if (found == jobs.end() || found->kind != config::JobKind::kSync) {
    err << config_file.string() << ": "
        << (found == jobs.end() ? "no job named '" + job + "'" : "job '" + job + "' is a delivery job, not a sync job")
        << " (sync jobs: " << JobNames(loaded.setup->config) << ")\n";
    return 2;
  }
  auto store = service::OpenAndMigrateStore(loaded.setup->config, 1, MakeLogger("store"));
  if (!store.ok()) {
    err << "hub sync " << job << ": store: " << store.status().message() << "\n";
    return 1;
  }
  SystemClock clock;
  MetricsRegistry metrics;
  auto connectors = std::make_shared<service::ConnectorPool>(loaded.setup, clock);
  auto sync_jobs = std::make_shared<service::SyncJobs>(loaded.setup, connectors, **store, metrics, clock,
                                                       MakeLeaseOwner(loaded.setup->config.instance_name));
  CancellationToken cancel;
  g_sync_cancel = &cancel;
  std::signal(SIGINT, CancelSyncOnSignal);
  std::signal(SIGTERM, CancelSyncOnSignal);
  ProgressLine line(err, progress);
  sync::SyncRunResult result = sync_jobs->Run(job, full, cancel, [&](const sync::SyncProgress& p) { line.Update(p); });
  line.Finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  g_sync_cancel = nullptr;
  out << result.counts.ToLine() << "\n";
  if (!result.status.ok()) {
    err << "hub sync " << job << ": " << result.status.ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace hub::cli
