// One match run over the store: every party read as a MatchRecord, the matcher's decisions written to
// match_pairs (a reviewer's decision kept over the score), the links clustered (a reviewer's accept is a link, a
// reject a pair never joined) and the clusters made the store's golden records with their survivorship.
#ifndef HUB_GOLDEN_STORE_MATCH_HPP_
#define HUB_GOLDEN_STORE_MATCH_HPP_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hub/sdk/status.hpp"
#include "matching/matcher.hpp"
#include "matching/text_normalizer.hpp"
#include "store/model/party_profiles.hpp"
#include "store/odbc/database.hpp"

namespace hub::golden {

struct StoreMatchOptions {
  matching::MatcherConfig matcher;
  std::vector<std::string> source_priority;  // source systems, the most trusted first (survivorship)
  // Set: the weights to score with instead of those EM learns from the store's parties (a store too small to
  // learn from; tests that need weights they can reason about).
  std::optional<matching::FellegiSunterModel> model;
  std::string job = "match";  // the match job: whose model match_models keeps
  // True: the run keeps its model in the store and fills the blocking index, so that parties synced later are
  // matched on arrival (arrival_match.hpp); false: it deletes its kept model, and no party is matched on arrival
  // under it.
  bool on_arrival = true;
};

// What a run did.
struct StoreMatchCounts {
  std::size_t parties = 0;
  std::size_t candidate_pairs = 0;
  std::size_t links = 0;    // pairs linked (by the matcher or a reviewer)
  std::size_t reviews = 0;  // pairs waiting for a reviewer
  std::size_t pairs_inserted = 0;
  std::size_t pairs_updated = 0;
  std::size_t golden_records = 0;  // clusters of two or more parties
  std::size_t repointed = 0;       // parties whose golden record changed
  std::size_t events = 0;          // party.golden_changed events appended
  std::size_t blocking_keys = 0;   // parties whose blocking keys the run wrote (those that had none)
  bool model_saved = false;        // the model kept for matching on arrival changed
};

// Runs the matcher over the store: the parties are read and matched first, then everything the run decides is
// written in one transaction (with the outbox writers' turn): it commits whole or not at all, and a run over a
// store that changed nothing since the last writes nothing. Runs must not overlap (the match job's lease). A pair's
// decision by a reviewer stays (accepted: linked; rejected: never linked, never queued again), its probability
// and explanation follow the matcher. Thread-safe (the matcher and normalizer are; each run leases its own
// connection). Lifetime: the store must outlive the run.
//
// With `on_arrival`, the same transaction keeps the run's model, term frequencies and source priority in
// match_models (written only when they changed) and writes the blocking keys of every party that has none — of
// every party when no model was kept before (the index may be stale from a time matching on arrival was off) —
// so that an existing store gets its index on its first run.
class StoreMatcher {
 public:
  // Errors: the text normalizer's (Unavailable when ICU or OpenCC cannot load their tables).
  static sdk::Result<std::unique_ptr<StoreMatcher>> Create(StoreMatchOptions options);

  // Errors: the store's Status; the run's changes are rolled back.
  sdk::Result<StoreMatchCounts> Run(odbc::Database& store) const;

 private:
  StoreMatcher(StoreMatchOptions options, std::unique_ptr<matching::TextNormalizer> normalizer)
      : options_(std::move(options)), matcher_(options_.matcher), normalizer_(std::move(normalizer)) {}

  // Keeps the run's model for matching on arrival, and the keys of the parties that lack them (see the class).
  sdk::Status KeepForArrival(odbc::Connection& connection, const matching::MatchRun& run,
                             const std::vector<matching::PreparedRecord>& records,
                             const std::vector<store_model::PartyProfile>& parties, StoreMatchCounts& counts) const;

  StoreMatchOptions options_;
  matching::Matcher matcher_;
  std::unique_ptr<matching::TextNormalizer> normalizer_;
  matching::DomainKeys domains_;
};

}  // namespace hub::golden

#endif  // HUB_GOLDEN_STORE_MATCH_HPP_
