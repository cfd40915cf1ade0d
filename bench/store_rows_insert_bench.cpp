// The raw multi-row insert of the same rows a first load writes: what the database costs for a first load
// without the sync engine. It reads every record of the given jobs through their own connectors and maps
// them with their own mappings, as `hub sync` would, and builds, outside the timed part, exactly the rows
// the store's bulk path inserts for them: for a party its row, source link, identifiers, phones, e-mail,
// address, data-quality flags and change event (party_rows.hpp); for a record of a generic entity (an
// invoice) its row, source link and change event (entity_rows.hpp), its references resolved to the rows
// written before it. Then it times only writing them as the bulk path writes them (InsertPartyRows,
// InsertNewEntityRows: BatchWriter, default rows per statement) into the real migrated schema, one
// transaction per batch of the job's batch_size records, as the sync commits. No reading, mapping,
// source-link look-up, id reservation, savepoint or checkpoint is timed, nor the statement after a bulk
// insert that points text references of other rows at the new ones (FillAllTextReferences: not an insert).
//
// Usage: bench_store_rows_insert CONFIG JOB...
//   CONFIG: a hub configuration whose store (first connection string) is a database of its own, migrated
//   here and expected empty (ids start at 1); JOBs: its sync jobs, written in the order given (a job's
//   records may refer to an earlier job's). Every record must be a new record of the bulk path: distinct,
//   accepted by the source and the mapping, of an entity the bulk path takes (a party that names no other
//   record as the same customer; a generic entity without extension or natural key), every reference naming
//   a record written before it.
// Prints per job and in total: "<engine>, raw multi-row insert of the same rows[ (job J)]: R records/s (W
// rows/s; ...)".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/odbc/transaction.hpp"
#include "process_cpu.hpp"
#include "service/connector_pool.hpp"
#include "service/hub_setup.hpp"
#include "service/sync_jobs.hpp"
#include "store/model/bulk_entity_writer.hpp"
#include "store/model/bulk_party_writer.hpp"
#include "store/model/entity_behaviour.hpp"
#include "store/model/entity_rows.hpp"
#include "store/model/party_rows.hpp"
#include "store/model/party_same_as.hpp"
#include "store/model/record_json.hpp"
#include "store/model/references.hpp"
#include "store/model/source_links.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "store/schema/migrator.hpp"

namespace {

using hub::sdk::Result;
using hub::sdk::Status;
namespace store_model = hub::store_model;

constexpr std::size_t kTransactionsPerChunk = 20;  // precomputed at a time, to bound memory

// One transaction's rows: the new parties', and each generic entity's, one NewEntityRows per row shape.
struct TransactionRows {
  store_model::PartyTableRows parties;
  std::vector<store_model::NewEntityRows> entities;
};

// What the timed part measured.
struct Totals {
  std::size_t records = 0;
  std::size_t rows = 0;
  double wall_seconds = 0;
  double cpu_seconds = 0;

  Totals& operator+=(const Totals& other) {
    records += other.records;
    rows += other.rows;
    wall_seconds += other.wall_seconds;
    cpu_seconds += other.cpu_seconds;
    return *this;
  }
};

std::size_t RowCount(const TransactionRows& rows) {
  std::size_t count = 0;
  for (const auto& table : rows.parties) count += table.size();
  for (const store_model::NewEntityRows& entity : rows.entities) {
    count += entity.main_rows.size() + entity.link_rows.size() + entity.event_rows.size();
  }
  return count;
}

// Builds the rows of one chunk of transactions of one job, looking references up on `connection` (among
// the rows already written) and among the chunk's own records. Ids continue those given before (the
// store starts empty). Lifetime: one chunk.
class RowBuilder {
 public:
  RowBuilder(hub::odbc::Connection& connection, const hub::sync::mapping::MappingSet& mappings,
             std::string source_system, std::map<std::string, std::int64_t>& next_ids,
             std::set<std::tuple<std::string, std::string, std::string>>& written)
      : links_(connection),
        references_(connection, links_),
        mappings_(mappings),
        source_system_(std::move(source_system)),
        next_ids_(next_ids),
        written_(written) {}

  // The rows of one batch's records.
  Result<TransactionRows> Build(const std::vector<hub::sdk::Record>& records) {
    std::vector<hub::sync::mapping::MappedRecord> mapped;
    mapped.reserve(records.size());
    for (const hub::sdk::Record& record : records) {
      Result<hub::sync::mapping::MappedRecord> one = Map(record);
      if (!one.ok()) return one.status();
      mapped.push_back(std::move(one).value());
    }
    std::vector<const hub::sync::mapping::MappedRecord*> pointers;
    for (const auto& record : mapped) pointers.push_back(&record);
    HUB_RETURN_IF_ERROR(references_.PrefetchLinks(pointers));
    TransactionRows rows;
    for (const auto& record : mapped) HUB_RETURN_IF_ERROR(Add(record, rows));
    return rows;
  }

