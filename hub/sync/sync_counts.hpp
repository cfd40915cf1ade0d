// What one sync run did, counted.
#ifndef HUB_SYNC_SYNC_COUNTS_HPP_
#define HUB_SYNC_SYNC_COUNTS_HPP_

#include <cstdint>
#include <string>

namespace hub::sync {

// Records of one run by outcome. `read` counts every record the connector returned, rejected ones too;
// `quarantined` the ones kept aside with their reason; `deleted` the records marked deleted, by the
// connector's DELETE records or by a key-set sweep's end (store/model/keyset_sweep.hpp); `released` pending records of
// earlier batches (of any job) that a batch stored because it brought what they waited for (not in read or the other
// counts). `matched_on_arrival` and `linked_on_arrival` say what matching on arrival did with the parties written.
// A plain value.
struct SyncCounts {
  std::uint64_t read = 0;
  std::uint64_t inserted = 0;
  std::uint64_t updated = 0;
  std::uint64_t unchanged = 0;
  std::uint64_t merged = 0;
  std::uint64_t quarantined = 0;
  std::uint64_t released = 0;
  std::uint64_t deleted = 0;
  std::uint64_t matched_on_arrival = 0;  // parties written and matched on arrival (store/model/party_arrivals.hpp)
  std::uint64_t linked_on_arrival = 0;   // pairs those matches linked

  SyncCounts& operator+=(const SyncCounts& other) {
    read += other.read;
    inserted += other.inserted;
    updated += other.updated;
    unchanged += other.unchanged;
    merged += other.merged;
    quarantined += other.quarantined;
    released += other.released;
    deleted += other.deleted;
    matched_on_arrival += other.matched_on_arrival;
    linked_on_arrival += other.linked_on_arrival;
    return *this;
  }

  // The contract's line for `hub sync`: "read=N inserted=N updated=N merged=N quarantined=N deleted=N"
  // (deleted= appended last, so that a reader of the first five still finds them where they were).
  std::string ToLine() const {
    return "read=" + std::to_string(read) + " inserted=" + std::to_string(inserted) +
           " updated=" + std::to_string(updated) + " merged=" + std::to_string(merged) +
           " quarantined=" + std::to_string(quarantined) + " deleted=" + std::to_string(deleted);
  }
};

}  // namespace hub::sync

#endif  // HUB_SYNC_SYNC_COUNTS_HPP_
