// The `hub` command: the only place that writes to stdout and stderr directly.
#include <unistd.h>

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/db_commands.hpp"
#include "cli/export_command.hpp"
#include "common/logging.hpp"
#include "service/service.hpp"

namespace {

constexpr int kBadUsage = 2;

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Hub: connects departmental systems into one customer model.", "hub"};
  app.set_version_flag("--version", hub::cli::VersionLine());
  app.require_subcommand(1);
  std::string config_file;
  auto add_config = [&config_file](CLI::App* command) {
    command->add_option("--config", config_file, "the configuration file (XML)")->required();
  };

  CLI::App* run = app.add_subcommand("run", "run the service: sync jobs on schedule, serve the API");
  CLI::App* check = app.add_subcommand("check-config", "validate the configuration and the plugins it names");
  CLI::App* plugins = app.add_subcommand("plugins", "list the plugins of the plugin folder and their status");
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
  for (CLI::App* command : {run, check, plugins, sync, migrate, export_data}) add_config(command);

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
  if (*check) return hub::cli::CheckConfig(config_file, std::cout, std::cerr);
  if (*plugins) return hub::cli::ListPlugins(config_file, std::cout, std::cerr);
  if (*migrate) return hub::cli::MigrateStore(config_file, std::cout, std::cerr);
  if (*export_data) return hub::cli::ExportData(kind, config_file, format, out_file, std::cout, std::cerr);
  return hub::cli::SyncOnce(job, config_file, full, isatty(STDERR_FILENO) != 0, std::cout, std::cerr);
}
