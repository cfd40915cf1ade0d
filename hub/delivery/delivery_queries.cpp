#include "delivery/delivery_queries.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "delivery/outbox_event.hpp"
#include "delivery/outbox_reader.hpp"

namespace hub::delivery {
namespace {

using sdk::Value;

std::int64_t Integer(const Value& value) { return value.is_null() ? 0 : value.integer(); }
std::string Text(const Value& value) { return value.is_null() ? "" : value.text(); }

sdk::Result<std::int64_t> CountOf(odbc::Connection& connection, const std::string& sql,
                                  const std::vector<Value>& params) {
  auto rows = connection.Query(sql, params);
  if (!rows.ok()) return rows.status();
  return Integer(rows->rows.at(0).at(0));
}

sdk::Result<SubscriberState> StateOf(odbc::Connection& connection, const std::string& identity,
                                     const std::string& subscriber) {
  SubscriberState state;
  state.subscriber = subscriber;
  auto lanes = connection.Query(
      "SELECT lane, position, attempts, next_attempt_at_ms, last_error, delivered FROM delivery_lanes "
      "WHERE subscriber = ? ORDER BY lane",
      {Value::String(subscriber)});
  if (!lanes.ok()) return lanes.status();
  state.started = !lanes->rows.empty();
  state.lanes = static_cast<int>(lanes->rows.size());
  for (const odbc::Row& row : lanes->rows) {
    const std::int64_t position = Integer(row[1]);
    state.position = &row == &lanes->rows.front() ? position : std::min(state.position, position);
    state.delivered += Integer(row[5]);
    if (row[3].is_null()) continue;
    state.retrying.push_back({static_cast<int>(Integer(row[0])), position + 1, EventId(identity, position + 1),
                              static_cast<int>(Integer(row[2])), Integer(row[3]), Text(row[4])});
  }
  sdk::Result<std::int64_t> pending =
      CountOf(connection, "SELECT COUNT(*) FROM outbox_events WHERE id > ?", {Value::Int64(state.position)});
  if (!pending.ok()) return pending.status();
  state.pending = *pending;
  sdk::Result<std::int64_t> dead =
      CountOf(connection, "SELECT COUNT(*) FROM delivery_dead_letters WHERE subscriber = ? AND replayed_at IS NULL",
              {Value::String(subscriber)});
  if (!dead.ok()) return dead.status();
  state.dead_letters = *dead;
  return state;
}

DeadLetter DeadLetterFromRow(const odbc::Row& row, const std::string& identity, std::string_view subscriber) {
  DeadLetter letter;
  letter.subscriber = std::string(subscriber);
  letter.outbox_id = Integer(row[0]);
  letter.event_id = EventId(identity, letter.outbox_id);
  letter.attempts = static_cast<int>(Integer(row[1]));
  letter.last_error = Text(row[2]);
  letter.dead_at_ms = Integer(row[3]);
  if (!row[4].is_null()) letter.replay_requested_at_ms = row[4].integer();
  letter.kind = Text(row[5]);
  letter.aggregate = Text(row[6]);
  letter.aggregate_id = Text(row[7]);
  return letter;
}

}  // namespace

sdk::Result<std::vector<SubscriberState>> DeliveryStates(odbc::Database& store,
                                                         const std::vector<std::string>& subscribers) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  sdk::Result<std::string> identity = StoreIdentity(lease->get());
  if (!identity.ok()) return identity.status();
  std::vector<SubscriberState> states;
  for (const std::string& subscriber : subscribers) {
    sdk::Result<SubscriberState> state = StateOf(lease->get(), *identity, subscriber);
    if (!state.ok()) return state.status().WithContext("reading the delivery state of " + subscriber);
    states.push_back(std::move(state).value());
  }
  return states;
}

sdk::Result<std::vector<DeadLetter>> ListDeadLetters(odbc::Database& store, std::string_view subscriber,
                                                     std::size_t limit) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  sdk::Result<std::string> identity = StoreIdentity(lease->get());
  if (!identity.ok()) return identity.status();
  auto rows = (*lease)->Query(
      "SELECT d.outbox_id, d.attempts, d.last_error, d.dead_at, d.replay_requested_at, o.kind, o.aggregate, "
      "o.aggregate_id FROM delivery_dead_letters d LEFT JOIN outbox_events o ON o.id = d.outbox_id "
      "WHERE d.subscriber = ? AND d.replayed_at IS NULL ORDER BY d.outbox_id LIMIT ?",
      {Value::String(std::string(subscriber)), Value::Int64(static_cast<std::int64_t>(limit))});
  if (!rows.ok()) return rows.status().WithContext("listing the dead letters of " + std::string(subscriber));
  std::vector<DeadLetter> letters;
  for (const odbc::Row& row : rows->rows) letters.push_back(DeadLetterFromRow(row, *identity, subscriber));
  return letters;
}

sdk::Result<std::size_t> RequestReplay(odbc::Database& store, std::string_view subscriber,
                                       const std::vector<std::int64_t>& outbox_ids) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  const std::int64_t now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  const std::string sql =
      "UPDATE delivery_dead_letters SET replay_requested_at = ? WHERE subscriber = ? AND replayed_at IS NULL";
  const std::vector<Value> params = {Value::Timestamp(now_ms), Value::String(std::string(subscriber))};
  const std::string context = "requesting a replay for " + std::string(subscriber);
  if (outbox_ids.empty()) {
    auto marked = (*lease)->ExecuteUpdate(sql, params);
    if (!marked.ok()) return marked.status().WithContext(context);
    return static_cast<std::size_t>(std::max<std::int64_t>(*marked, 0));
  }
  std::size_t requested = 0;
  for (std::int64_t id : outbox_ids) {
    std::vector<Value> one = params;
    one.push_back(Value::Int64(id));
    auto marked = (*lease)->ExecuteUpdate(sql + " AND outbox_id = ?", one);
    if (!marked.ok()) return marked.status().WithContext(context);
    requested += static_cast<std::size_t>(std::max<std::int64_t>(*marked, 0));
  }
  return requested;
}

sdk::Result<std::vector<std::int64_t>> OutboxIdsOfEvents(odbc::Database& store,
                                                         const std::vector<std::string>& event_ids) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  sdk::Result<std::string> identity = StoreIdentity(lease->get());
  if (!identity.ok()) return identity.status();
  const std::string prefix = *identity + "-";
  std::vector<std::int64_t> ids;
  for (const std::string& event_id : event_ids) {
    std::int64_t id = 0;
    const char* digits = event_id.data() + prefix.size();
    const char* end = event_id.data() + event_id.size();
    const bool ours = event_id.size() > prefix.size() && event_id.compare(0, prefix.size(), prefix) == 0;
    if (!ours || std::from_chars(digits, end, id).ptr != end || id <= 0) {
      return sdk::Status::InvalidArgument("'" + event_id + "' is not an event id of this store (they read '" + prefix +
                                          "<outbox id>')");
    }
    ids.push_back(id);
  }
  return ids;
}

}  // namespace hub::delivery
