// The CPU time the benchmarks measure: the process's (next to wall time), or one thread's (per-core rates on a
// machine that may be shared), and the best of three timed passes.
#ifndef HUB_BENCH_PROCESS_CPU_HPP_
#define HUB_BENCH_PROCESS_CPU_HPP_

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <functional>

namespace hub::bench {

// User plus system seconds of this process (all its threads) since it started.
inline double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// CPU seconds of the calling thread since it started.
inline double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The best of three passes of `pass`, in CPU seconds of the calling thread.
inline double BestThreadCpuSeconds(const std::function<void()>& pass) {
  double best = 1e30;
  for (int i = 0; i < 3; ++i) {
    const double start = ThreadCpuSeconds();
    pass();
    best = std::min(best, ThreadCpuSeconds() - start);
  }
  return best;
}

}  // namespace hub::bench

#endif  // HUB_BENCH_PROCESS_CPU_HPP_
