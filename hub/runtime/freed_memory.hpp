// How much freed heap memory the process keeps for reuse instead of handing it back to the kernel at once.
#ifndef HUB_RUNTIME_FREED_MEMORY_HPP_
#define HUB_RUNTIME_FREED_MEMORY_HPP_

#include <cstddef>

#include "hub/sdk/status.hpp"

namespace hub {

// What `hub run` keeps: enough for what a worker allocates and frees per request many times over.
inline constexpr std::size_t kKeptFreedMemoryBytes = std::size_t{32} << 20;

// Lets each heap arena keep up to `bytes` of free memory at its top before it is returned to the kernel.
// glibc's default (128 KiB) returns it on nearly every request of a busy API: a worker whose statements
// allocate and free a few hundred KiB (SQLite opens and closes a temporary b-tree for an IN list or a
// DISTINCT) gives the pages back with madvise on free, takes page faults to get them again on the next
// request and makes the kernel shoot down the other core's TLB each time (docs/BENCHMARKS.md, screen pop).
// Fixes the mmap threshold at glibc's default as a side effect. Call once at start-up, before the worker
// threads. Threads: call it before other threads allocate. Errors: InvalidArgument above INT_MAX; Internal when
// the C library refuses the setting; Unimplemented, changing nothing, on a C library other than glibc.
sdk::Status KeepFreedMemory(std::size_t bytes);

}  // namespace hub

#endif  // HUB_RUNTIME_FREED_MEMORY_HPP_
