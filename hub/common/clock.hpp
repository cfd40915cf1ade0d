// Wall-clock time, injected so that schedulers and tests agree on "now".
#ifndef HUB_COMMON_CLOCK_HPP_
#define HUB_COMMON_CLOCK_HPP_

#include <atomic>
#include <chrono>

namespace hub {

using TimePoint = std::chrono::system_clock::time_point;

// The source of "now". Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

// The real system clock.
class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that moves only when told to; for tests. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
  TimePoint Now() const override { return TimePoint(TimePoint::duration(now_.load())); }
  void Set(TimePoint when) { now_.store(when.time_since_epoch().count()); }
  void Advance(std::chrono::nanoseconds by) {
    now_.fetch_add(std::chrono::duration_cast<TimePoint::duration>(by).count());
  }

 private:
  std::atomic<TimePoint::rep> now_;
};

}  // namespace hub

#endif  // HUB_COMMON_CLOCK_HPP_
