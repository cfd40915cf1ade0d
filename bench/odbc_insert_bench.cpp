// The raw multi-row ODBC insert rate on both shipped drivers, through hub::odbc::BatchWriter: customer-
// shaped rows (8 columns, Chinese names), one transaction of kRowsPerIteration rows per iteration, for a
// range of rows per statement (1 = one prepared single-row INSERT per row, the baseline). Also the upsert
// path (ON CONFLICT DO UPDATE over existing rows). PostgreSQL comes from HUB_TEST_PG_ODBC (skipped with
// an error when unset); SQLite is a file in the temporary folder. See docs/BENCHMARKS.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/transaction.hpp"
#include "store/odbc/batch_writer.hpp"

namespace {

using hub::odbc::BatchSpec;
using hub::odbc::BatchWriter;
using hub::odbc::Connection;
using hub::sdk::Value;

constexpr int kSqlite = 0;
constexpr int kPostgres = 1;
constexpr int kRowsPerIteration = 20000;
constexpr const char* kUpsert =
    "ON CONFLICT (source_system, source_id) DO UPDATE SET name = excluded.name, city = excluded.city, "
    "phone = excluded.phone, email = excluded.email, credit_limit = excluded.credit_limit, "
    "updated_at = excluded.updated_at";

std::string TableName() { return std::string("bench_odbc_insert_").append(std::to_string(::getpid())); }

std::string SqlitePath() {
  return (std::filesystem::temp_directory_path() / ("hub_odbc_bench_" + std::to_string(::getpid()) + ".db")).string();
}

std::string ConnectionString(int backend) {
  if (backend == kSqlite) return std::string("Driver=SQLite3;Database=").append(SqlitePath()).append(";");
  const char* postgres = std::getenv("HUB_TEST_PG_ODBC");
  return postgres == nullptr ? std::string() : std::string(postgres);
}

// One connection per backend for the whole run, with the benchmark table created.
hub::sdk::Result<Connection*> Open(int backend) {
  static std::map<int, std::unique_ptr<Connection>> connections;
  if (auto found = connections.find(backend); found != connections.end()) return found->second.get();
  const std::string connection_string = ConnectionString(backend);
  if (connection_string.empty()) {
    return hub::sdk::Status::InvalidArgument(
        "HUB_TEST_PG_ODBC is not set (source scripts/lib/test_servers.sh && start_postgres)");
  }
  auto environment = hub::odbc::Environment::Create();
  if (!environment.ok()) return environment.status();
  auto connection = Connection::Open(*environment, connection_string);
  if (!connection.ok()) return connection.status();
  HUB_RETURN_IF_ERROR(
      (*connection)
          ->ExecuteDirect(
              "CREATE TABLE " + TableName() +
              " (source_system TEXT NOT NULL, source_id TEXT NOT NULL, name TEXT, city TEXT, phone TEXT, email TEXT, "
              "credit_limit NUMERIC(18,2), updated_at TIMESTAMP, PRIMARY KEY (source_system, source_id))"));
  return (connections[backend] = std::move(*connection)).get();
}

std::vector<Value> CustomerRow(int i, const std::string& name_prefix) {
  const std::string number = std::to_string(i);
  return {Value::String("crm"),
          Value::String(std::string("C").append(number)),
          Value::String(std::string(name_prefix).append("上海华腾贸易有限公司 ").append(number)),
          Value::String("上海"),
          Value::String(std::string("+86 21 5080 ").append(std::to_string(1000 + i % 9000))),
          Value::String(std::string("sales").append(number).append("@huateng.example.cn")),
          Value::Decimal("250000.00"),
          Value::Timestamp(1714567890123 + i)};
}

// Writes kRowsPerIteration rows in one transaction.
hub::sdk::Status WriteRows(Connection& connection, BatchSpec spec, const std::string& name_prefix) {
  auto writer = BatchWriter::Create(connection, std::move(spec));
  if (!writer.ok()) return writer.status();
  auto transaction = hub::odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  for (int i = 0; i < kRowsPerIteration; ++i) HUB_RETURN_IF_ERROR(writer->Add(CustomerRow(i, name_prefix)));
  HUB_RETURN_IF_ERROR(writer->Flush());
  return transaction->Commit();
}

BatchSpec Spec(std::int64_t rows_per_statement, std::string conflict_clause) {
  return BatchSpec{TableName(),
                   {"source_system", "source_id", "name", "city", "phone", "email", "credit_limit", "updated_at"},
                   std::move(conflict_clause),
                   static_cast<std::size_t>(rows_per_statement)};
}

void SetRate(benchmark::State& state) {
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * kRowsPerIteration, benchmark::Counter::kIsRate);
}

