#include "delivery/outbox_reader.hpp"

#include <optional>

namespace hub::delivery {

using sdk::Value;

sdk::Result<std::string> StoreIdentity(odbc::Connection& connection) {
  sdk::Result<odbc::RowSet> rows = connection.Query("SELECT id FROM store_identity");
  if (!rows.ok()) return rows.status().WithContext("reading the store's identity");
  if (rows->rows.size() != 1 || rows->rows[0][0].is_null()) {
    return sdk::Status::NotFound("the store has no identity (store_identity): run `hub db migrate`");
  }
  return rows->rows[0][0].text();
}

sdk::Result<OutboxEvent> ReadEvent(odbc::Statement& statement, std::size_t first) {
  OutboxEvent event;
  sdk::Result<std::optional<std::int64_t>> id = statement.GetInt64(first);
  if (!id.ok()) return id.status();
  event.id = id->value_or(0);
  std::string* texts[] = {&event.aggregate, &event.aggregate_id, &event.kind, &event.payload};
  for (std::size_t i = 0; i < 4; ++i) {
    sdk::Result<std::optional<std::string>> text = statement.GetString(first + 1 + i);
    if (!text.ok()) return text.status();
    *texts[i] = text->value_or("");
  }
  sdk::Result<std::optional<std::int64_t>> created = statement.GetTimestamp(first + 5);
  if (!created.ok()) return created.status();
  event.created_at_ms = created->value_or(0);
  return event;
}

sdk::Result<std::vector<OutboxEvent>> ReadOutbox(odbc::Connection& connection, std::int64_t after, std::int64_t up_to,
                                                 std::size_t limit) {
  sdk::Result<odbc::Statement*> statement =
      connection.PrepareCached(std::string("SELECT ") + kEventColumns +
                               " FROM outbox_events o WHERE o.id > ? AND o.id <= ? ORDER BY o.id LIMIT ?");
  if (!statement.ok()) return statement.status().WithContext("reading the outbox");
  HUB_RETURN_IF_ERROR(
      (*statement)
          ->Execute({Value::Int64(after), Value::Int64(up_to), Value::Int64(static_cast<std::int64_t>(limit))})
          .status()
          .WithContext("reading the outbox"));
  std::vector<OutboxEvent> events;
  events.reserve(limit);
  while (true) {
    sdk::Result<bool> row = (*statement)->Next();
    if (!row.ok()) return row.status().WithContext("reading the outbox");
    if (!*row) return events;
    sdk::Result<OutboxEvent> event = ReadEvent(**statement, 0);
    if (!event.ok()) return event.status().WithContext("reading the outbox");
    events.push_back(std::move(event).value());
  }
}

}  // namespace hub::delivery
