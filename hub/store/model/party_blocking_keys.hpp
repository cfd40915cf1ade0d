// The matcher's blocking index kept in the store (party_blocking_keys): each party's blocking keys as 64-bit
// hashes, written when its party is written, so that a party synced later is matched at once against the parties
// that share a key with it — and a restart rebuilds nothing. The keys themselves are the matcher's
// (matching/blocking.hpp: BlockingKeyHashes); this layer only keeps them.
#ifndef HUB_STORE_MODEL_PARTY_BLOCKING_KEYS_HPP_
#define HUB_STORE_MODEL_PARTY_BLOCKING_KEYS_HPP_

#include <cstdint>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// One party's blocking keys, each a 64-bit key hash.
struct PartyBlockingKeys {
  std::int64_t party_id = 0;
  std::vector<std::uint64_t> key_hashes;  // distinct
};

// Replaces the blocking keys of every party of `parties` by the ones given: one DELETE for all of them, then
// every key in multi-row inserts (odbc::BatchWriter: one statement on PostgreSQL, statements of a few hundred
// rows on SQLite). Threads: as the connection, inside the caller's transaction. Errors: the driver's Status.
sdk::Status ReplacePartyBlockingKeys(odbc::Connection& connection, const std::vector<PartyBlockingKeys>& parties);

// Deletes every party's blocking keys (a match run that finds no model stored before it writes them all again).
// Threads: as the connection, inside the caller's transaction. Errors: the driver's Status.
sdk::Status ClearPartyBlockingKeys(odbc::Connection& connection);

// The ids of the parties that have no blocking key, in id order (written before the store kept an index, or
// with nothing to block on). Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<std::int64_t>> PartiesWithoutBlockingKeys(odbc::Connection& connection);

// The parties holding a key: sorted ids.
struct KeyHolders {
  std::uint64_t key_hash = 0;
  std::vector<std::int64_t> party_ids;
};

// For each of `key_hashes`, the parties holding it — none for a key more than `max_parties` parties hold (it
// tells little: as the matcher's block size cap), each key read through the index with a limit of one more
// than that, so a key a hundred thousand parties share costs what a small one does. In the order of
// `key_hashes`; keys nobody holds are left out. On PostgreSQL one statement (a LATERAL probe per key), on
// SQLite one cached statement per key. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<KeyHolders>> BlockingKeyHolders(odbc::Connection& connection,
                                                        const std::vector<std::uint64_t>& key_hashes,
                                                        std::size_t max_parties);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_PARTY_BLOCKING_KEYS_HPP_