// Inserts into an emptied table.
void BM_Insert(benchmark::State& state, int backend, int rows_per_statement) {
  hub::sdk::Result<Connection*> opened = Open(backend);
  if (!opened.ok()) return state.SkipWithError(opened.status().ToString().c_str());
  Connection* connection = *opened;
  for (auto _ : state) {
    state.PauseTiming();
    const hub::sdk::Status cleared = connection->ExecuteDirect("DELETE FROM " + TableName());
    state.ResumeTiming();
    hub::sdk::Status written = cleared.ok() ? WriteRows(*connection, Spec(rows_per_statement, ""), "") : cleared;
    if (!written.ok()) return state.SkipWithError(written.ToString().c_str());
  }
  SetRate(state);
}

// Every row exists already: the conflict clause updates each one.
void BM_Upsert(benchmark::State& state, int backend, int rows_per_statement) {
  hub::sdk::Result<Connection*> opened = Open(backend);
  if (!opened.ok()) return state.SkipWithError(opened.status().ToString().c_str());
  Connection* connection = *opened;
  hub::sdk::Status seeded = WriteRows(*connection, Spec(0, kUpsert), "seed ");
  if (!seeded.ok()) return state.SkipWithError(seeded.ToString().c_str());
  int round = 0;
  for (auto _ : state) {
    const std::string prefix = std::string("round ").append(std::to_string(++round)).append(" ");
    hub::sdk::Status written = WriteRows(*connection, Spec(rows_per_statement, kUpsert), prefix);
    if (!written.ok()) return state.SkipWithError(written.ToString().c_str());
  }
  SetRate(state);
}

// Names like "insert/postgresql/rows_per_statement:250". 900 rows of 8 columns stay under the 7498
// parameters of PostgreSQL's VALUES rows; its array form (one parameter per column) also goes to 1000 and 2000.
void RegisterAll() {
  for (int backend : {kSqlite, kPostgres}) {
    const std::string database = backend == kSqlite ? "sqlite" : "postgresql";
    std::vector<int> row_counts = {1, 10, 100, 250, 500, 900};
    if (backend == kPostgres) row_counts.insert(row_counts.end(), {1000, 2000});
    for (int rows : row_counts) {
      const std::string name =
          std::string("insert/").append(database).append("/rows_per_statement:").append(std::to_string(rows));
      benchmark::RegisterBenchmark(name.c_str(), BM_Insert, backend, rows)
          ->UseRealTime()
          ->Unit(benchmark::kMillisecond);
    }
    const std::string name = std::string("upsert/")
                                 .append(database)
                                 .append("/rows_per_statement:default(")
                                 .append(std::to_string(BatchWriter::kDefaultRowsPerStatement))
                                 .append(")");
    benchmark::RegisterBenchmark(name.c_str(), BM_Upsert, backend, 0)->UseRealTime()->Unit(benchmark::kMillisecond);
  }
}

// Removes the SQLite file; the PostgreSQL table goes with the throwaway test cluster.
struct RemoveSqliteFile {
  ~RemoveSqliteFile() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(SqlitePath() + suffix, ignored);
  }
} remove_sqlite_file;

}  // namespace

int main(int argc, char** argv) {
  RegisterAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
