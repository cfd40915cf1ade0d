// A bounded, thread-safe memo of a pure text function (a transliteration, a script conversion): names,
// trade names and regions repeat a lot, and each conversion costs microseconds. Sharded by the key's hash
// so that threads seldom wait on one another; once a shard holds its share of `capacity`, new keys are
// computed and not kept (the answer never depends on what is cached).
#ifndef HUB_MATCHING_STRING_MEMO_HPP_
#define HUB_MATCHING_STRING_MEMO_HPP_

#include <array>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hub::matching {

class StringMemo {
 public:
  explicit StringMemo(std::size_t capacity) : per_shard_((capacity + kShards - 1) / kShards) {}

  // compute(key) for a key not held, else the value it gave before.
  template <typename Compute>
  std::string Get(std::string_view key, const Compute& compute) {
    const std::size_t hash = std::hash<std::string_view>{}(key);
    Shard& shard = shards_[hash % kShards];
    {
      std::lock_guard lock(shard.mutex);
      if (const auto it = shard.values.find(key); it != shard.values.end()) return it->second;
    }
    std::string value = compute(key);
    std::lock_guard lock(shard.mutex);
    if (shard.values.size() < per_shard_) shard.values.emplace(std::string(key), value);
    return value;
  }

 private:
  static constexpr std::size_t kShards = 64;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> values;
  };

  std::size_t per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace hub::matching

#endif  // HUB_MATCHING_STRING_MEMO_HPP_