 private:
  Result<hub::sync::mapping::MappedRecord> Map(const hub::sdk::Record& record) {
    if (!record.rejection.empty()) return Status::InvalidArgument("the source rejects " + record.rejection);
    const hub::sync::mapping::CompiledMapping* mapping = mappings_.For(record.entity);
    if (mapping == nullptr) return Status::InvalidArgument(record.position + ": no mapping for " + record.entity);
    hub::sync::mapping::MappingOutcome outcome = mapping->Apply(record);
    if (!outcome.ok()) return Status::InvalidArgument(outcome.rejection().ToString());
    hub::sync::mapping::MappedRecord mapped = std::move(outcome.record());
    if (mapped.source_system.empty()) mapped.source_system = source_system_;
    if (!written_.emplace(mapped.source_system, mapped.entity->name, mapped.source_id).second) {
      return Status::InvalidArgument(record.position + ": given twice (the sync would update it, not insert it)");
    }
    return mapped;
  }

  std::int64_t NextId(std::string_view table) { return next_ids_.try_emplace(std::string(table), 1).first->second++; }

  Status Add(const hub::sync::mapping::MappedRecord& record, TransactionRows& rows) {
    const std::string where = std::string(record.entity->name) + " " + record.source_id;
    const store_model::EntityBehaviour& behaviour = store_model::BehaviourOf(*record.entity);
    const std::int64_t link_id = NextId("source_links");
    if (behaviour.writer == store_model::WriterKind::kParty) {
      if (store_model::SameAsOf(record)) return Status::InvalidArgument(where + ": names another record as itself");
      Result<hub::sdk::Value> owner = references_.IdValueOf(record, "owner_employee_number");
      if (!owner.ok()) return owner.status().WithContext(where);
      const std::int64_t id = NextId("parties");
      const std::string hash = store_model::ContentHash(record);
      store_model::AppendNewPartyRows(record, id, link_id, hash, *owner, rows.parties);
      links_.Remember(record, store_model::SourceLink{link_id, id, hash, false});
      return Status::Ok();
    }
    if (!store_model::InsertsAloneInBulk(*record.entity)) {
      return Status::InvalidArgument(where + ": its entity has no bulk path");
    }
    Result<store_model::RowValues> row =
        store_model::BuildEntityRow(references_, record, store_model::RowPurpose::kInsert);
    if (!row.ok()) return row.status().WithContext(where);
    if (!store_model::InsertsAsIs(*row)) return Status::InvalidArgument(where + ": not a plain row");
    auto same_shape = std::find_if(rows.entities.begin(), rows.entities.end(), [&](const auto& entity) {
      return entity.main.table == record.entity->table &&
             std::equal(entity.main.columns.begin() + 1, entity.main.columns.end(), row->columns.begin(),
                        row->columns.end());
    });
    if (same_shape == rows.entities.end()) {
      same_shape = rows.entities.insert(rows.entities.end(), store_model::NoNewEntityRows(*record.entity, *row));
    }
    const std::int64_t id = NextId(record.entity->table);
    const std::string hash = store_model::LinkHash(store_model::ContentHash(record), *row);
    store_model::AppendNewEntityRows(record, std::move(row).value(), id, link_id, hash, *same_shape);
    links_.Remember(record, store_model::SourceLink{link_id, id, hash, false});
    return Status::Ok();
  }

