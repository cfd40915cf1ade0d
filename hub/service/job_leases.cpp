#include "service/job_leases.hpp"

#include "common/lease_owner.hpp"
#include "common/time_format.hpp"

namespace hub::service {
namespace {

using sdk::Value;

constexpr int kTakeAttempts = 3;  // a lease that changed between our read and our write is read again

std::optional<std::int64_t> IntegerOf(const Value& value) {
  if (value.is_null()) return std::nullopt;
  return value.integer();
}

std::string TimeOfMs(std::int64_t ms) { return FormatIsoUtc(TimePoint(std::chrono::milliseconds(ms))); }

std::int64_t MsOf(TimePoint when) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
}

}  // namespace

std::int64_t JobLeases::NowMs() const { return MsOf(clock_.Now()); }

sdk::Result<JobLeases::Row> JobLeases::Read(odbc::Connection& connection, std::string_view job) {
  auto rows =
      connection.Query("SELECT lease_owner, lease_until_ms, last_due_ms, last_started_ms FROM job_leases WHERE job = ?",
                       {Value::String(std::string(job))});
  if (!rows.ok()) return rows.status();
  if (rows->rows.empty()) return Row{};
  const odbc::Row& row = rows->rows.front();
  Row read;
  if (!row[0].is_null()) read.owner = row[0].text();
  read.until_ms = IntegerOf(row[1]);
  read.last_due_ms = IntegerOf(row[2]);
  read.last_started_ms = IntegerOf(row[3]);
  return read;
}

std::optional<LeaseRefusal> JobLeases::Judge(const Row& row, std::int64_t now,
                                             const std::optional<LeaseTick>& tick) const {
  const bool ours_or_free = !row.owner || *row.owner == owner_;
  if (!ours_or_free && row.until_ms.value_or(0) > now && !IsGoneLocalProcess(*row.owner)) {
    return LeaseRefusal{LeaseRefusal::Why::kHeld,
                        "hub " + *row.owner + " holds its lease until " + TimeOfMs(*row.until_ms)};
  }
  if (!tick) return std::nullopt;
  if (tick->interval) {
    if (row.last_started_ms && *row.last_started_ms > now - tick->interval->count() / 2) {
      return LeaseRefusal{LeaseRefusal::Why::kTickDone,
                          "a run of this tick started at " + TimeOfMs(*row.last_started_ms)};
    }
  } else if (row.last_due_ms && *row.last_due_ms >= MsOf(tick->due)) {
    return LeaseRefusal{LeaseRefusal::Why::kTickDone, "the tick due " + TimeOfMs(MsOf(tick->due)) + " has run"};
  }
  return std::nullopt;
}

JobLeases::Statement JobLeases::TakeStatement(std::string_view job, const Row& row, std::int64_t now,
                                              const std::optional<LeaseTick>& tick) const {
  Statement set{"UPDATE job_leases SET lease_owner = ?, lease_until_ms = ?",
                {Value::String(owner_), Value::Int64(now + duration_.count())}};
  Statement where{" WHERE job = ?", {Value::String(std::string(job))}};
  if (tick) {
    // The tick is checked again in the statement: another hub may have run it since we read the row.
    set.sql += ", last_due_ms = ?, last_started_ms = ?";
    set.params.push_back(Value::Int64(MsOf(tick->due)));
    set.params.push_back(Value::Int64(now));
    if (tick->interval) {
      where.sql += " AND (last_started_ms IS NULL OR last_started_ms <= ?)";
      where.params.push_back(Value::Int64(now - tick->interval->count() / 2));
    } else {
      where.sql += " AND (last_due_ms IS NULL OR last_due_ms < ?)";
      where.params.push_back(Value::Int64(MsOf(tick->due)));
    }
  }
  // Compare and set: only the holder we read (and judged) is replaced.
  if (row.owner) {
    where.sql += " AND lease_owner = ? AND lease_until_ms = ?";
    where.params.push_back(Value::String(*row.owner));
    where.params.push_back(Value::Int64(row.until_ms.value_or(0)));
  } else {
    where.sql += " AND lease_owner IS NULL";
  }
  set.sql += where.sql;
  set.params.insert(set.params.end(), where.params.begin(), where.params.end());
  return set;
}

sdk::Result<std::optional<LeaseRefusal>> JobLeases::Take(std::string_view job, const std::optional<LeaseTick>& tick) {
  sdk::Result<odbc::ConnectionLease> connection = store_.Acquire();
  if (!connection.ok()) return connection.status();
  auto made = (*connection)
                  ->ExecuteUpdate("INSERT INTO job_leases (job) VALUES (?) ON CONFLICT (job) DO NOTHING",
                                  {Value::String(std::string(job))});
  if (!made.ok()) return made.status();
  for (int attempt = 0; attempt < kTakeAttempts; ++attempt) {
    const std::int64_t now = NowMs();
    sdk::Result<Row> row = Read(connection->get(), job);
    if (!row.ok()) return row.status();
    if (std::optional<LeaseRefusal> refusal = Judge(*row, now, tick)) return {std::move(refusal)};
    Statement take = TakeStatement(job, *row, now, tick);
    auto taken = (*connection)->ExecuteUpdate(take.sql, take.params);
    if (!taken.ok()) return taken.status();
    if (*taken == 1) return std::optional<LeaseRefusal>();
  }
  return {LeaseRefusal{LeaseRefusal::Why::kHeld, "other hubs kept changing its lease while this one took it"}};
}

sdk::Status JobLeases::Renew(std::string_view job) {
  sdk::Result<odbc::ConnectionLease> connection = store_.Acquire();
  if (!connection.ok()) return connection.status();
  auto renewed = (*connection)
                     ->ExecuteUpdate("UPDATE job_leases SET lease_until_ms = ? WHERE job = ? AND lease_owner = ?",
                                     {Value::Int64(NowMs() + duration_.count()), Value::String(std::string(job)),
                                      Value::String(owner_)});
  if (!renewed.ok()) return renewed.status();
  if (*renewed == 0) {
    return sdk::Status::Unavailable("job '" + std::string(job) +
                                    "': this hub's lease lapsed and another hub took the job over; stopping the run");
  }
  return sdk::Status::Ok();
}

sdk::Status JobLeases::Release(std::string_view job) {
  sdk::Result<odbc::ConnectionLease> connection = store_.Acquire();
  if (!connection.ok()) return connection.status();
  auto released =
      (*connection)
          ->ExecuteUpdate(
              "UPDATE job_leases SET lease_owner = NULL, lease_until_ms = NULL WHERE job = ? AND lease_owner = ?",
              {Value::String(std::string(job)), Value::String(owner_)});
  return released.ok() ? sdk::Status::Ok() : released.status();
}

sdk::Result<std::optional<LeaseRefusal>> JobLeases::RunHolding(std::string_view job,
                                                               const std::optional<LeaseTick>& tick,
                                                               const std::function<void()>& body, const Logger& log) {
  sdk::Result<std::optional<LeaseRefusal>> taken = Take(job, tick);
  if (!taken.ok() || *taken) return taken;
  body();
  if (sdk::Status released = Release(job); !released.ok()) {
    log->warn("job {}: the lease was not released: {}", job, released.ToString());
  }
  return std::optional<LeaseRefusal>();
}

}  // namespace hub::service
