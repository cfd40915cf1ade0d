// The raw multi-row insert of the same rows a first load writes: what the database costs for a first load
// without the sync engine. For every record of a job's CSV it precomputes, outside the timed part, exactly
// the rows the sync's bulk path would insert (party, source link, identifiers, phones, e-mail, address,
// change event: party_rows.hpp, through the job's own mapping), then times only writing them as the bulk
// path writes them (InsertPartyRows: BatchWriter, default rows per statement) into the real migrated
// schema, one transaction per batch of the job's batch_size records, as the sync commits. No reading, mapping,
// source-link look-up, id reservation, savepoint or checkpoint is timed.
//
// Usage: bench_party_rows_insert CONFIG JOB
//   CONFIG: a hub configuration whose store (first connection string) is a database of its own, migrated
//   here and expected empty (ids start at 1); JOB: a job mapping `party` records from a `file` connector
//   whose <path> is a CSV with a header and no quoted fields (bench/sync_throughput.sh's generated file).
// Prints one line: "<engine>, raw multi-row insert of the same rows: R records/s (W rows/s; ...)".
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "config/config_loader.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/odbc/transaction.hpp"
#include "store/model/bulk_party_writer.hpp"
#include "store/model/party_rows.hpp"
#include "store/model/record_json.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "store/schema/migrator.hpp"
#include "sync/mapping/compiled_mapping.hpp"

namespace {

using hub::sdk::Result;
using hub::sdk::Status;
using hub::store_model::PartyTableRows;

constexpr std::size_t kTransactionsPerChunk = 20;  // precomputed at a time, to bound memory

// What the benchmark needs from the configuration.
struct Setup {
  std::string connection_string;
  std::string csv_path;
  std::string source_system;  // the connector's name, as the sink uses it
  std::size_t batch_size = 0;
  hub::sync::mapping::CompiledMapping mapping;
};

Result<Setup> LoadSetup(const std::string& file, const std::string& job_name) {
  hub::config::ConfigLoadResult loaded = hub::config::LoadConfig(file);
  if (!loaded.ok()) return Status::InvalidArgument(file + ": not a valid configuration");
  const hub::config::HubConfig& config = *loaded.config;
  for (const hub::config::JobConfig& job : config.jobs) {
    if (job.name != job_name) continue;
    auto mapping = hub::sync::mapping::CompiledMapping::Compile(job.mappings.at(0), config.code_tables);
    if (!mapping.ok()) return mapping.status();
    std::string path;
    for (const auto& connector : config.connectors) {
      for (const auto& option : connector.options) {
        if (connector.name == job.connector && option.name == "path") path = option.value;
      }
    }
    return Setup{config.store.connection_strings.at(0), path, job.connector, job.batch_size,
                 std::move(mapping).value()};
  }
  return Status::InvalidArgument(file + ": no job '" + job_name + "' with a mapping");
}

std::vector<std::string> SplitFields(const std::string& line) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

// Reads up to `count` records (fewer at the end of the file), as the file connector would give them.
std::vector<hub::sdk::Record> ReadRecords(std::ifstream& csv, const std::vector<std::string>& header,
                                          std::size_t count) {
  std::vector<hub::sdk::Record> records;
  std::string line;
  while (records.size() < count && std::getline(csv, line)) {
    const std::vector<std::string> values = SplitFields(line);
    hub::sdk::Record& record = records.emplace_back();
    for (std::size_t i = 0; i < header.size() && i < values.size(); ++i) {
      record.Set(header[i], hub::sdk::Value::String(values[i]));
    }
  }
  return records;
}

// The rows of one transaction's records, with ids continuing from `next_id`.
Result<hub::store_model::PartyTableRows> BuildRows(const Setup& setup, const std::vector<hub::sdk::Record>& records,
                                                   std::int64_t& next_id, std::size_t& row_count) {
  hub::store_model::PartyTableRows rows;
  for (const hub::sdk::Record& record : records) {
    hub::sync::mapping::MappingOutcome outcome = setup.mapping.Apply(record);
    if (!outcome.ok()) return Status::InvalidArgument(outcome.rejection().ToString());
    hub::sync::mapping::MappedRecord& mapped = outcome.record();
    if (mapped.source_system.empty()) mapped.source_system = setup.source_system;
    const std::int64_t id = next_id++;
    hub::store_model::AppendNewPartyRows(mapped, id, id, hub::store_model::ContentHash(mapped), hub::sdk::Value::Null(),
                                         rows);
  }
  for (const auto& table : rows) row_count += table.size();
  return rows;
}

// Writes one transaction's rows as the sync's bulk path does, and commits.
Status WriteTransaction(hub::odbc::Connection& connection, hub::store_model::PartyTableRows& rows) {
  auto transaction = hub::odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  Result<hub::odbc::OutboxTurn> turn = hub::odbc::TakeOutboxWriterTurn(connection);
  if (!turn.ok()) return turn.status();
  HUB_RETURN_IF_ERROR(hub::store_model::InsertPartyRows(connection, rows, *turn));
  return transaction->Commit();
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// What the timed part measured.
struct Totals {
  std::size_t records = 0;
  std::size_t rows = 0;
  double wall_seconds = 0;
  double cpu_seconds = 0;
};

// Precomputes a chunk of transactions, then times writing them; until the file ends.
Status Run(const Setup& setup, hub::odbc::Connection& connection, Totals& totals) {
  std::ifstream csv(setup.csv_path);
  std::string header_line;
  if (!std::getline(csv, header_line)) return Status::InvalidArgument(setup.csv_path + ": no header");
  const std::vector<std::string> header = SplitFields(header_line);
  std::int64_t next_id = 1;
  for (bool more = true; more;) {
    std::vector<hub::store_model::PartyTableRows> chunk;
    while (more && chunk.size() < kTransactionsPerChunk) {
      const std::vector<hub::sdk::Record> records = ReadRecords(csv, header, setup.batch_size);
      more = records.size() == setup.batch_size;
      if (records.empty()) break;
      totals.records += records.size();
      auto rows = BuildRows(setup, records, next_id, totals.rows);
      if (!rows.ok()) return rows.status();
      chunk.push_back(std::move(rows).value());
    }
    const double cpu_start = CpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    for (hub::store_model::PartyTableRows& rows : chunk) HUB_RETURN_IF_ERROR(WriteTransaction(connection, rows));
    totals.wall_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    totals.cpu_seconds += CpuSeconds() - cpu_start;
  }
  return Status::Ok();
}

Status Main(const std::string& config_file, const std::string& job) {
  auto setup = LoadSetup(config_file, job);
  if (!setup.ok()) return setup.status();
  auto environment = hub::odbc::Environment::Create();
  if (!environment.ok()) return environment.status();
  auto connection = hub::odbc::Connection::Open(*environment, setup->connection_string);
  if (!connection.ok()) return connection.status();
  auto migrated = hub::schema::Migrate(**connection);
  if (!migrated.ok()) return migrated.status();
  Totals totals;
  HUB_RETURN_IF_ERROR(Run(*setup, **connection, totals));
  std::printf(
      "%s, raw multi-row insert of the same rows: %.0f records/s (%.0f rows/s; %zu rows of %zu records in %.2f s, "
      "client CPU %.2f s)\n",
      std::string(hub::odbc::DialectName((*connection)->dialect())).c_str(),
      static_cast<double>(totals.records) / totals.wall_seconds, static_cast<double>(totals.rows) / totals.wall_seconds,
      totals.rows, totals.records, totals.wall_seconds, totals.cpu_seconds);
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
    std::fprintf(stderr, "bench_party_rows_insert: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
