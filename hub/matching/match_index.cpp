#include "matching/match_index.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace hub::matching {
namespace {

// [begin, end) of each block of `entries` above `cap` reordered by the members' NeighbourhoodKey (then
// index), so that a new record finds its neighbours by binary search.
void OrderLargeBlocks(const std::vector<PreparedRecord>& records, std::size_t cap, std::vector<BlockEntry>& entries) {
  std::vector<std::pair<std::string, std::uint32_t>> sorted;
  for (std::size_t begin = 0; begin < entries.size();) {
    std::size_t end = begin + 1;
    while (end < entries.size() && entries[end].key == entries[begin].key) ++end;
    if (end - begin > cap) {
      sorted.clear();
      for (std::size_t i = begin; i < end; ++i) {
        sorted.emplace_back(NeighbourhoodKey(records[entries[i].record]), entries[i].record);
      }
      std::sort(sorted.begin(), sorted.end());
      for (std::size_t i = begin; i < end; ++i) entries[i].record = sorted[i - begin].second;
    }
    begin = end;
  }
}

}  // namespace

MatchIndex::MatchIndex(const std::vector<PreparedRecord>& records, const BlockingOptions& options, unsigned threads)
    : records_(records), options_(options), entries_(BlockEntries(records, threads)) {
  OrderLargeBlocks(records_, options_.max_block_size, entries_);
}

std::vector<std::uint32_t> MatchIndex::Candidates(const PreparedRecord& record) const {
  std::vector<std::uint32_t> candidates;
  std::string neighbourhood;
  const auto by_key = [](const BlockEntry& entry, std::uint64_t key) { return entry.key < key; };
  for (const BlockingKeyHash& key : BlockingKeyHashes(record)) {
    const std::uint64_t hash = key.hash;
    auto begin = std::lower_bound(entries_.begin(), entries_.end(), hash, by_key);
    auto end = begin;
    while (end != entries_.end() && end->key == hash) ++end;
    if (static_cast<std::size_t>(end - begin) > options_.max_block_size) {
      if (neighbourhood.empty()) neighbourhood = NeighbourhoodKey(record);
      const auto at =
          std::lower_bound(begin, end, neighbourhood, [&](const BlockEntry& entry, const std::string& text) {
            return NeighbourhoodKey(records_[entry.record]) < text;
          });
      const std::size_t window = options_.window;
      begin = at - begin > static_cast<std::ptrdiff_t>(window) ? at - window : begin;
      end = end - at > static_cast<std::ptrdiff_t>(window) ? at + window : end;
    }
    for (auto it = begin; it != end; ++it) {
      if (options_.across_sources_only && records_[it->record].source == record.source) continue;
      if (it->pinyin && record.han && records_[it->record].han) continue;  // as CandidatePairs: homophones
      candidates.push_back(it->record);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

}  // namespace hub::matching
