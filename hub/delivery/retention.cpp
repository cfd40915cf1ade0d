#include "delivery/retention.hpp"

#include <algorithm>
#include <limits>
#include <optional>

namespace hub::delivery {
namespace {

using sdk::Value;

// Rows published, or deleted, per statement: each statement stays short, whatever the backlog.
constexpr std::int64_t kRange = 10000;

// The highest outbox id every lane of every subscriber has passed (0 when one has no lanes).
sdk::Result<std::int64_t> PassedByAll(odbc::Connection& connection, const std::vector<std::string>& subscribers) {
  std::int64_t passed = std::numeric_limits<std::int64_t>::max();
  for (const std::string& subscriber : subscribers) {
    auto rows =
        connection.Query("SELECT MIN(position) FROM delivery_lanes WHERE subscriber = ?", {Value::String(subscriber)});
    if (!rows.ok()) return rows.status();
    const Value& lowest = rows->rows.at(0).at(0);
    passed = std::min(passed, lowest.is_null() ? 0 : lowest.integer());
  }
  return subscribers.empty() ? 0 : passed;
}

sdk::Status Publish(odbc::Connection& connection, std::int64_t passed, std::int64_t now_ms) {
  auto first = connection.Query("SELECT MIN(id) FROM outbox_events WHERE published_at IS NULL");
  if (!first.ok()) return first.status();
  if (first->rows.at(0).at(0).is_null()) return sdk::Status::Ok();
  for (std::int64_t low = first->rows.at(0).at(0).integer() - 1; low < passed; low += kRange) {
    auto published = connection.ExecuteUpdate(
        "UPDATE outbox_events SET published_at = ? WHERE id > ? AND id <= ? AND published_at IS NULL",
        {Value::Timestamp(now_ms), Value::Int64(low), Value::Int64(std::min(passed, low + kRange))});
    if (!published.ok()) return published.status();
  }
  return sdk::Status::Ok();
}

// The id in the first row `sql` answers; nullopt when it answers none (or NULL).
sdk::Result<std::optional<std::int64_t>> FirstId(odbc::Connection& connection, const std::string& sql,
                                                 const std::vector<Value>& params = {}) {
  auto rows = connection.Query(sql, params);
  if (!rows.ok()) return rows.status();
  if (rows->rows.empty()) return std::optional<std::int64_t>();
  const Value& min = rows->rows.at(0).at(0);
  return min.is_null() ? std::nullopt : std::optional<std::int64_t>(min.integer());
}

// Deletes the old rows up to `passed` (only rows every subscriber has passed: one added later with
// start=beginning still needs the older ones).
sdk::Status DeleteOld(odbc::Connection& connection, std::int64_t passed, std::int64_t now_ms,
                      std::chrono::milliseconds retention) {
  const std::int64_t cutoff = now_ms - retention.count();
  // Rows are published in id order, so the old ones are the ids below the first row that is not old. That
  // row is found first, reading the table in id order only as far as the old rows reach (at once when
  // nothing is old: the outbox has no index on published_at), and it bounds the search for the lowest old
  // row, so a run with nothing to delete reads next to nothing.
  auto young = FirstId(connection,
                       "SELECT id FROM outbox_events WHERE id <= ? AND (published_at IS NULL OR published_at >= ?) "
                       "ORDER BY id LIMIT 1",
                       {Value::Int64(passed), Value::Timestamp(cutoff)});
  if (!young.ok()) return young.status();
  const std::int64_t below = *young ? **young : passed + 1;  // every row below it is old
  auto lowest = FirstId(connection,
                        "SELECT o.id FROM outbox_events o WHERE o.id < ? AND o.published_at < ? AND NOT EXISTS "
                        "(SELECT 1 FROM delivery_dead_letters d WHERE d.outbox_id = o.id AND d.replayed_at IS NULL) "
                        "ORDER BY o.id LIMIT 1",
                        {Value::Int64(below), Value::Timestamp(cutoff)});
  if (!lowest.ok() || !*lowest) return lowest.status();
  for (std::int64_t low = **lowest - 1; low < below - 1; low += kRange) {
    auto deleted = connection.ExecuteUpdate(
        "DELETE FROM outbox_events WHERE id > ? AND id <= ? AND NOT EXISTS "
        "(SELECT 1 FROM delivery_dead_letters d WHERE d.outbox_id = outbox_events.id AND d.replayed_at IS NULL)",
        {Value::Int64(low), Value::Int64(std::min(below - 1, low + kRange))});
    if (!deleted.ok()) return deleted.status();
  }
  return sdk::Status::Ok();
}

}  // namespace

sdk::Status ApplyOutboxRetention(odbc::Connection& connection, const std::vector<std::string>& subscribers,
                                 std::int64_t now_ms, std::chrono::milliseconds retention) {
  sdk::Result<std::int64_t> passed = PassedByAll(connection, subscribers);
  if (!passed.ok()) return passed.status().WithContext("outbox retention");
  if (*passed <= 0) return sdk::Status::Ok();  // a subscriber without lanes yet has passed nothing
  HUB_RETURN_IF_ERROR(Publish(connection, *passed, now_ms).WithContext("outbox retention"));
  return DeleteOld(connection, *passed, now_ms, retention).WithContext("outbox retention");
}

}  // namespace hub::delivery
