// KeepFreedMemory: memory freed at the top of the heap stays with the process up to the bound given (so the
// next allocations reuse it without page faults), and beyond the bound it goes back to the kernel as before.
#include "runtime/freed_memory.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace hub {
namespace {

#if defined(__GLIBC__)

// glibc's own trim threshold, restored after the test.
constexpr std::size_t kGlibcDefault = std::size_t{128} << 10;
// Blocks below the mmap threshold, so that they come from the heap.
constexpr std::size_t kBlock = std::size_t{16} << 10;
constexpr std::size_t kAllocated = std::size_t{16} << 20;

// Free bytes the heap holds after allocating kAllocated in blocks and freeing them all, minus before.
std::ptrdiff_t FreeBytesKeptAfterAllocatingAndFreeing() {
  std::vector<void*> blocks;
  blocks.reserve(kAllocated / kBlock);  // not between the blocks, where it would keep the heap from shrinking
  malloc_trim(0);
  const std::size_t before = mallinfo2().fordblks;
  for (std::size_t total = 0; total < kAllocated; total += kBlock) blocks.push_back(malloc(kBlock));
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) free(*it);
  return static_cast<std::ptrdiff_t>(mallinfo2().fordblks) - static_cast<std::ptrdiff_t>(before);
}

TEST(KeepFreedMemory, KeepsFreedMemoryUpToTheBoundAndReturnsWhatIsBeyond) {
  ASSERT_TRUE(KeepFreedMemory(kGlibcDefault).ok());
  const std::ptrdiff_t kept_by_default = FreeBytesKeptAfterAllocatingAndFreeing();
  ASSERT_TRUE(KeepFreedMemory(kAllocated * 4).ok());
  const std::ptrdiff_t kept_within_bound = FreeBytesKeptAfterAllocatingAndFreeing();
  ASSERT_TRUE(KeepFreedMemory(kGlibcDefault).ok());
  EXPECT_GE(kept_within_bound, static_cast<std::ptrdiff_t>(kAllocated - kBlock));
  EXPECT_LT(kept_by_default, kept_within_bound - static_cast<std::ptrdiff_t>(kAllocated / 2));
}

#endif

TEST(KeepFreedMemory, RefusesABoundTheCLibraryCannotTake) {
  const sdk::Status refused = KeepFreedMemory(std::size_t{1} << 40);
  EXPECT_FALSE(refused.ok());
}

}  // namespace
}  // namespace hub
