#include "runtime/schedule.hpp"

#include <array>
#include <utility>

namespace hub {
namespace {

// "5m" for 300000 ms: the largest unit that divides the interval exactly.
std::string DescribeInterval(std::chrono::milliseconds interval) {
  struct Unit {
    std::chrono::milliseconds length;
    const char* suffix;
  };
  static constexpr std::array<Unit, 4> kUnits = {{{std::chrono::hours(24), "d"},
                                                  {std::chrono::hours(1), "h"},
                                                  {std::chrono::minutes(1), "m"},
                                                  {std::chrono::seconds(1), "s"}}};
  for (const auto& unit : kUnits) {
    if (interval % unit.length == std::chrono::milliseconds::zero()) {
      return std::to_string(interval / unit.length) + unit.suffix;
    }
  }
  return std::to_string(interval.count()) + "ms";
}

}  // namespace

Schedule Schedule::Cron(CronExpression cron) {
  return Schedule(Kind::kCron, std::move(cron), std::chrono::milliseconds::zero());
}

sdk::Result<Schedule> Schedule::ParseCron(std::string_view text) {
  auto cron = CronExpression::Parse(text);
  if (!cron.ok()) return cron.status();
  return Cron(std::move(cron).value());
}

sdk::Result<Schedule> Schedule::Every(std::chrono::milliseconds interval) {
  if (interval <= std::chrono::milliseconds::zero()) {
    return sdk::Status::InvalidArgument("interval must be positive, got " + std::to_string(interval.count()) + "ms");
  }
  return Schedule(Kind::kInterval, std::nullopt, interval);
}

Schedule Schedule::Manual() { return Schedule(Kind::kManual, std::nullopt, std::chrono::milliseconds::zero()); }

std::optional<TimePoint> Schedule::Next(TimePoint after) const {
  switch (kind_) {
    case Kind::kCron: {
      const TimePoint next = cron_->NextAfter(after);
      if (next == TimePoint::max()) return std::nullopt;
      return next;
    }
    case Kind::kInterval:
      if (after > TimePoint::max() - interval_) return std::nullopt;
      return after + interval_;
    case Kind::kManual:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string Schedule::Describe() const {
  switch (kind_) {
    case Kind::kCron:
      return "cron '" + cron_->text() + "'";
    case Kind::kInterval:
      return "every " + DescribeInterval(interval_);
    case Kind::kManual:
      return "manual";
  }
  return "manual";
}

}  // namespace hub
