// The matcher's pairs of parties (match_pairs, migration 19): read whole for a match run and written back as
// it decided them, a reviewer's decision recorded, and the review queue listed.
#ifndef HUB_STORE_MODEL_MATCH_PAIRS_HPP_
#define HUB_STORE_MODEL_MATCH_PAIRS_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// One stored pair, left_party_id < right_party_id. `decision` is link, review, no_link, related or distinct;
// `decided_by` "matcher" or "reviewer" (whose decision every later run keeps).
struct MatchPairRow {
  std::int64_t id = 0;
  std::int64_t left_party_id = 0;
  std::int64_t right_party_id = 0;
  double probability = 0;
  std::string decision;
  std::string decided_by;
  std::string reviewer;  // empty unless a reviewer decided
};

// What a match run decided of a pair: left_party_id < right_party_id, `explanation` a JSON object.
struct MatchPairDecision {
  std::int64_t left_party_id = 0;
  std::int64_t right_party_id = 0;
  double probability = 0;
  std::string decision;
  std::string explanation;
};

struct MatchPairChanges {
  std::size_t inserted = 0;
  std::size_t updated = 0;
};

// Every stored pair, ordered by (left_party_id, right_party_id). Threads: as the connection, inside or outside a
// transaction. Errors: the driver's Status.
sdk::Result<std::vector<MatchPairRow>> ReadMatchPairs(odbc::Connection& connection);

// The stored pairs with at least one side among `party_ids`, ordered as ReadMatchPairs: what matching a few
// parties on arrival reads. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<MatchPairRow>> ReadMatchPairsOf(odbc::Connection& connection,
                                                        const std::vector<std::int64_t>& party_ids);

// Writes a run's `decided` pairs over `stored` (ReadMatchPairs in the same transaction): a new pair is inserted;
// a stored one is updated only when its probability or decision moved — a reviewer's decision stays as it is
// and only its probability and explanation follow the matcher. A stored pair the run no longer decided (not a
// candidate any more, or now a plain non-match) and that no reviewer decided becomes no_link; a pair a reviewer
// decided after `stored` was read keeps that decision (a caller that decided only some pairs passes only their
// rows as `stored`, and no other pair moves). Nothing else is written, so a run that decides what the store holds
// writes nothing. Threads: as the connection, inside the caller's transaction. Errors: the driver's Status.
sdk::Result<MatchPairChanges> WriteMatchPairs(odbc::Connection& connection, const std::vector<MatchPairRow>& stored,
                                              const std::vector<MatchPairDecision>& decided);

// Records a reviewer's decision on pair `id`: accepted, decision link; rejected, no_link; decided_by reviewer,
// `reviewer` named, decided_at now. Answers the row as it was before, or nullopt when there is no such pair.
// Threads: as the connection, inside the caller's transaction. Errors: the driver's Status.
sdk::Result<std::optional<MatchPairRow>> RecordReview(odbc::Connection& connection, std::int64_t id, bool accepted,
                                                      const std::string& reviewer);

// A pair as the review queue lists it: the row, its explanation (JSON text), when it was decided and last
// changed (Timestamp values), and each side's name and first source record (system and id; empty when none).
struct MatchPairListing {
  MatchPairRow row;
  std::string explanation;
  sdk::Value decided_at;
  sdk::Value updated_at;
  struct Side {
    std::string name;
    std::string source_system;
    std::string source_id;
  };
  Side left;
  Side right;
};

// Up to `limit` pairs with id > `after_id`, in id order; only those of `decision` when it is set.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<MatchPairListing>> ListMatchPairs(odbc::Connection& connection,
                                                          const std::optional<std::string>& decision,
                                                          std::int64_t after_id, std::size_t limit);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_MATCH_PAIRS_HPP_
