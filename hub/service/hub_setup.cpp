#include "service/hub_setup.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "care/care_calendar.hpp"
#include "config/config_loader.hpp"
#include "config/mapping_use.hpp"
#include "config/option_validation.hpp"
#include "config/record_id_check.hpp"
#include "model/catalog.hpp"
#include "store/model/activity_follow_ups.hpp"
#include "store/model/entity_behaviour.hpp"
#include "store/model/event_documents.hpp"

namespace hub::service {
namespace {

// Why `plugin` cannot serve a connector: not found, or refused and why.
std::string MissingPluginReason(const plugin_host::PluginRegistry& plugins, const std::string& plugin,
                                const std::vector<plugin_host::PluginFolder>& folders) {
  for (const plugin_host::PluginRecord& record : plugins.Records()) {
    if (record.name == plugin) return "plugin '" + plugin + "' was refused: " + record.reason;
  }
  std::string searched;
  for (const plugin_host::PluginFolder& folder : folders) {
    searched += (searched.empty() ? "" : ", ") + folder.path.string();
  }
  return "no plugin named '" + plugin + "' in " + searched + " (see `hub plugins`)";
}

void CheckConnectors(HubSetup& setup, std::vector<config::ConfigError>& errors) {
  for (const config::ConnectorConfig& connector : setup.config.connectors) {
    auto plugin = setup.plugins->Find(connector.plugin);
    if (!plugin) {
      errors.push_back(
          {connector.location, "connector '" + connector.name + "': " +
                                   MissingPluginReason(*setup.plugins, connector.plugin, PluginFolders(setup.config))});
      continue;
    }
    sdk::Options options;
    auto problems = config::ValidateConnectorOptions(connector, plugin->description(), setup.config.base_dir, &options);
    errors.insert(errors.end(), problems.begin(), problems.end());
    if (problems.empty()) setup.connector_options.emplace(connector.name, std::move(options));
  }
}

sdk::Result<Schedule> ScheduleOf(const config::JobConfig& job) {
  if (!job.cron.empty()) return Schedule::ParseCron(job.cron);
  if (job.every) return Schedule::Every(*job.every);
  return Schedule::Manual();
}

void CheckSchedules(HubSetup& setup, std::vector<config::ConfigError>& errors) {
  for (const config::JobConfig& job : setup.config.jobs) {
    sdk::Result<Schedule> schedule = ScheduleOf(job);
    if (!schedule.ok()) {
      errors.push_back({job.location, "job '" + job.name + "': " + schedule.status().message()});
      continue;
    }
    setup.schedules.emplace(job.name, std::move(schedule).value());
  }
}

// One problem line of a mapping compile error ("<file>:<line>: <problem>") as a located ConfigError. The file
// is the configuration's, or the plugin's set document a mapping taken with use= comes from.
config::ConfigError MappingError(const config::JobConfig& job, const config::MappingConfig& mapping,
                                 std::string_view problem) {
  config::SourceLocation location = mapping.location;
  for (const std::filesystem::path& file : {job.location.file, mapping.location.file}) {
    const std::string prefix = file.string() + ":";
    if (problem.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = problem.substr(prefix.size());
    std::size_t colon = rest.find(": ");
    int line = 0;
    auto [end, error] = std::from_chars(rest.data(), rest.data() + std::min(colon, rest.size()), line);
    if (error == std::errc() && colon != std::string_view::npos && end == rest.data() + colon) {
      location = {file, line};
      problem = rest.substr(colon + 2);
      break;
    }
  }
  return {location, "job '" + job.name + "': " + std::string(problem)};
}

// The code tables `mapping` looks codes up in: the configuration's, then its set's own that the configuration
// does not override with a <table> of the same name.
std::vector<config::CodeTableConfig> CodeTablesOf(const config::HubConfig& config,
                                                  const config::MappingConfig& mapping) {
  std::vector<config::CodeTableConfig> tables = config.code_tables;
  for (const config::CodeTableConfig& scoped : mapping.scoped_tables) {
    if (config.FindCodeTable(scoped.name) == nullptr) tables.push_back(scoped);
  }
  return tables;
}

void CompileMappings(HubSetup& setup, std::vector<config::ConfigError>& errors) {
  for (const config::JobConfig& job : setup.config.jobs) {
    if (job.kind != config::JobKind::kSync) continue;
    std::vector<std::shared_ptr<const sync::mapping::CompiledMapping>> compiled_all;
    bool failed = false;
    for (const config::MappingConfig& mapping : job.mappings) {
      auto compiled = sync::mapping::CompiledMapping::Compile(mapping, CodeTablesOf(setup.config, mapping));
      if (!compiled.ok()) {
        failed = true;
        std::string_view message = compiled.status().message();
        for (std::size_t start = 0; start < message.size();) {
          std::size_t end = std::min(message.find('\n', start), message.size());
          if (end > start) errors.push_back(MappingError(job, mapping, message.substr(start, end - start)));
          start = end + 1;
        }
        continue;
      }
      compiled_all.push_back(std::make_shared<const sync::mapping::CompiledMapping>(std::move(compiled).value()));
    }
    if (failed) continue;
    // Entities are unique once use= is resolved (ResolveMappingUses): a failure here would be the hub's.
    sdk::Result<sync::mapping::MappingSet> set = sync::mapping::MappingSet::Of(std::move(compiled_all));
    if (!set.ok()) {
      errors.push_back({job.location, "job '" + job.name + "': " + set.status().message()});
      continue;
    }
    setup.mappings.emplace(job.name, std::move(set).value());
  }
}

// Every <mapping use="..."> of a sync job replaced by what it takes from its connector's plugin.
void ResolveUses(HubSetup& setup, std::vector<config::ConfigError>& errors) {
  const plugin_host::PluginRegistry& plugins = *setup.plugins;
  std::vector<config::ConfigError> problems = config::ResolveMappingUses(
      &setup.config, [&plugins](const config::ConnectorConfig& connector) -> const sdk::PluginDescription* {
        auto plugin = plugins.Find(connector.plugin);
        return plugin ? &plugin->description() : nullptr;
      });
  errors.insert(errors.end(), problems.begin(), problems.end());
}

// A sync job reads its connector, a delivery job hands events to it: refused on a connector whose plugin
// cannot do that.
void CheckJobCapabilities(const HubSetup& setup, std::vector<config::ConfigError>& errors) {
  for (const config::JobConfig& job : setup.config.jobs) {
    const config::ConnectorConfig* connector = setup.config.FindConnector(job.connector);
    auto plugin = connector ? setup.plugins->Find(connector->plugin) : nullptr;
    if (!plugin) continue;
    const auto& capabilities = plugin->description().capabilities;
    const std::string subject =
        "job '" + job.name + "': connector '" + connector->name + "' (plugin " + connector->plugin + ")";
    if (job.kind == config::JobKind::kSync && !capabilities.reads) {
      errors.push_back({job.location, subject + " does not read records, it only receives events: a sync job "
                                                "cannot run on it"});
    }
    if (job.kind == config::JobKind::kDelivery && !capabilities.writes_events) {
      errors.push_back({job.location, subject + " does not receive events (its plugin does not declare writes_events): "
                                                "a delivery job cannot run on it"});
    }
  }
}

// Every entity and kind a delivery job subscribes to names something the store's events can be: the
// changes each entity's writer records, and those of the rows the writers make of their own accord
// (store_model::EventChangesOfAggregate).
void CheckSubscriptions(const HubSetup& setup, std::vector<config::ConfigError>& errors) {
  for (const config::JobConfig& job : setup.config.jobs) {
    for (const config::SubscriptionConfig::Events& events : job.subscription.events) {
      std::vector<std::string> entities;
      if (!events.entity.empty()) entities.push_back(events.entity);
      for (const std::string& kind : events.kinds) {
        const std::string entity = kind.substr(0, kind.find('.'));
        const std::string change = kind.substr(kind.find('.') + 1);
        const std::optional<std::vector<std::string>> aggregate_changes = store_model::EventChangesOfAggregate(entity);
        if (aggregate_changes) {
          const std::vector<std::string>& changes = *aggregate_changes;
          if (std::find(changes.begin(), changes.end(), change) == changes.end()) {
            std::string known;
            for (const std::string& each : changes) known += (known.empty() ? "." : ", .") + each;
            errors.push_back({events.location, "job '" + job.name + "': <subscribe> kind '" + kind +
                                                   "': the store records no '" + change + "' events of " + entity +
                                                   " (its kinds end in " + known + ")"});
          }
        }
        if (events.entity.empty()) entities.push_back(entity);
      }
      for (const std::string& entity : entities) {
        if (!store_model::EventChangesOfAggregate(entity)) {
          errors.push_back({events.location, "job '" + job.name + "': <subscribe> names entity '" + entity +
                                                 "', which the model does not have (docs/DATA_MODEL.md)"});
        }
      }
      if (events.document && store_model::EventChangesOfAggregate(events.entity) &&
          !store_model::HasEventDocument(events.entity)) {
        std::string known;
        for (const std::string& entity : store_model::EventDocumentEntities()) {
          known += (known.empty() ? "" : ", ") + entity;
        }
        errors.push_back({events.location, "job '" + job.name + "': <subscribe entity=\"" + events.entity +
                                               "\" document=\"true\">: " + events.entity +
                                               " events have no document (documents are composed for " + known + ")"});
      }
    }
  }
}

// Every customer-care job's time zone is one ICU knows.
void CheckCareJobs(const HubSetup& setup, std::vector<config::ConfigError>& errors) {
  for (const config::JobConfig& job : setup.config.jobs) {
    if (job.kind == config::JobKind::kCustomerCare && !care::IsKnownTimeZone(job.care.time_zone)) {
      errors.push_back({job.location, "job '" + job.name + "': timezone '" + job.care.time_zone +
                                          "' is no time zone the hub knows (an IANA name such as Asia/Shanghai, "
                                          "or UTC)"});
    }
  }
}

// A warning per job whose connector and mapping both name the records' id field, differently.
void CheckRecordIds(HubSetup& setup) {
  for (const config::JobConfig& job : setup.config.jobs) {
    const config::ConnectorConfig* connector = setup.config.FindConnector(job.connector);
    auto options = setup.connector_options.find(job.connector);
    if (connector == nullptr || options == setup.connector_options.end()) continue;
    auto plugin = setup.plugins->Find(connector->plugin);
    if (!plugin) continue;
    for (const config::MappingConfig& mapping : job.mappings) {
      auto warning = config::RecordIdWarning(job, mapping, *connector, plugin->description(), options->second);
      if (warning) setup.warnings.push_back(std::move(*warning));
    }
  }
}

}  // namespace

std::vector<plugin_host::PluginFolder> PluginFolders(const config::HubConfig& config) {
  std::vector<plugin_host::PluginFolder> folders;
  for (const std::filesystem::path& dir : config.plugin_dirs) folders.push_back({dir, true});
  if (config.system_plugins) folders.push_back({plugin_host::SystemPluginFolder(), false});
  return folders;
}

HubSetupResult LoadHubSetup(const std::filesystem::path& config_file, const Logger& log) {
  config::ConfigLoadResult loaded = config::LoadConfig(config_file);
  if (!loaded.ok()) return {nullptr, std::move(loaded.errors)};

  auto setup = std::make_shared<HubSetup>();
  setup->config = std::move(*loaded.config);
  sdk::Result<plugin_host::PluginRegistry> plugins =
      plugin_host::PluginRegistry::Load(PluginFolders(setup->config), log);
  if (!plugins.ok()) {
    return {nullptr, {{config::SourceLocation{config_file, 0}, "plugin folder: " + plugins.status().message()}}};
  }
  setup->plugins = std::make_shared<const plugin_host::PluginRegistry>(std::move(plugins).value());

  std::vector<config::ConfigError> errors;
  CheckConnectors(*setup, errors);
  CheckJobCapabilities(*setup, errors);
  CheckSubscriptions(*setup, errors);
  CheckCareJobs(*setup, errors);
  CheckSchedules(*setup, errors);
  ResolveUses(*setup, errors);
  CompileMappings(*setup, errors);
  if (!errors.empty()) return {nullptr, std::move(errors)};
  CheckRecordIds(*setup);
  return {std::move(setup), {}};
}

}  // namespace hub::service