  store_model::SourceLinks links_;
  store_model::References references_;
  const hub::sync::mapping::MappingSet& mappings_;
  const std::string source_system_;
  std::map<std::string, std::int64_t>& next_ids_;                         // by table
  std::set<std::tuple<std::string, std::string, std::string>>& written_;  // (system, entity, source id)
};

// Writes one transaction's rows as the sync's bulk path does, and commits.
Status WriteTransaction(hub::odbc::Connection& connection, TransactionRows& rows) {
  auto transaction = hub::odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  Result<hub::odbc::OutboxTurn> turn = hub::odbc::TakeOutboxWriterTurn(connection);
  if (!turn.ok()) return turn.status();
  HUB_RETURN_IF_ERROR(store_model::InsertPartyRows(connection, rows.parties, *turn));
  for (store_model::NewEntityRows& entity : rows.entities) {
    HUB_RETURN_IF_ERROR(store_model::InsertNewEntityRows(connection, entity, *turn));
  }
  return transaction->Commit();
}

// Everything one run needs: the setup, the job's connectors, the store connection, the ids given so far.
struct Bench {
  std::shared_ptr<const hub::service::HubSetup> setup;
  hub::service::ConnectorPool& connectors;
  hub::odbc::Connection& store;
  std::map<std::string, std::int64_t> next_ids;
  std::set<std::tuple<std::string, std::string, std::string>> written;
};

// Reads, builds and writes `job_name`'s records, a chunk of transactions at a time, timing only the writes.
Status RunJob(Bench& bench, const std::string& job_name, Totals& totals) {
  const hub::config::JobConfig* job = hub::service::FindSyncJob(bench.setup->config, job_name);
  if (job == nullptr) return Status::InvalidArgument("no sync job '" + job_name + "'");
  Result<hub::service::PooledConnector*> connector = bench.connectors.Find(job->connector);
  if (!connector.ok()) return connector.status();
  const hub::sync::mapping::MappingSet& mappings = bench.setup->mappings.at(job->name);
  hub::CancellationToken cancel;
  std::string cursor;
  for (bool more = true; more;) {
    RowBuilder builder(bench.store, mappings, job->connector, bench.next_ids, bench.written);
    std::vector<TransactionRows> chunk;
    while (more && chunk.size() < kTransactionsPerChunk) {
      Result<hub::sdk::Batch> batch = (*connector)->ReadBatch(cursor, job->batch_size, cancel);
      if (!batch.ok()) return batch.status();
      more = !batch->end_of_data && !(batch->records.empty() && batch->next_cursor == cursor);
      cursor = batch->next_cursor;
      if (batch->records.empty()) continue;
      Result<TransactionRows> rows = builder.Build(batch->records);
      if (!rows.ok()) return rows.status();
      totals.records += batch->records.size();
      totals.rows += RowCount(*rows);
      chunk.push_back(std::move(rows).value());
    }
    const double cpu_start = hub::bench::ProcessCpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    for (TransactionRows& rows : chunk) HUB_RETURN_IF_ERROR(WriteTransaction(bench.store, rows));
    totals.wall_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    totals.cpu_seconds += hub::bench::ProcessCpuSeconds() - cpu_start;
  }
  return Status::Ok();
}

void Print(const hub::odbc::Connection& store, const std::string& what, const Totals& totals) {
  std::printf(
      "%s, raw multi-row insert of the same rows%s: %.0f records/s (%.0f rows/s; %zu rows of %zu records in %.2f s, "
      "client CPU %.2f s)\n",
      std::string(hub::odbc::DialectName(store.dialect())).c_str(), what.c_str(),
      static_cast<double>(totals.records) / totals.wall_seconds, static_cast<double>(totals.rows) / totals.wall_seconds,
      totals.rows, totals.records, totals.wall_seconds, totals.cpu_seconds);
}

Status Main(const std::string& config_file, const std::vector<std::string>& jobs) {
  hub::service::HubSetupResult loaded = hub::service::LoadHubSetup(config_file, hub::MakeLogger("bench"));
  if (!loaded.ok()) {
    std::string errors;
    for (const hub::config::ConfigError& error : loaded.errors) errors += "\n" + error.ToString();
    return Status::InvalidArgument(config_file + ": not a valid configuration:" + errors);
  }
  auto environment = hub::odbc::Environment::Create();
  if (!environment.ok()) return environment.status();
  auto store = hub::odbc::Connection::Open(*environment, loaded.setup->config.store.connection_strings.at(0));
  if (!store.ok()) return store.status();
  auto migrated = hub::schema::Migrate(**store);
  if (!migrated.ok()) return migrated.status();
  hub::SystemClock clock;
  hub::service::ConnectorPool connectors(loaded.setup, clock);
  Bench bench{loaded.setup, connectors, **store, {}, {}};
  Totals all;
  for (const std::string& job : jobs) {
    Totals totals;
    HUB_RETURN_IF_ERROR(RunJob(bench, job, totals));
    if (jobs.size() > 1) Print(**store, " (job " + job + ")", totals);
    all += totals;
  }
  Print(**store, "", all);
  return Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CONFIG JOB...\n", argv[0]);
    return 2;
  }
  const Status status = Main(argv[1], std::vector<std::string>(argv + 2, argv + argc));
  if (!status.ok()) {
    std::fprintf(stderr, "bench_store_rows_insert: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
