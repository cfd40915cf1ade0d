#include "store/odbc/outbox_turn.hpp"

#include <optional>
#include <string>

#include "hub/odbc/transaction.hpp"

namespace hub::odbc {
namespace {

// One bigint key, so that it can never equal the (int, int) keys of the source-system locks; the schema's
// hash in the high half keeps stores in different schemas of one database apart.
constexpr const char* kOutboxKey = "((hashtext(current_schema())::bigint << 32) | 1)";

}  // namespace

sdk::Result<OutboxTurn> TakeOutboxWriterTurn(Connection& connection) {
  if (connection.dialect() != Dialect::kPostgres) return OutboxTurn();
  if (!connection.in_transaction()) {
    return sdk::Status::Internal("an outbox writer's turn is taken inside its transaction");
  }
  sdk::Result<Statement*> statement =
      connection.PrepareCached(std::string("SELECT pg_advisory_xact_lock_shared") + kOutboxKey);
  if (!statement.ok()) return statement.status().WithContext("taking the outbox writer's turn");
  sdk::Result<std::int64_t> taken = (*statement)->Execute();
  if (!taken.ok()) return taken.status().WithContext("taking the outbox writer's turn");
  HUB_RETURN_IF_ERROR((*statement)->CloseCursor());
  return OutboxTurn();
}

sdk::Result<std::int64_t> VisibleOutboxMax(Connection& connection) {
  sdk::Result<Statement*> statement = connection.PrepareCached("SELECT COALESCE(MAX(id), 0) FROM outbox_events");
  if (!statement.ok()) return statement.status();
  HUB_RETURN_IF_ERROR((*statement)->Execute().status());
  sdk::Result<bool> row = (*statement)->Next();
  if (!row.ok()) return row.status();
  sdk::Result<std::optional<std::int64_t>> max = (*statement)->GetInt64(0);
  if (!max.ok()) return max.status();
  HUB_RETURN_IF_ERROR((*statement)->CloseCursor());
  return max->value_or(0);
}

sdk::Result<std::int64_t> CommittedOutboxBound(Connection& connection) {
  if (connection.in_transaction()) {
    return sdk::Status::Internal("the committed outbox bound is read outside a transaction");
  }
  if (connection.dialect() != Dialect::kPostgres) return VisibleOutboxMax(connection);
  sdk::Result<Transaction> transaction = Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  sdk::Result<Statement*> lock = connection.PrepareCached(std::string("SELECT pg_advisory_xact_lock") + kOutboxKey);
  if (!lock.ok()) return lock.status().WithContext("waiting for the outbox writers");
  HUB_RETURN_IF_ERROR((*lock)->Execute().status().WithContext("waiting for the outbox writers"));
  HUB_RETURN_IF_ERROR((*lock)->CloseCursor());
  sdk::Result<std::int64_t> max = VisibleOutboxMax(connection);
  if (!max.ok()) return max.status();
  HUB_RETURN_IF_ERROR(transaction->Commit());
  return *max;
}

}  // namespace hub::odbc
