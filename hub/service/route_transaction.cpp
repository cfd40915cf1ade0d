#include "service/route_transaction.hpp"

#include "hub/odbc/transaction.hpp"
#include "service/route_answers.hpp"

namespace hub::service {

api::HttpResponse InWriteTransaction(
    odbc::Database& store,
    const std::function<api::HttpResponse(odbc::Connection& connection, const odbc::OutboxTurn& turn)>& write) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  odbc::Connection& connection = lease->get();
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return StoreFailure(transaction.status());
  sdk::Result<odbc::OutboxTurn> turn = odbc::TakeOutboxWriterTurn(connection);
  if (!turn.ok()) return StoreFailure(turn.status());
  api::HttpResponse response = write(connection, *turn);
  if (response.status < 200 || response.status >= 300) return response;
  if (sdk::Status committed = transaction->Commit(); !committed.ok()) return StoreFailure(committed);
  return response;
}

}  // namespace hub::service
