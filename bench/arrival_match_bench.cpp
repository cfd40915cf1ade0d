// One party matched on arrival against the store: each record of a CSV (bench/customers_csv.py's columns) is
// stored as a sync batch of its own through the store sink of a sync job — alternately through a sink that
// matches on arrival (the configuration's match job; its run must have kept a model in the store) and through
// one that does not — and each batch's wall time is taken. Prints p50/p99/max of both and of their difference at
// each percentile, which is what matching one party on arrival costs (its keys written, its candidates read
// through the index, its pairs decided and written, its golden record joined) — in wall time and in the CPU
// time of the thread that stores (the sink works on the caller's thread; steadier on a shared machine).
//
// Usage: bench_arrival_match CONFIG JOB CSV
//   CONFIG: a hub configuration whose store holds the parties to match against and whose match job kept a model;
//   JOB: its sync job mapping the CSV's columns (bench/customers_job.sh's `customers`); CSV: the records, each
//   a new source record (a new id), half of them, say, repeating an existing customer's content.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/logging.hpp"
#include "process_cpu.hpp"
#include "service/hub_setup.hpp"
#include "service/match_jobs.hpp"
#include "service/store_access.hpp"
#include "service/sync_jobs.hpp"
#include "sync/store_sink.hpp"

namespace {

using hub::sdk::Record;
using hub::sdk::Value;

// The CSV's records: its header names the fields, every row one record (no quoting: the generated file has none).
std::vector<Record> ReadRecords(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> header;
  std::vector<Record> records;
  for (std::size_t row = 0; std::getline(in, line); ++row) {
    std::vector<std::string> cells;
    std::stringstream split(line);
    for (std::string cell; std::getline(split, cell, ',');) cells.push_back(cell);
    if (row == 0) {
      header = cells;
      continue;
    }
    Record record;
    record.entity = "party";
    record.source_id = cells.at(0);
    record.position = path + ":" + std::to_string(row + 1);
    for (std::size_t i = 0; i < cells.size() && i < header.size(); ++i) record.Set(header[i], Value::String(cells[i]));
    records.push_back(std::move(record));
  }
  return records;
}

double Percentile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(share * static_cast<double>(values.size())))];
}

// Per batch: wall and thread CPU microseconds.
struct Times {
  std::vector<double> wall;
  std::vector<double> cpu;
};

void Print(const char* label, const Times& times) {
  std::printf("%s: wall p50 %.0f us, p99 %.0f us, max %.0f us; CPU p50 %.0f us, p99 %.0f us (%zu batches)\n", label,
              Percentile(times.wall, 0.5), Percentile(times.wall, 0.99), Percentile(times.wall, 1.0),
              Percentile(times.cpu, 0.5), Percentile(times.cpu, 0.99), times.wall.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: bench_arrival_match CONFIG JOB CSV\n");
    return 2;
  }
  hub::service::HubSetupResult loaded = hub::service::LoadHubSetup(argv[1], hub::MakeLogger("bench"));
  if (!loaded.ok()) {
    for (const auto& error : loaded.errors) std::fprintf(stderr, "%s\n", error.ToString().c_str());
    return 2;
  }
  auto store = hub::service::OpenAndMigrateStore(loaded.setup->config, 1, hub::MakeLogger("store"));
  if (!store.ok()) {
    std::fprintf(stderr, "store: %s\n", store.status().ToString().c_str());
    return 1;
  }
  const std::string job = argv[2];
  const auto jobs = [setup = loaded.setup](std::string_view name) { return hub::service::SinkJobFor(*setup, name); };
  auto arrivals = hub::service::ArrivalMatcherFor(loaded.setup->config, hub::MakeLogger("bench"));
  if (arrivals == nullptr) {
    std::fprintf(stderr, "the configuration has no match job with on_arrival\n");
    return 2;
  }
  hub::sync::StoreSink matching(**store, jobs, hub::MakeLogger("store"), {}, arrivals);
  hub::sync::StoreSink plain(**store, jobs, hub::MakeLogger("store"), {});
  Times with, without;
  std::uint64_t matched = 0, linked = 0;
  const std::vector<Record> records = ReadRecords(argv[3]);
  for (std::size_t i = 0; i < records.size(); ++i) {
    hub::sync::StoreSink& sink = i % 2 == 0 ? matching : plain;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = hub::bench::ThreadCpuSeconds();
    auto counts = sink.Apply(job, {records[i]}, "bench-" + std::to_string(i));
    const double cpu = (hub::bench::ThreadCpuSeconds() - cpu_start) * 1e6;
    const double micros = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    if (!counts.ok()) {
      std::fprintf(stderr, "%s: %s\n", records[i].position.c_str(), counts.status().ToString().c_str());
      return 1;
    }
    matched += counts->matched_on_arrival;
    linked += counts->linked_on_arrival;
    Times& times = i % 2 == 0 ? with : without;
    times.wall.push_back(micros);
    times.cpu.push_back(cpu);
  }
  std::printf("%s, %zu one-record batches of job %s (%llu matched on arrival, %llu pairs linked)\n",
              std::string(hub::odbc::DialectName((*store)->dialect())).c_str(), records.size(), job.c_str(),
              static_cast<unsigned long long>(matched), static_cast<unsigned long long>(linked));
  Print("  with matching on arrival", with);
  Print("  without", without);
  std::printf(
      "  matching on arrival itself (the difference): wall p50 %.0f us, p99 %.0f us; CPU p50 %.0f us, p99 %.0f us\n",
      Percentile(with.wall, 0.5) - Percentile(without.wall, 0.5),
      Percentile(with.wall, 0.99) - Percentile(without.wall, 0.99),
      Percentile(with.cpu, 0.5) - Percentile(without.cpu, 0.5),
      Percentile(with.cpu, 0.99) - Percentile(without.cpu, 0.99));
  return 0;
}
