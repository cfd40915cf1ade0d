// The BatchSink over the store: each batch's records, quarantine rows, change events and the job's
// checkpoint committed in one transaction.
#ifndef HUB_SYNC_STORE_SINK_HPP_
#define HUB_SYNC_STORE_SINK_HPP_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/logging.hpp"
#include "store/model/party_arrivals.hpp"
#include "store/model/quarantine_query.hpp"
#include "store/model/write_rules.hpp"
#include "store/odbc/database.hpp"
#include "sync/batch_sink.hpp"
#include "sync/mapping/compiled_mapping.hpp"
#include "sync/mapping/mapping_set.hpp"

namespace hub::sync {

// What the sink needs to know about a job: its mappings, which every job has (Apply refuses a batch
// whose job has none: its records would be stored nowhere), and the source system its records belong to
// when neither the mapping (a source_system field) nor the connector says (the connector instance's name).
// A record of an entity the job has no mapping for is quarantined ("no <mapping> for entity 'x' in job 'y'").
struct SinkJob {
  mapping::MappingSet mappings;
  std::string source_system;
};

// What an operator's replay did: the records stored again, counted as a sync counts them (read: the
// entries replayed; released: pending records they let through), the entries it resolved, and the entries
// it could not replay, each "entry N: why".
struct ReplayResult {
  SyncCounts counts;
  std::uint64_t resolved = 0;
  std::vector<std::string> skipped;
};

// Written into each transaction of a replay just before it commits, with what the replay has done so far,
// that transaction included: what it writes commits or rolls back with the records (the operator's audit
// row, so that no committed replay goes unaudited, whenever the process stops). An error rolls that
// transaction back and ends the replay with it.
using ReplayJournal = std::function<sdk::Status(odbc::Connection& connection, const ReplayResult& so_far)>;

struct JobContext;  // the job a record is stored for (batch_applier.hpp)

// Stores batches in the unified model over ODBC.
//
// Apply runs in one transaction: every record is mapped by its job's mapping of its entity (a failure, or a
// record of an entity the job does not map, is quarantined with the record's position and reason), written by the
// entity's writer inside a savepoint (a record the database refuses — a constraint, a value too long — is rolled back
// alone and quarantined with the driver's message), and the job's cursor is upserted into sync_cursors before the
// commit. So the checkpoint moves exactly when the batch's data is durable: a kill at any moment resumes without loss
// or duplicates. Records the connector rejected are quarantined with their raw content. `party` records are written by
// PartyWriter, every other entity by EntityWriter; a record that refers to a record not in the store is
// tried again after the rest of the batch when it refers to its own entity (an employee listed before
// their manager), then kept as pending, naming the record it waits for. Quarantine entries are one per
// record and reason, counted again on each re-read (QuarantineBook). After its own records, the batch
// stores the pending records — of any job, mapped with their own job's mapping — that waited for a record
// it stored, and marks their entries resolved (counted as `released`); and every entry whose record the
// batch stored, or read exactly as the store holds it, is marked resolved (so an older pending copy of it
// is never released over the newer one).
//
// New parties (upserts whose source link neither exists nor appeared earlier in the batch) are written
// in groups by BulkPartyWriter — the same rows, with far fewer statements; a group the database refuses
// is rolled back and written again record by record, so only the bad records are quarantined.
//
// Only a record's own faults are quarantined (store/model/store_fault.hpp). Any other store error — the hub's SQL
// naming a table or column the store lacks, a transaction in a bad state, a lost connection — ends the
// batch: it rolls back, nothing is quarantined and the checkpoint stays; Apply returns that error, naming
// the job and the statement ("job J: a statement of the hub's own failed (…): executing `…`: SQLSTATE …"),
// or "job J: store unavailable: …" (Unavailable) when the store was lost.
//
// The writers apply `rules`, the configured rules of what they store (a new lead's classification, from
// HubConfig); the defaults when not given. The parties each batch (or replay transaction) writes are handed to
// `arrivals` when given (matching on arrival, golden/arrival_match.hpp), in the same transaction.
//
// Threads: thread-safe; each Apply leases its own connection. `database` must outlive the sink.
class StoreSink final : public BatchSink {
 public:
  using JobLookup = std::function<SinkJob(std::string_view job)>;

  StoreSink(odbc::Database& database, JobLookup jobs, Logger log, store_model::WriteRules rules = {},
            std::shared_ptr<const store_model::PartyArrivals> arrivals = nullptr)
      : database_(database),
        jobs_(std::move(jobs)),
        log_(std::move(log)),
        rules_(std::move(rules)),
        arrivals_(std::move(arrivals)) {}

  sdk::Result<std::string> LoadCursor(std::string_view job) override;
  sdk::Result<SyncCounts> Apply(std::string_view job, const std::vector<sdk::Record>& records,
                                std::string_view next_cursor) override;

  // Replays the quarantine entries `filter` selects (`hub quarantine replay`): each record is mapped with
  // its job's current mapping and stored as a batch stores it (an operator who fixed a code table or the
  // mapping replays what it refused), in transactions of a few hundred entries, each with what it
  // releases; no cursor moves. A stored record's entries are resolved ("stored by hub quarantine
  // replay"); one refused again is counted on its entry; each replayed entry's last_replayed_at is set.
  // `journal` (when set) writes into each transaction before its commit. `result` counts what was
  // committed, also when an error stops the replay. Errors: the driver's or the journal's Status (the
  // transaction in flight rolls back; earlier ones stay committed).
  sdk::Status Replay(const store_model::QuarantineFilter& filter, ReplayResult& result,
                     const ReplayJournal& journal = {});

 private:
  // Apply's batch in its transaction on a leased connection, for `job` (which has a mapping).
  sdk::Result<SyncCounts> ApplyInTransaction(const JobContext& job, const std::vector<sdk::Record>& records,
                                             std::string_view next_cursor);

  odbc::Database& database_;
  JobLookup jobs_;
  Logger log_;
  const store_model::WriteRules rules_;
  const std::shared_ptr<const store_model::PartyArrivals> arrivals_;  // may be null
};

}  // namespace hub::sync

#endif  // HUB_SYNC_STORE_SINK_HPP_
