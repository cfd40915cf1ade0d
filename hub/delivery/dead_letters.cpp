#include "delivery/dead_letters.hpp"

#include <optional>

#include "delivery/outbox_reader.hpp"

namespace hub::delivery {

using sdk::Value;

sdk::Status PutDeadLetters(odbc::Connection& connection, const std::string& subscriber,
                           const std::vector<DeadLetterWrite>& letters, std::int64_t now_ms) {
  if (letters.empty()) return sdk::Status::Ok();
  sdk::Result<odbc::Statement*> statement = connection.PrepareCached(
      "INSERT INTO delivery_dead_letters (subscriber, outbox_id, attempts, last_error, dead_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (subscriber, outbox_id) DO UPDATE SET attempts = excluded.attempts, "
      "last_error = excluded.last_error, dead_at = excluded.dead_at, replay_requested_at = NULL, replayed_at = NULL");
  if (!statement.ok()) return statement.status().WithContext("writing dead letters of subscriber " + subscriber);
  for (const DeadLetterWrite& letter : letters) {
    auto put = (*statement)
                   ->Execute({Value::String(subscriber), Value::Int64(letter.outbox_id), Value::Int64(letter.attempts),
                              Value::String(letter.last_error), Value::Timestamp(now_ms)});
    if (!put.ok()) return put.status().WithContext("writing dead letters of subscriber " + subscriber);
  }
  return sdk::Status::Ok();
}

sdk::Result<std::vector<ReplayRequest>> RequestedReplays(odbc::Connection& connection, const std::string& subscriber,
                                                         std::int64_t after, std::int64_t now_ms, std::size_t limit) {
  const std::string context = "reading the replays requested for subscriber " + subscriber;
  sdk::Result<odbc::Statement*> statement = connection.PrepareCached(
      std::string("SELECT d.attempts, ") + kEventColumns +
      " FROM delivery_dead_letters d JOIN outbox_events o ON o.id = d.outbox_id "
      "WHERE d.subscriber = ? AND d.replay_requested_at <= ? AND d.replayed_at IS NULL AND d.outbox_id > ? "
      "ORDER BY d.outbox_id LIMIT ?");
  if (!statement.ok()) return statement.status().WithContext(context);
  HUB_RETURN_IF_ERROR((*statement)
                          ->Execute({Value::String(subscriber), Value::Timestamp(now_ms), Value::Int64(after),
                                     Value::Int64(static_cast<std::int64_t>(limit))})
                          .status()
                          .WithContext(context));
  std::vector<ReplayRequest> requests;
  while (true) {
    sdk::Result<bool> row = (*statement)->Next();
    if (!row.ok()) return row.status().WithContext(context);
    if (!*row) return requests;
    sdk::Result<std::optional<std::int64_t>> attempts = (*statement)->GetInt64(0);
    if (!attempts.ok()) return attempts.status().WithContext(context);
    sdk::Result<OutboxEvent> event = ReadEvent(**statement, 1);
    if (!event.ok()) return event.status().WithContext(context);
    requests.push_back({std::move(event).value(), static_cast<int>(attempts->value_or(0))});
  }
}

sdk::Status MarkReplayed(odbc::Connection& connection, const std::string& subscriber,
                         const std::vector<std::int64_t>& outbox_ids, std::int64_t now_ms) {
  sdk::Result<odbc::Statement*> statement = connection.PrepareCached(
      "UPDATE delivery_dead_letters SET replayed_at = ? WHERE subscriber = ? AND outbox_id = ?");
  if (!statement.ok()) return statement.status().WithContext("closing replayed dead letters of " + subscriber);
  for (std::int64_t id : outbox_ids) {
    auto marked = (*statement)->Execute({Value::Timestamp(now_ms), Value::String(subscriber), Value::Int64(id)});
    if (!marked.ok()) return marked.status().WithContext("closing replayed dead letters of " + subscriber);
  }
  return sdk::Status::Ok();
}

sdk::Status ReplayFailed(odbc::Connection& connection, const std::string& subscriber, const DeadLetterWrite& letter,
                         bool refused, std::int64_t now_ms, std::int64_t retry_at_ms) {
  auto updated = refused
                     ? connection.ExecuteUpdate(
                           "UPDATE delivery_dead_letters SET attempts = ?, last_error = ?, dead_at = ?, "
                           "replay_requested_at = NULL WHERE subscriber = ? AND outbox_id = ?",
                           {Value::Int64(letter.attempts), Value::String(letter.last_error), Value::Timestamp(now_ms),
                            Value::String(subscriber), Value::Int64(letter.outbox_id)})
                     : connection.ExecuteUpdate(
                           "UPDATE delivery_dead_letters SET attempts = ?, last_error = ?, replay_requested_at = ? "
                           "WHERE subscriber = ? AND outbox_id = ?",
                           {Value::Int64(letter.attempts), Value::String(letter.last_error),
                            Value::Timestamp(retry_at_ms), Value::String(subscriber), Value::Int64(letter.outbox_id)});
  return updated.ok() ? sdk::Status::Ok()
                      : updated.status().WithContext("noting a failed replay for subscriber " + subscriber);
}

}  // namespace hub::delivery
