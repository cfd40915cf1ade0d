// A sync job's source side alone: what reading its records costs without any store. It reads every record of
// the given job through the job's own connector (the plugin, across the plugin boundary, a batch of the job's
// batch_size at a time, as `hub sync` reads) and maps each with the job's own mapping, timing the two apart.
// Nothing is written anywhere and no checkpoint is kept: it is the ceiling of a sync whose store path has no
// bulk insert to measure instead (bench/hr_sync.sh: the hr connector's employees).
//
// Usage: bench_connector_read CONFIG JOB
// Prints "<job>, read through the connector: R records/s (...)" and "<job>, read and mapped, no store: R
// records/s (...)", the records counted including those the source or the mapping rejects (counted apart).
#include <chrono>
#include <cstdio>
#include <string>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "process_cpu.hpp"
#include "service/connector_pool.hpp"
#include "service/hub_setup.hpp"
#include "service/sync_jobs.hpp"

namespace {

using hub::sdk::Result;
using hub::sdk::Status;

// Wall and CPU time of one stage, summed over the batches.
struct StageTime {
  double wall_seconds = 0;
  double cpu_seconds = 0;
};

// Runs `stage` and adds its wall and CPU time to `time`.
template <typename Stage>
auto Timed(StageTime& time, Stage&& stage) {
  const double cpu_start = hub::bench::ProcessCpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  auto result = stage();
  time.wall_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  time.cpu_seconds += hub::bench::ProcessCpuSeconds() - cpu_start;
  return result;
}

void Print(const std::string& job, const char* what, std::size_t records, const StageTime& time, std::size_t rejected) {
  std::printf("%s, %s: %.0f records/s (%zu records in %.2f s, CPU %.2f s; %zu rejected)\n", job.c_str(), what,
              static_cast<double>(records) / time.wall_seconds, records, time.wall_seconds, time.cpu_seconds, rejected);
}

Status Main(const std::string& config_file, const std::string& job_name) {
  hub::service::HubSetupResult loaded = hub::service::LoadHubSetup(config_file, hub::MakeLogger("bench"));
  if (!loaded.ok()) {
    std::string errors;
    for (const hub::config::ConfigError& error : loaded.errors) errors += "\n" + error.ToString();
    return Status::InvalidArgument(config_file + ": not a valid configuration:" + errors);
  }
  const hub::config::JobConfig* job = hub::service::FindSyncJob(loaded.setup->config, job_name);
  if (job == nullptr) return Status::InvalidArgument("no sync job '" + job_name + "'");
  hub::SystemClock clock;
  hub::service::ConnectorPool connectors(loaded.setup, clock);
  Result<hub::service::PooledConnector*> connector = connectors.Find(job->connector);
  if (!connector.ok()) return connector.status();
  const hub::sync::mapping::MappingSet& mappings = loaded.setup->mappings.at(job->name);
  hub::CancellationToken cancel;
  std::string cursor;
  std::size_t records = 0, rejected_by_source = 0, rejected_by_mapping = 0;
  StageTime reading, mapping;
  for (bool more = true; more;) {
    Result<hub::sdk::Batch> batch =
        Timed(reading, [&] { return (*connector)->ReadBatch(cursor, job->batch_size, cancel); });
    if (!batch.ok()) return batch.status();
    more = !batch->end_of_data && !(batch->records.empty() && batch->next_cursor == cursor);
    cursor = batch->next_cursor;
    records += batch->records.size();
    rejected_by_mapping += Timed(mapping, [&] {
      std::size_t rejected = 0;
      for (const hub::sdk::Record& record : batch->records) {
        if (!record.rejection.empty()) continue;
        const hub::sync::mapping::CompiledMapping* compiled = mappings.For(record.entity);
        if (compiled == nullptr || !compiled->Apply(record).ok()) ++rejected;
      }
      return rejected;
    });
    for (const hub::sdk::Record& record : batch->records) rejected_by_source += record.rejection.empty() ? 0 : 1;
  }
  Print(job_name, "read through the connector", records, reading, rejected_by_source);
  const StageTime both{reading.wall_seconds + mapping.wall_seconds, reading.cpu_seconds + mapping.cpu_seconds};
  Print(job_name, "read and mapped, no store", records, both, rejected_by_source + rejected_by_mapping);
  return Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s CONFIG JOB\n", argv[0]);
    return 2;
  }
  const Status status = Main(argv[1], argv[2]);
  if (!status.ok()) {
    std::fprintf(stderr, "bench_connector_read: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
