// Matching on arrival (issue 11): each party a batch writes is matched at once against the store — its blocking
// keys written to the store's index (store/model/party_blocking_keys.hpp), the parties sharing a key read back
// through it, each pair decided under the model the last match run kept (arrival_model.hpp), the decisions kept
// in match_pairs, and its golden record joined or formed with survivorship — in the batch's own transaction.
#ifndef HUB_GOLDEN_ARRIVAL_MATCH_HPP_
#define HUB_GOLDEN_ARRIVAL_MATCH_HPP_

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "common/logging.hpp"
#include "golden/arrival_model.hpp"
#include "hub/sdk/status.hpp"
#include "matching/domain_key.hpp"
#include "matching/matcher.hpp"
#include "matching/text_normalizer.hpp"
#include "store/model/party_arrivals.hpp"

namespace hub::golden {

// `record`'s blocking keys as the store's index keeps them (matching::BlockingKeyHashes): the one key function
// of the match run, which fills the index, and of matching on arrival, which keeps it. Thread-safe.
std::vector<std::uint64_t> KeyHashesOf(const matching::PreparedRecord& record);

// Matches the parties a transaction wrote against the store (store_model::PartyArrivals), before it commits:
//  1. reads them (party_profiles.hpp), prepares them and replaces their blocking keys in the index;
//  2. asks the index for the parties sharing each key — a key more than the blocking's max_block_size parties
//     share is not telling and is ignored (the match run still splits such a block by sorted neighbourhood);
//  3. decides each pair under the newest model a match run kept (read again only when it changed, so a restart
//     learns nothing and rebuilds nothing) and writes the pairs to match_pairs, a reviewer's decision kept;
//  4. clusters the links among the parties, their linked parties and every member of their golden records
//     (the records as they stand, the links kept in match_pairs, never a pair a reviewer rejected, under the
//     matcher's constraints) and applies the records of those parties alone (golden_records.hpp: lineage by
//     survivorship with the kept source priority, party.golden_changed).
// Without a kept model nothing is written and the parties are counted `unmatched` (logged once per process):
// the first match run learns the model and fills the index. A pair the index no longer gives (a key now
// shared by too many) keeps its decision until the next match run.
//
// Threads: thread-safe (the matcher and normalizer are; the kept model is swapped under a mutex); calls on
// different connections run at once. Two transactions that write duplicates of each other at the same time do
// not see each other's keys: the next match run pairs them.
class ArrivalMatcher final : public store_model::PartyArrivals {
 public:
  // `matcher` must be the match run's configuration (its blocking options above all). Errors: the text
  // normalizer's (Unavailable when ICU or OpenCC cannot load their tables).
  static sdk::Result<std::shared_ptr<ArrivalMatcher>> Create(matching::MatcherConfig matcher, Logger log);

  sdk::Result<store_model::ArrivalCounts> Arrived(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                                  const std::vector<std::int64_t>& party_ids) const override;

  // A model as kept, with the run it scores under (model and term frequencies).
  struct KeptModel {
    std::int64_t id = 0;
    matching::MatchRun run;
    std::vector<std::string> source_priority;
  };

 private:
  ArrivalMatcher(matching::MatcherConfig matcher, Logger log, std::unique_ptr<matching::TextNormalizer> normalizer)
      : matcher_(matcher), log_(std::move(log)), normalizer_(std::move(normalizer)) {}

  // The newest kept model, read again only when its id moved; null when the store keeps none.
  sdk::Result<std::shared_ptr<const KeptModel>> Model(odbc::Connection& connection) const;

  matching::Matcher matcher_;
  Logger log_;
  std::unique_ptr<matching::TextNormalizer> normalizer_;
  matching::DomainKeys domains_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const KeptModel> model_;  // guarded by mutex_
  mutable bool told_unmatched_ = false;             // guarded by mutex_
};

}  // namespace hub::golden

#endif  // HUB_GOLDEN_ARRIVAL_MATCH_HPP_
