// The CPU time the benchmark process has used so far, as the benchmarks that print it next to wall time take it.
#ifndef HUB_BENCH_PROCESS_CPU_HPP_
#define HUB_BENCH_PROCESS_CPU_HPP_

#include <sys/resource.h>

namespace hub::bench {

// User plus system seconds of this process (all its threads) since it started.
inline double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace hub::bench

#endif  // HUB_BENCH_PROCESS_CPU_HPP_
