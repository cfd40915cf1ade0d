// An in-memory blocking index of a prepared set (blocking key hash -> record ids), to match records that
// arrive one at a time against it instead of running the whole set again: a new record is compared only
// with the records that share one of its blocking keys, as a batch run would pair them.
#ifndef HUB_MATCHING_MATCH_INDEX_HPP_
#define HUB_MATCHING_MATCH_INDEX_HPP_

#include <cstdint>
#include <vector>

#include "matching/blocking.hpp"
#include "matching/match_record.hpp"

namespace hub::matching {

// Built once from `records`, which must outlive it unchanged (it holds their indices, not copies). A key
// shared by more than options.max_block_size records yields, as in CandidatePairs, only a neighbourhood:
// the options.window members on either side of the new record's place in the block's NeighbourhoodKey
// order. Immutable after construction: Candidates is safe from any number of threads.
class MatchIndex {
 public:
  // The keys are computed on `threads` threads (0: the machine's cores).
  MatchIndex(const std::vector<PreparedRecord>& records, const BlockingOptions& options, unsigned threads = 0);

  // The indices of the records `record` would be compared with, sorted and distinct (in link mode only
  // those of another source).
  std::vector<std::uint32_t> Candidates(const PreparedRecord& record) const;

  const std::vector<PreparedRecord>& records() const { return records_; }

 private:
  const std::vector<PreparedRecord>& records_;
  BlockingOptions options_;
  std::vector<BlockEntry> entries_;  // by key; within a block above the cap, in NeighbourhoodKey order
};

}  // namespace hub::matching

#endif  // HUB_MATCHING_MATCH_INDEX_HPP_
