// When a job runs: on a cron expression, every fixed interval, or only on demand.
#ifndef HUB_RUNTIME_SCHEDULE_HPP_
#define HUB_RUNTIME_SCHEDULE_HPP_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/clock.hpp"
#include "hub/sdk/status.hpp"
#include "runtime/cron_expression.hpp"

namespace hub {

// A job's timing rule. An immutable value; copy freely and use from any thread.
class Schedule {
 public:
  enum class Kind { kCron, kInterval, kManual };

  // Runs at the times `cron` matches (UTC).
  static Schedule Cron(CronExpression cron);
  // Parses `text` as a cron expression; errors as CronExpression::Parse.
  static sdk::Result<Schedule> ParseCron(std::string_view text);
  // Runs every `interval`; the Scheduler also runs it once when it starts. InvalidArgument when
  // `interval` is not positive.
  static sdk::Result<Schedule> Every(std::chrono::milliseconds interval);
  // Never runs by itself; only on demand.
  static Schedule Manual();

  // The first run strictly after `after`: for cron the next matching minute, for an interval
  // `after + interval` (intervals count from the tick that fired, missed runs are not caught up), and
  // nullopt for manual schedules or when the time is beyond what TimePoint can hold.
  std::optional<TimePoint> Next(TimePoint after) const;

  // For operators: "cron '*/5 * * * *'", "every 5m", "every 1500ms", "manual".
  std::string Describe() const;

  Kind kind() const { return kind_; }

 private:
  Schedule(Kind kind, std::optional<CronExpression> cron, std::chrono::milliseconds interval)
      : kind_(kind), cron_(std::move(cron)), interval_(interval) {}

  Kind kind_;
  std::optional<CronExpression> cron_;  // set for kCron
  std::chrono::milliseconds interval_;  // positive for kInterval
};

}  // namespace hub

#endif  // HUB_RUNTIME_SCHEDULE_HPP_
