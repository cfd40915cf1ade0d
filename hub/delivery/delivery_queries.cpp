#include "delivery/delivery_queries.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "delivery/lanes.hpp"
#include "delivery/outbox_event.hpp"
#include "delivery/outbox_reader.hpp"
#include "hub/odbc/transaction.hpp"

namespace hub::delivery {
namespace {

using sdk::Value;

std::int64_t Integer(const Value& value) { return value.is_null() ? 0 : value.integer(); }
std::string Text(const Value& value) { return value.is_null() ? "" : value.text(); }

sdk::Result<std::int64_t> ValueOf(odbc::Connection& connection, const std::string& sql,
                                  const std::vector<Value>& params) {
  auto rows = connection.Query(sql, params);
  if (!rows.ok()) return rows.status();
  return Integer(rows->rows.at(0).at(0));
}

sdk::Result<SubscriberState> StateOf(odbc::Connection& connection, const std::string& identity,
                                     const std::string& subscriber) {
  SubscriberState state;
  state.subscriber = subscriber;
  sdk::Result<std::vector<Lane>> lanes = ReadLanes(connection, subscriber, "");
  if (!lanes.ok()) return lanes.status();
  state.started = !lanes->empty();
  state.lanes = static_cast<int>(lanes->size());
  for (const Lane& lane : *lanes) {
    state.position = &lane == &lanes->front() ? lane.position : std::min(state.position, lane.position);
    state.delivered += lane.delivered;
    if (!lane.next_attempt_at_ms) continue;
    state.retrying.push_back({lane.lane, lane.position + 1, EventId(identity, lane.position + 1), lane.attempts,
                              *lane.next_attempt_at_ms, lane.last_error});
  }
  // An estimate read off the primary key, not a count of the rows after `position`, which would read
  // the whole backlog on every call.
  sdk::Result<std::int64_t> highest = ValueOf(connection, "SELECT MAX(id) FROM outbox_events", {});
  if (!highest.ok()) return highest.status();
  state.pending = std::max<std::int64_t>(0, *highest - state.position);
  sdk::Result<std::int64_t> dead =
      ValueOf(connection, "SELECT COUNT(*) FROM delivery_dead_letters WHERE subscriber = ? AND replayed_at IS NULL",
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
                                       const std::vector<std::int64_t>& outbox_ids, const Clock& clock) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  const std::int64_t now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now().time_since_epoch()).count();
  const std::string sql =
      "UPDATE delivery_dead_letters SET replay_requested_at = ? WHERE subscriber = ? AND replayed_at IS NULL";
  const std::vector<Value> params = {Value::Timestamp(now_ms), Value::String(std::string(subscriber))};
  const std::string context = "requesting a replay for " + std::string(subscriber);
  if (outbox_ids.empty()) {
    auto marked = (*lease)->ExecuteUpdate(sql, params);
    if (!marked.ok()) return marked.status().WithContext(context);
    return static_cast<std::size_t>(std::max<std::int64_t>(*marked, 0));
  }
  // One transaction: the operator's request holds for all the ids or for none.
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(lease->get());
  if (!transaction.ok()) return transaction.status().WithContext(context);
  sdk::Result<odbc::Statement*> statement = (*lease)->PrepareCached(sql + " AND outbox_id = ?");
  if (!statement.ok()) return statement.status().WithContext(context);
  std::size_t requested = 0;
  for (std::int64_t id : outbox_ids) {
    std::vector<Value> one = params;
    one.push_back(Value::Int64(id));
    auto marked = (*statement)->Execute(one);
    if (!marked.ok()) return marked.status().WithContext(context);
    requested += static_cast<std::size_t>(std::max<std::int64_t>(*marked, 0));
  }
  HUB_RETURN_IF_ERROR(transaction->Commit().WithContext(context));
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
