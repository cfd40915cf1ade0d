// The commit order of the outbox on PostgreSQL: writers take a shared turn, the delivery waits for every
// turn to end before it trusts the highest id it sees.
#ifndef HUB_STORE_ODBC_OUTBOX_TURN_HPP_
#define HUB_STORE_ODBC_OUTBOX_TURN_HPP_

#include <cstdint>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

class OutboxTurn;

// Outbox ids come from a sequence drawn before commit, so on PostgreSQL a later id can be committed (and
// read) while an earlier one is still in flight: a reader that moved past the later id would skip the
// earlier one for good. Every transaction that appends to outbox_events therefore calls this as its first
// statement: it takes the store's outbox lock in shared mode (pg_advisory_xact_lock_shared, keyed by the
// schema so that stores in different schemas never wait for each other), held until the transaction ends.
// Writers never wait for each other; they wait only while a reader's CommittedOutboxBound holds the lock.
// SQLite has one writer at a time and ids in commit order: nothing to do, and the token comes for free.
// The answer is the token every outbox writer of the model layer asks for (OutboxTurn).
// Threads: as the connection. Errors: Internal outside a transaction (the lock would end at once); driver
// errors.
sdk::Result<OutboxTurn> TakeOutboxWriterTurn(Connection& connection);

// Proof that a transaction holds the outbox writers' turn: only TakeOutboxWriterTurn makes one, and whatever
// appends to outbox_events asks for it (the model layer's writers, store/model/, take it at construction), so
// code that did not take the turn does not compile. It carries nothing: the lock is the transaction's and
// ends with it, whatever becomes of the token. Valid for the connection and the transaction it was taken in
// (take a new one in each transaction); a writer that keeps it (BulkPartyWriter) must not outlive it.
// Move-only.
class OutboxTurn {
 public:
  OutboxTurn(OutboxTurn&&) noexcept = default;
  OutboxTurn& operator=(OutboxTurn&&) noexcept = default;
  OutboxTurn(const OutboxTurn&) = delete;
  OutboxTurn& operator=(const OutboxTurn&) = delete;

 private:
  OutboxTurn() = default;
  friend sdk::Result<OutboxTurn> TakeOutboxWriterTurn(Connection& connection);
};

// The highest outbox id such that every id at or below it is committed or will never be: on PostgreSQL it
// takes the outbox lock exclusively in a short transaction of its own (waiting for the writers holding a
// turn to end), reads max(id) and commits; on SQLite it reads max(id). 0 for an empty outbox.
// Threads: as the connection, which must have no open transaction. Errors: Internal inside a transaction;
// driver errors.
sdk::Result<std::int64_t> CommittedOutboxBound(Connection& connection);

// max(id) of outbox_events as this connection sees it now, without waiting (0 when empty): a bound only on
// SQLite; on PostgreSQL it tells whether anything new may have arrived since the last committed bound.
sdk::Result<std::int64_t> VisibleOutboxMax(Connection& connection);

}  // namespace hub::odbc

#endif  // HUB_STORE_ODBC_OUTBOX_TURN_HPP_
