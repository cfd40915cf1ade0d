// Key-set sweeps: the ids a source still holds, listed by its connector, and the deletions they reveal —
// which a timestamp watermark never shows.
#ifndef HUB_STORE_MODEL_KEYSET_SWEEP_HPP_
#define HUB_STORE_MODEL_KEYSET_SWEEP_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"
#include "store/model/record_writer.hpp"
#include "store/model/source_links.hpp"

namespace hub::store_model {

// The share of an entity's live source links a sweep may delete when the connector names none.
inline constexpr double kDefaultMaxDeleteFraction = 0.2;

// One sweep: the job that reads it, the source system and entity whose records it lists, and the
// connector's name for the pass ('' when it gives none).
struct SweepKey {
  std::string job;
  std::string source_system;
  const model::EntitySpec* entity = nullptr;
  std::string sweep_id;
};

// What closing a sweep did: the entity's live source links of the system before it, and how many of them
// it marked deleted.
struct SweepResult {
  std::uint64_t live = 0;
  std::uint64_t deleted = 0;
};

// The key-set sweeps of one transaction on one connection (table keyset_sweeps, which this class alone
// writes). A connector lists the ids its source holds as PRESENT records, over as many batches as it
// needs; Present stores them in the caller's transaction — the one that commits the batch's checkpoint —
// so that a sweep killed half-way resumes with what it had listed. End closes the sweep: every live
// source link of (source_system, entity) whose id the sweep did not list is marked deleted through
// `writer` (the entity's writer: the link is marked, the row stays, an "<entity>.deleted" event is
// written), and the rows of every sweep of that job, system and entity are removed. Ids listed under the
// sweep's own sweep_id and those listed with none ('') both count as seen.
//
// Safety: End refuses (FailedPrecondition, nothing deleted or cleared) when it would delete more than
// `max_delete_fraction` of the live links, naming both counts: an empty replica or a broken query must never
// wipe the store.
//
// Threads: as the connection. Lifetime: one transaction; `links` and `writer` (the batch's, on the same
// connection) outlive it. Errors: the driver's Status; InvalidArgument for a fraction outside [0, 1].
class KeysetSweep {
 public:
  KeysetSweep(odbc::Connection& connection, SourceLinks& links, RecordWriter& writer)
      : connection_(connection), links_(links), writer_(writer) {}

  // Notes `source_ids` as still present in the source for sweep `key` (an id listed twice counts once).
  sdk::Status Present(const SweepKey& key, const std::vector<std::string>& source_ids);

  // Closes sweep `key` (see the class comment); `position` is where the connector's end record came from,
  // for the deletions' records. An end with nothing listed before it deletes as any other.
  sdk::Result<SweepResult> End(const SweepKey& key, double max_delete_fraction, const std::string& position);

 private:
  // The live links of the key's system and entity: their count, and the ids the sweep did not list.
  sdk::Result<std::uint64_t> CountLive(const SweepKey& key);
  sdk::Result<std::vector<std::string>> Unseen(const SweepKey& key);
  sdk::Status Clear(const SweepKey& key);

  odbc::Connection& connection_;
  SourceLinks& links_;
  RecordWriter& writer_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_KEYSET_SWEEP_HPP_
