#include "cli/export_command.hpp"

#include <fstream>
#include <system_error>

#include "config/config_loader.hpp"
#include "export/export_kinds.hpp"
#include "service/store_access.hpp"

namespace hub::cli {
namespace {

sdk::Result<std::uint64_t> ExportToFile(odbc::Connection& connection, const exporting::ExportKind& kind,
                                        exporting::ExportFormat format, const exporting::ExportSettings& settings,
                                        const std::filesystem::path& file) {
  const std::filesystem::path partial = file.string() + ".partial";
  sdk::Result<std::uint64_t> rows = sdk::Status::IoError("cannot write " + partial.string());
  {
    std::ofstream stream(partial, std::ios::binary | std::ios::trunc);
    if (stream) rows = exporting::WriteExport(connection, kind, format, stream, settings);
  }
  std::error_code error;
  if (!rows.ok()) {
    std::filesystem::remove(partial, error);
    return rows;
  }
  std::filesystem::rename(partial, file, error);
  if (error) {
    std::string reason = error.message();
    std::filesystem::remove(partial, error);
    return sdk::Status::IoError("renaming " + partial.string() + " to " + file.string() + ": " + reason);
  }
  return rows;
}

}  // namespace

std::string ExportKindList() { return exporting::ExportKindNames(); }

int ExportData(const std::string& kind_name, const std::filesystem::path& config_file, const std::string& format_name,
               const std::filesystem::path& out_file, std::ostream& out, std::ostream& err) {
  const std::string prefix = "hub export " + kind_name + ": ";
  sdk::Result<const exporting::ExportKind*> kind = exporting::FindExportKind(kind_name);
  sdk::Result<exporting::ExportFormat> format = exporting::ParseExportFormat(format_name);
  for (const sdk::Status& status : {kind.status(), format.status()}) {
    if (status.ok()) continue;
    err << prefix << status.message() << "\n";
    return 2;
  }
  config::ConfigLoadResult loaded = config::LoadConfig(config_file);
  if (!loaded.ok()) {
    for (const config::ConfigError& error : loaded.errors) err << error.ToString() << "\n";
    return 2;
  }
  auto store = service::OpenAndMigrateStore(*loaded.config, 1, MakeLogger("store"));
  if (!store.ok()) {
    err << prefix << "store: " << store.status().message() << "\n";
    return 1;
  }
  sdk::Result<odbc::ConnectionLease> lease = (*store)->Acquire();
  if (!lease.ok()) {
    err << prefix << "store: " << lease.status().message() << "\n";
    return 1;
  }
  // The export measures what the service measures: the same configuration's funnel norms.
  const exporting::ExportSettings settings{.funnel_norms = loaded.config->leads.funnel};
  sdk::Result<std::uint64_t> rows = out_file.empty()
                                        ? exporting::WriteExport(lease->get(), **kind, *format, out, settings)
                                        : ExportToFile(lease->get(), **kind, *format, settings, out_file);
  if (!rows.ok()) {
    err << prefix << rows.status().ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace hub::cli
