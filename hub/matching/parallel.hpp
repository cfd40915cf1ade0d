// Work over an index range spread across threads, for the matcher's per-record and per-pair phases. The
// range is cut into chunks taken in turn by `threads` workers (the calling thread is one of them), so
// uneven chunks balance; every index is visited exactly once, and a body that writes only its own
// indices' results gives the same output whatever the number of threads.
#ifndef HUB_MATCHING_PARALLEL_HPP_
#define HUB_MATCHING_PARALLEL_HPP_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace hub::matching {

// The number of threads a phase uses when asked for 0: the machine's cores (at least 1).
inline unsigned DefaultThreads() { return std::max(1U, std::thread::hardware_concurrency()); }

// Calls body(begin, end) on disjoint chunks of [0, count) of at most `chunk` indices, from `threads`
// threads (0: DefaultThreads()). Returns when every chunk is done. `body` must not throw.
template <typename Body>
void ParallelFor(std::size_t count, unsigned threads, std::size_t chunk, const Body& body) {
  if (threads == 0) threads = DefaultThreads();
  chunk = std::max<std::size_t>(chunk, 1);
  const std::size_t chunks = (count + chunk - 1) / chunk;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, chunks));
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t c = next++; c < chunks; c = next++) body(c * chunk, std::min(count, (c + 1) * chunk));
  };
  if (threads <= 1) {
    work();
    return;
  }
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
}

}  // namespace hub::matching

#endif  // HUB_MATCHING_PARALLEL_HPP_
