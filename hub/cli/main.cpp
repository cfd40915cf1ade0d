// The `hub` command: the only place that writes to stdout and stderr directly.
#include <unistd.h>

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/db_commands.hpp"
#include "cli/deliveries_command.hpp"
#include "cli/export_command.hpp"
#include "cli/quarantine_command.hpp"
#include "common/logging.hpp"
#include "service/service.hpp"
#include "store/odbc/embedded_sqlite.hpp"

namespace {

constexpr int kBadUsage = 2;

}  // namespace

int main(int argc, char** argv) {
  hub::odbc::ConfigureEmbeddedSqlite();
  CLI::App app{"Hub: connects departmental systems into one customer model.", "hub"};
  app.set_version_flag("--version", hub::cli::VersionLine());
  app.require_subcommand(1);
  std::string config_file;
  auto add_config = [&config_file](CLI::App* command) {
    command->add_option("--config", config_file, "the configuration file (XML)")->required();
  };

  CLI::App* run = app.add_subcommand("run", "run the service: sync jobs on schedule, serve the API");
  CLI::App* check = app.add_subcommand("check-config", "validate the configuration and the plugins it names");
  bool show_mappings = false;
  check->add_flag("--mappings", show_mappings,
                  "also print each sync job's mappings as the hub applies them (use= resolved, overrides applied)");
  CLI::App* plugins = app.add_subcommand("plugins", "list the plugins of the plugin folder and their status");
  std::string mapping_name;
  plugins->add_option("--mappings", mapping_name,
                      "print the default mapping NAME the plugins declare, as they ship it");
  CLI::App* sync = app.add_subcommand("sync", "run one sync job once and print its counts");
  std::string job;
  bool full = false;
  sync->add_option("JOB", job, "the job's name in the configuration")->required();
  sync->add_flag("--full", full, "ignore the checkpoint and read the source from the beginning");
  CLI::App* db = app.add_subcommand("db", "manage the store's database");
  db->require_subcommand(1);
  CLI::App* migrate = db->add_subcommand("migrate", "create or upgrade the store's schema (idempotent)");
  CLI::App* export_data = app.add_subcommand("export", "write the store's data as CSV or JSON");
  std::string kind;
  std::string format = "csv";
  std::string out_file;
  export_data->add_option("KIND", kind, hub::cli::ExportKindList())->required();
  export_data->add_option("--format", format, "csv (default) or json");
  export_data->add_option("--out", out_file, "the file to write (default: standard output)");
  CLI::App* quarantine = app.add_subcommand("quarantine", "the records kept aside: list them, replay them");
  quarantine->require_subcommand(1);
  CLI::App* list = quarantine->add_subcommand("list", "one line a quarantine entry still open or pending");
  CLI::App* replay =
      quarantine->add_subcommand("replay", "store again the entries selected, with their jobs' current mappings");
  hub::store_model::QuarantineFilter filter;
  std::int64_t entry_id = 0;
  bool replay_all = false;
  std::string actor = hub::cli::OperatorName();
  for (CLI::App* command : {list, replay}) {
    command->add_option("--job", filter.job, "only this job's entries");
    command->add_option("--entity", filter.entity, "only entries of this model entity (order, party, ...)");
    command->add_option("--status", filter.status, "only open or only pending entries")
        ->check(CLI::IsMember({"open", "pending"}));
    command->add_option("--reason-contains", filter.reason_contains, "only entries whose reason contains this text");
    command->add_option("--id", entry_id, "only this entry (its quarantine id)")->check(CLI::PositiveNumber);
  }
  replay->add_flag("--all", replay_all, "replay every open and pending entry (needed when no filter is given)");
  replay->add_option("--actor", actor, "who replays, for the audit log (default: the login name)");
  CLI::App* deliveries =
      app.add_subcommand("deliveries", "event delivery: where subscribers stand, their dead letters, replays");
  deliveries->require_subcommand(1);
  CLI::App* deliveries_list =
      deliveries->add_subcommand("list", "one line a delivery job: position, events behind, dead letters");
  CLI::App* dead = deliveries->add_subcommand("dead", "the open dead letters of a subscriber");
  CLI::App* redeliver =
      deliveries->add_subcommand("replay", "deliver a subscriber's dead letters again, at its next run");
  std::string subscriber;
  std::size_t dead_limit = 100;
  std::vector<std::string> event_ids;
  bool redeliver_all = false;
  for (CLI::App* command : {dead, redeliver}) {
    command->add_option("SUBSCRIBER", subscriber, "the delivery job's name")->required();
  }
  dead->add_option("--limit", dead_limit, "at most this many (default 100)")->check(CLI::Range(1, 100000));
  redeliver->add_option("--event", event_ids, "the event id of a dead letter to replay (any number)");
  redeliver->add_flag("--all", redeliver_all, "replay every open dead letter of the subscriber");
  redeliver->add_option("--actor", actor, "who replays, for the audit log (default: the login name)");
  for (CLI::App* command :
       {run, check, plugins, sync, migrate, export_data, list, replay, deliveries_list, dead, redeliver}) {
    add_config(command);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kBadUsage;
  }

  if (*run) return hub::service::RunService(config_file, std::cerr);
  // One-shot commands print their result; only warnings and errors are worth a log line beside it.
  hub::ConfigureLogging(hub::LogSettings{spdlog::level::warn, hub::LogFormat::kText, ""});
  if (*check) return hub::cli::CheckConfig(config_file, show_mappings, std::cout, std::cerr);
  if (*plugins && !mapping_name.empty())
    return hub::cli::PrintDefaultMapping(config_file, mapping_name, std::cout, std::cerr);
  if (*plugins) return hub::cli::ListPlugins(config_file, std::cout, std::cerr);
  if (*migrate) return hub::cli::MigrateStore(config_file, std::cout, std::cerr);
  if (*export_data) return hub::cli::ExportData(kind, config_file, format, out_file, std::cout, std::cerr);
  if (entry_id != 0) filter.id = entry_id;
  if (*list) return hub::cli::ListQuarantine(config_file, filter, std::cout, std::cerr);
  if (*replay) return hub::cli::ReplayQuarantine(config_file, filter, replay_all, actor, std::cout, std::cerr);
  if (*deliveries_list) return hub::cli::DeliveriesList(config_file, std::cout, std::cerr);
  if (*dead) return hub::cli::DeliveriesDead(config_file, subscriber, dead_limit, std::cout, std::cerr);
  if (*redeliver) {
    return hub::cli::DeliveriesReplay(config_file, subscriber, event_ids, redeliver_all, actor, std::cout, std::cerr);
  }
  return hub::cli::SyncOnce(job, config_file, full, isatty(STDERR_FILENO) != 0, std::cout, std::cerr);
}
