#include "delivery/lanes.hpp"

#include <set>

#include "common/lease_owner.hpp"
#include "hub/odbc/transaction.hpp"

namespace hub::delivery {
namespace {

using sdk::Value;

constexpr char kLaneColumns[] = "lane, position, attempts, next_attempt_at_ms, last_error, delivered";

Value OptionalInt(const std::optional<std::int64_t>& value) { return value ? Value::Int64(*value) : Value::Null(); }

Value OptionalText(const std::string& text) { return text.empty() ? Value::Null() : Value::String(text); }

Lane LaneFromRow(const odbc::Row& row) {
  Lane lane;
  lane.lane = static_cast<int>(row.at(0).integer());
  lane.position = row.at(1).integer();
  lane.attempts = static_cast<int>(row.at(2).integer());
  if (!row.at(3).is_null()) lane.next_attempt_at_ms = row.at(3).integer();
  lane.last_error = row.at(4).is_null() ? "" : row.at(4).text();
  lane.delivered = row.at(5).integer();
  return lane;
}

// A lane with its lease as a claim reads it: `owner` empty when free.
struct HeldLane {
  Lane lane;
  std::string owner;
  std::optional<std::int64_t> until_ms;
};

sdk::Result<std::vector<HeldLane>> ReadHeldLanes(odbc::Connection& connection, const std::string& subscriber) {
  auto rows =
      connection.Query(std::string("SELECT ") + kLaneColumns +
                           ", lease_owner, lease_until_ms FROM delivery_lanes WHERE subscriber = ? ORDER BY lane",
                       {Value::String(subscriber)});
  if (!rows.ok()) return rows.status();
  std::vector<HeldLane> lanes;
  for (const odbc::Row& row : rows->rows) {
    HeldLane held{LaneFromRow(row), row.at(6).is_null() ? "" : row.at(6).text(), std::nullopt};
    if (!row.at(7).is_null()) held.until_ms = row.at(7).integer();
    lanes.push_back(std::move(held));
  }
  return lanes;
}

// The holders of `lanes` other than `me` whose lease still runs at `now_ms` but whose process, of this
// host, is gone; each asked about once.
std::vector<std::string> GoneHolders(const std::vector<HeldLane>& lanes, const std::string& me, std::int64_t now_ms) {
  std::set<std::string> asked;
  std::vector<std::string> gone;
  for (const HeldLane& lane : lanes) {
    if (lane.owner.empty() || lane.owner == me || !lane.until_ms || *lane.until_ms <= now_ms) continue;
    if (asked.insert(lane.owner).second && IsGoneLocalProcess(lane.owner)) gone.push_back(lane.owner);
  }
  return gone;
}

// Sets `lease` on the lanes of `subscriber` that meet `condition` (over `params`), passing over those
// another transaction is claiming (PostgreSQL; SQLite has one writer).
sdk::Status TakeLanes(odbc::Connection& connection, const std::string& subscriber, const LaneLease& lease,
                      const std::string& condition, const std::vector<Value>& params) {
  const bool postgres = connection.dialect() == odbc::Dialect::kPostgres;
  std::vector<Value> all = {Value::String(lease.owner), Value::Int64(lease.until_ms), Value::String(subscriber),
                            Value::String(subscriber)};
  all.insert(all.end(), params.begin(), params.end());
  auto taken = connection.ExecuteUpdate(
      "UPDATE delivery_lanes SET lease_owner = ?, lease_until_ms = ? WHERE subscriber = ? AND lane IN (SELECT lane "
      "FROM delivery_lanes WHERE subscriber = ? AND (" +
          condition + (postgres ? ") FOR UPDATE SKIP LOCKED)" : "))"),
      all);
  return taken.ok() ? sdk::Status::Ok() : taken.status();
}

}  // namespace

sdk::Result<int> LaneCount(odbc::Connection& connection, const std::string& subscriber) {
  auto rows = connection.Query("SELECT COUNT(*) FROM delivery_lanes WHERE subscriber = ?", {Value::String(subscriber)});
  if (!rows.ok()) return rows.status().WithContext("counting the lanes of subscriber " + subscriber);
  return static_cast<int>(rows->rows.at(0).at(0).integer());
}

sdk::Status CreateLanes(odbc::Connection& connection, const std::string& subscriber, int count, std::int64_t position) {
  const std::string context = "making the lanes of subscriber " + subscriber;
  // One transaction: another hub counts either none of the lanes or all of them, never a part — its
  // count decides which lane every event belongs to.
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status().WithContext(context);
  for (int lane = 0; lane < count; ++lane) {
    auto created = connection.ExecuteUpdate(
        "INSERT INTO delivery_lanes (subscriber, lane, position) VALUES (?, ?, ?) "
        "ON CONFLICT (subscriber, lane) DO NOTHING",
        {Value::String(subscriber), Value::Int64(lane), Value::Int64(position)});
    if (!created.ok()) return created.status().WithContext(context);
  }
  return transaction->Commit().WithContext(context);
}

sdk::Result<std::vector<Lane>> ClaimLanes(odbc::Connection& connection, const std::string& subscriber,
                                          const LaneLease& lease, std::int64_t now_ms) {
  const std::string context = "claiming the lanes of subscriber " + subscriber;
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status().WithContext(context);
  HUB_RETURN_IF_ERROR(
      TakeLanes(connection, subscriber, lease,
                "lease_owner IS NULL OR lease_owner = ? OR lease_until_ms IS NULL OR lease_until_ms <= ?",
                {Value::String(lease.owner), Value::Int64(now_ms)})
          .WithContext(context));
  sdk::Result<std::vector<HeldLane>> held = ReadHeldLanes(connection, subscriber);
  if (!held.ok()) return held.status().WithContext(context);
  // A hub of this host killed and restarted finds its lanes held by its old process: taken at once.
  std::vector<std::string> gone = GoneHolders(*held, lease.owner, now_ms);
  if (!gone.empty()) {
    std::string marks;
    std::vector<Value> owners;
    for (const std::string& owner : gone) {
      marks += marks.empty() ? "?" : ", ?";
      owners.push_back(Value::String(owner));
    }
    HUB_RETURN_IF_ERROR(
        TakeLanes(connection, subscriber, lease, "lease_owner IN (" + marks + ")", owners).WithContext(context));
    held = ReadHeldLanes(connection, subscriber);
    if (!held.ok()) return held.status().WithContext(context);
  }
  HUB_RETURN_IF_ERROR(transaction->Commit().WithContext(context));
  std::vector<Lane> lanes;
  for (HeldLane& lane : *held) {
    if (lane.owner == lease.owner) lanes.push_back(std::move(lane.lane));
  }
  return lanes;
}

sdk::Result<std::vector<Lane>> ReadLanes(odbc::Connection& connection, const std::string& subscriber,
                                         const std::string& owner) {
  std::vector<Value> params = {Value::String(subscriber)};
  if (!owner.empty()) params.push_back(Value::String(owner));
  auto rows = connection.Query(std::string("SELECT ") + kLaneColumns + " FROM delivery_lanes WHERE subscriber = ?" +
                                   (owner.empty() ? "" : " AND lease_owner = ?") + " ORDER BY lane",
                               params);
  if (!rows.ok()) return rows.status().WithContext("reading the lanes of subscriber " + subscriber);
  std::vector<Lane> lanes;
  for (const odbc::Row& row : rows->rows) lanes.push_back(LaneFromRow(row));
  return lanes;
}

sdk::Status SaveLanes(odbc::Connection& connection, const std::string& subscriber, const LaneLease& lease,
                      const std::vector<Lane>& lanes) {
  if (lanes.empty()) return sdk::Status::Ok();
  const std::string context = "saving the lanes of subscriber " + subscriber;
  // One statement for every lane (a round trip per batch, not one per lane); the rows come from a UNION of
  // SELECTs, which both engines take in UPDATE … FROM (SQLite has no column names for a VALUES list).
  std::string rows;
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    rows += (i == 0 ? "SELECT " : " UNION ALL SELECT ");
    rows +=
        "CAST(? AS INTEGER) AS lane, CAST(? AS BIGINT) AS position, CAST(? AS INTEGER) AS attempts, "
        "CAST(? AS BIGINT) AS next_attempt_at_ms, CAST(? AS TEXT) AS last_error, CAST(? AS BIGINT) AS delivered";
  }
  sdk::Result<odbc::Statement*> statement = connection.PrepareCached(
      "UPDATE delivery_lanes SET position = v.position, attempts = v.attempts, next_attempt_at_ms = "
      "v.next_attempt_at_ms, last_error = v.last_error, delivered = v.delivered, lease_until_ms = ? FROM (" +
      rows +
      ") AS v WHERE delivery_lanes.subscriber = ? AND delivery_lanes.lane = v.lane AND "
      "delivery_lanes.lease_owner = ?");
  if (!statement.ok()) return statement.status().WithContext(context);
  std::vector<Value> params = {Value::Int64(lease.until_ms)};
  for (const Lane& lane : lanes) {
    params.insert(params.end(),
                  {Value::Int64(lane.lane), Value::Int64(lane.position), Value::Int64(lane.attempts),
                   OptionalInt(lane.next_attempt_at_ms), OptionalText(lane.last_error), Value::Int64(lane.delivered)});
  }
  params.insert(params.end(), {Value::String(subscriber), Value::String(lease.owner)});
  sdk::Result<std::int64_t> saved = (*statement)->Execute(params);
  if (!saved.ok()) return saved.status().WithContext(context);
  if (*saved != static_cast<std::int64_t>(lanes.size())) {
    return sdk::Status::Unavailable("the lease on " + std::to_string(lanes.size() - static_cast<std::size_t>(*saved)) +
                                    " of the lanes of subscriber " + subscriber +
                                    " was taken over by another hub; this run stops");
  }
  return sdk::Status::Ok();
}

sdk::Status ReleaseLanes(odbc::Connection& connection, const std::string& subscriber, const std::string& owner) {
  auto released = connection.ExecuteUpdate(
      "UPDATE delivery_lanes SET lease_owner = NULL, lease_until_ms = NULL WHERE subscriber = ? AND lease_owner = ?",
      {Value::String(subscriber), Value::String(owner)});
  return released.ok() ? sdk::Status::Ok()
                       : released.status().WithContext("releasing the lanes of subscriber " + subscriber);
}

}  // namespace hub::delivery
