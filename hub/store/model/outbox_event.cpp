#include "store/model/outbox_event.hpp"

#include "store/model/store_statements.hpp"

namespace hub::store_model {

sdk::Status AppendOutboxEvent(odbc::Connection& connection, const odbc::OutboxTurn& /*turn*/,
                              std::string_view aggregate, std::int64_t aggregate_id, std::string_view kind,
                              const std::string& payload) {
  auto added = ExecuteStoreStatement(
      connection, "INSERT INTO outbox_events (aggregate, aggregate_id, kind, payload) VALUES (?, ?, ?, ?)",
      {sdk::Value::String(std::string(aggregate)), sdk::Value::String(std::to_string(aggregate_id)),
       sdk::Value::String(std::string(kind)), sdk::Value::String(payload)});
  return added.ok() ? sdk::Status::Ok() : added.status();
}

}  // namespace hub::store_model
