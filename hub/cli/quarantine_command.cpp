#include "cli/quarantine_command.hpp"

#include <cstdlib>

#include "common/time_format.hpp"
#include "config/config_loader.hpp"
#include "service/hub_setup.hpp"
#include "service/match_jobs.hpp"
#include "service/replay_audit.hpp"
#include "service/store_access.hpp"
#include "service/sync_jobs.hpp"
#include "sync/store_sink.hpp"

namespace hub::cli {
namespace {

// A timestamp as the store answered it: ISO 8601 UTC, or the engine's text.
std::string TimeText(const sdk::Value& value) {
  if (value.type() == sdk::ValueType::kTimestamp) {
    return FormatIsoUtc(TimePoint(std::chrono::milliseconds(value.integer())));
  }
  return value.is_null() ? std::string("-") : value.text();
}

std::string EntryLine(const store_model::QuarantineEntry& entry) {
  std::string line = std::to_string(entry.id) + " " + entry.status + " job=" + entry.job + " " + entry.entity + " '" +
                     entry.source_id + "' seen=" + std::to_string(entry.occurrences) +
                     " first=" + TimeText(entry.first_seen) + " last=" + TimeText(entry.last_seen);
  if (!entry.awaits.empty()) line += " waits for " + entry.awaits;
  return line + " " + entry.reason;
}

}  // namespace

std::string OperatorName() {
  for (const char* name : {"SUDO_USER", "USER", "LOGNAME"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return value;
  }
  return "unknown";
}

int ListQuarantine(const std::filesystem::path& config_file, const store_model::QuarantineFilter& filter,
                   std::ostream& out, std::ostream& err) {
  config::ConfigLoadResult loaded = config::LoadConfig(config_file);
  if (!loaded.ok()) {
    for (const config::ConfigError& error : loaded.errors) err << error.ToString() << "\n";
    return 2;
  }
  auto store = service::OpenAndMigrateStore(*loaded.config, 1, MakeLogger("store"));
  sdk::Result<odbc::ConnectionLease> lease =
      store.ok() ? (*store)->Acquire() : sdk::Result<odbc::ConnectionLease>(store.status());
  sdk::Result<std::vector<store_model::QuarantineEntry>> entries =
      lease.ok() ? store_model::SelectQuarantine(lease->get(), filter)
                 : sdk::Result<std::vector<store_model::QuarantineEntry>>(lease.status());
  if (!entries.ok()) {
    err << "hub quarantine list: store: " << entries.status().message() << "\n";
    return 1;
  }
  for (const store_model::QuarantineEntry& entry : *entries) out << EntryLine(entry) << "\n";
  out << entries->size() << (entries->size() == 1 ? " entry" : " entries") << "\n";
  return 0;
}

int ReplayQuarantine(const std::filesystem::path& config_file, const store_model::QuarantineFilter& filter, bool all,
                     const std::string& actor, std::ostream& out, std::ostream& err) {
  if (filter.ToString() == "all" && !all) {
    err << "hub quarantine replay: say which entries (--job, --entity, --status, --reason-contains, --id), or --all\n";
    return 2;
  }
  service::HubSetupResult loaded = service::LoadHubSetup(config_file, MakeLogger("quarantine"));
  if (!loaded.ok()) {
    for (const config::ConfigError& error : loaded.errors) err << error.ToString() << "\n";
    return 2;
  }
  auto store = service::OpenAndMigrateStore(loaded.setup->config, 1, MakeLogger("store"));
  if (!store.ok()) {
    err << "hub quarantine replay: store: " << store.status().message() << "\n";
    return 1;
  }
  sync::StoreSink sink(
      **store, [setup = loaded.setup](std::string_view job) { return service::SinkJobFor(*setup, job); },
      MakeLogger("store"), store_model::WriteRules{loaded.setup->config.leads, nullptr},
      service::ArrivalMatcherFor(loaded.setup->config, MakeLogger("quarantine")));
  sync::ReplayResult result;
  service::ReplayAudit audit(actor, filter);
  const sdk::Status replayed =
      sink.Replay(filter, result, [&audit](odbc::Connection& connection, const sync::ReplayResult& so_far) {
        return audit.Journal(connection, so_far);
      });
  const sdk::Status audited = audit.Finish(**store, result, replayed);
  out << result.counts.ToLine() << "\n"
      << "resolved=" << result.resolved << " released=" << result.counts.released
      << " skipped=" << result.skipped.size() << "\n";
  for (const std::string& skipped : result.skipped) out << "skipped " << skipped << "\n";
  if (!replayed.ok()) {
    err << "hub quarantine replay: " << replayed.ToString() << "\n";
    return 1;
  }
  if (!audited.ok()) {
    err << "hub quarantine replay: writing the audit log: " << audited.ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace hub::cli
