// The event an entity registers for a change of one column (EntityBehaviour::column_change): an employee's
// "employee.status_changed" when HR moves it from active to on_leave or left.
#ifndef HUB_STORE_MODEL_COLUMN_CHANGE_HPP_
#define HUB_STORE_MODEL_COLUMN_CHANGE_HPP_

#include <cstdint>
#include <optional>
#include <utility>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"
#include "store/model/entity_behaviour.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Watches one row's registered column across its write: Before reads the stored value, After reads it again
// and, when it moved, appends "<entity>.<change>" to outbox_events for the row with the payload
// {"previous_<field>": old, "<field>": new, "<since>": the stored date or null}. A row that is inserted has no
// previous value and gets no such event; a write that leaves the value as it was (a re-read of the same row,
// a change of another field) gets none either. Threads: as the connection. Lifetime: one record's write, inside
// the caller's transaction, which holds the outbox writers' turn. Errors: the driver's Status.
class ColumnChange {
 public:
  // Nothing is watched when `entity` registers no column change.
  ColumnChange(odbc::Connection& connection, const model::EntitySpec& entity, const odbc::OutboxTurn& turn);

  // Reads the value stored in row `row_id` before it is written.
  sdk::Status Before(std::int64_t row_id);

  // Reads the value written and appends the event when it differs from what Before read.
  sdk::Status After(std::int64_t row_id);

 private:
  // The row's (field, since) values; nullopt when the row is not there.
  sdk::Result<std::optional<std::pair<sdk::Value, sdk::Value>>> Read(std::int64_t row_id);

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;  // the transaction's; the change lives within it
  const model::EntitySpec& entity_;
  const ColumnChangeEvent& change_;
  std::optional<sdk::Value> previous_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_COLUMN_CHANGE_HPP_
