// Which hub runs a sync job when several share one store: the leases of table job_leases (migration 12).
#ifndef HUB_SERVICE_JOB_LEASES_HPP_
#define HUB_SERVICE_JOB_LEASES_HPP_

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/logging.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// The schedule tick a run is for. A run on demand has none and ignores ticks.
struct LeaseTick {
  TimePoint due;  // the tick's due time (the same on every hub for a cron schedule)
  // Set for an interval schedule: a tick is new when no run started within the last half interval
  // (interval ticks of different hubs fall at different times). Unset for cron: a tick is new when its due
  // time is later than the last one run.
  std::optional<std::chrono::milliseconds> interval;
};

// Why a lease was not taken.
struct LeaseRefusal {
  enum class Why {
    kHeld,      // another live holder's claim has not lapsed
    kTickDone,  // this tick was run already (by any hub)
  } why;
  std::string message;  // for the log: who holds it until when, or when the tick ran
};

// The claims of one hub process (`owner`) on sync jobs, kept in the store so every hub sees them. A lease
// lasts `duration` from its last renewal by the clock's time (the hubs' clocks are taken to agree within a
// fraction of it). A holder whose owner id (`MakeLeaseOwner`) names this host and a process that no longer
// exists is taken over at once (`IsGoneLocalProcess`); any other holder's lease must lapse first.
//
// Thread-safe (each call leases its own connection; each change is one conditional statement, so two hubs
// taking one lease at once cannot both win). Lifetime: `store` and `clock` must outlive it.
// Errors: the store's Status.
class JobLeases {
 public:
  JobLeases(odbc::Database& store, const Clock& clock, std::string owner, std::chrono::milliseconds duration)
      : store_(store), clock_(clock), owner_(std::move(owner)), duration_(duration) {}

  const std::string& owner() const { return owner_; }

  // Takes `job`'s lease when it is free, lapsed or already ours and, with a `tick`, when the tick is new
  // (recording it as run). nullopt when taken; otherwise why not.
  sdk::Result<std::optional<LeaseRefusal>> Take(std::string_view job, const std::optional<LeaseTick>& tick);

  // Extends our lease on `job` by `duration` from now. Unavailable when it is no longer ours (it lapsed
  // and another hub took it): the run must stop.
  sdk::Status Renew(std::string_view job);

  // Gives up our lease on `job` (nothing when it is not ours any more).
  sdk::Status Release(std::string_view job);

  // Runs `body` holding `job`'s lease: Take (with `tick`), `body`, Release. A release that fails is logged
  // on `log` (the lease lapses by itself after <runtime lease>). Answers nullopt once `body` ran, the
  // refusal when the lease was not taken, or Take's error; `body` runs only in the first case.
  sdk::Result<std::optional<LeaseRefusal>> RunHolding(std::string_view job, const std::optional<LeaseTick>& tick,
                                                      const std::function<void()>& body, const Logger& log);

 private:
  struct Row {
    std::optional<std::string> owner;
    std::optional<std::int64_t> until_ms, last_due_ms, last_started_ms;
  };
  struct Statement {
    std::string sql;
    std::vector<sdk::Value> params;
  };
  sdk::Result<Row> Read(odbc::Connection& connection, std::string_view job);
  // Why `row` may not be taken now for `tick`, or nullopt.
  std::optional<LeaseRefusal> Judge(const Row& row, std::int64_t now, const std::optional<LeaseTick>& tick) const;
  // The UPDATE that takes the lease from exactly the holder `row` shows, for `tick`.
  Statement TakeStatement(std::string_view job, const Row& row, std::int64_t now,
                          const std::optional<LeaseTick>& tick) const;
  std::int64_t NowMs() const;

  odbc::Database& store_;
  const Clock& clock_;
  const std::string owner_;
  const std::chrono::milliseconds duration_;
};

}  // namespace hub::service

#endif  // HUB_SERVICE_JOB_LEASES_HPP_
