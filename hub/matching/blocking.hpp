// Blocking: which pairs of records are compared at all. Each record gets several keys (a phonetic key of
// the family name, the trade name's pinyin key, the postcode, each phone, the organization key, the
// domain, ...); records that share any key are a candidate pair (the union of the keys, so a typo in one
// field does not hide a pair the others find). A key shared by more than `max_block_size` records tells
// little: its block is split by sorted neighbourhood (members sorted by name, each paired with the next
// `window` only), so the cost stays near-linear in the number of records.
#ifndef HUB_MATCHING_BLOCKING_HPP_
#define HUB_MATCHING_BLOCKING_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matching/match_record.hpp"

namespace hub::matching {

struct BlockingOptions {
  std::size_t max_block_size = 50;   // larger blocks are split by sorted neighbourhood
  std::size_t window = 8;            // a split block's member is paired with this many that follow it
  bool across_sources_only = false;  // link mode: pairs of two records of one source are not candidates
};

// A candidate pair: indices into the records, first < second.
struct CandidatePair {
  std::uint32_t first = 0;
  std::uint32_t second = 0;
  friend bool operator==(const CandidatePair&, const CandidatePair&) = default;
  friend auto operator<=>(const CandidatePair&, const CandidatePair&) = default;
};

// The blocking keys of a record, each prefixed by its kind ("fn:", "tn:", "pc:", "ph:", ...).
// Thread-safe.
std::vector<std::string> BlockingKeys(const PreparedRecord& record);

// One blocking key of one record, the key as its 64-bit hash (HashBlockingKey): a million records hold ten
// million keys, which as strings in a map took most of the match phase's memory. Two keys that collide
// only add candidate pairs, which are compared like any other.
struct BlockEntry {
  std::uint64_t key = 0;
  std::uint32_t record = 0;
  bool pinyin = false;  // a trade name's pinyin key ("tn:"): it pairs no two Chinese names
  friend bool operator==(const BlockEntry&, const BlockEntry&) = default;
  friend auto operator<=>(const BlockEntry&, const BlockEntry&) = default;
};

// FNV-1a of `key`: the same on every platform and run.
std::uint64_t HashBlockingKey(std::string_view key);

// One blocking key of a record as an index keeps it: its hash, and whether it is a trade name's pinyin key
// ("tn:"), which pairs a Chinese name only with a Latin one.
struct BlockingKeyHash {
  std::uint64_t hash = 0;
  bool pinyin = false;
  friend bool operator==(const BlockingKeyHash&, const BlockingKeyHash&) = default;
  friend auto operator<=>(const BlockingKeyHash&, const BlockingKeyHash&) = default;
};

// BlockingKeys(record) hashed (HashBlockingKey), sorted and distinct: what BlockEntries, MatchIndex and the
// store's blocking index (store/model/party_blocking_keys.hpp) keep of a record. Thread-safe.
std::vector<BlockingKeyHash> BlockingKeyHashes(const PreparedRecord& record);

// Every record's distinct keys, sorted by key then record: each block is one run of equal keys, its
// members in record order. The keys are computed on `threads` threads (0: the machine's cores); the result
// does not depend on it. Thread-safe.
std::vector<BlockEntry> BlockEntries(const std::vector<PreparedRecord>& records, unsigned threads = 0);

// The text a block above the size cap orders its members by, so that similar names are neighbours: name,
// family name, given name and street.
std::string NeighbourhoodKey(const PreparedRecord& record);

// The American Soundex code of an ASCII word ("robert" and "rupert" -> "r163"); for a word starting with
// another character, its first two code points. "" for an empty word. Thread-safe.
std::string Soundex(std::string_view word);

// The candidate pairs of `records`, sorted and distinct: every pair sharing a key whose block is within
// the size cap, and the sorted-neighbourhood pairs of the larger blocks. The keys are computed on
// `threads` threads (0: the machine's cores); the pairs do not depend on it. Thread-safe.
std::vector<CandidatePair> CandidatePairs(const std::vector<PreparedRecord>& records, const BlockingOptions& options,
                                          unsigned threads = 0);

}  // namespace hub::matching

#endif  // HUB_MATCHING_BLOCKING_HPP_
