#include "hub/odbc/transaction.hpp"

#include <atomic>
#include <utility>

namespace hub::odbc {

sdk::Result<Transaction> Transaction::Begin(Connection& connection) {
  HUB_RETURN_IF_ERROR(connection.BeginTransaction());
  return Transaction(&connection);
}

Transaction::Transaction(Transaction&& other) noexcept : connection_(std::exchange(other.connection_, nullptr)) {}

Transaction::~Transaction() {
  // Errors cannot be reported from here; a connection lost meanwhile is marked broken by the driver call.
  if (connection_ != nullptr && connection_->in_transaction()) static_cast<void>(connection_->Rollback());
}

sdk::Status Transaction::Commit() {
  if (connection_ == nullptr) return sdk::Status::Internal("commit: the transaction has already ended");
  HUB_RETURN_IF_ERROR(connection_->Commit());
  connection_ = nullptr;
  return sdk::Status::Ok();
}

sdk::Status Transaction::Rollback() {
  if (connection_ == nullptr) return sdk::Status::Internal("rollback: the transaction has already ended");
  Connection* connection = std::exchange(connection_, nullptr);
  return connection->Rollback();
}

namespace {

std::string NextSavepointName() {
  static std::atomic<std::uint64_t> counter{0};
  return "hub_sp_" + std::to_string(counter.fetch_add(1, std::memory_order_relaxed));
}

}  // namespace

sdk::Result<Savepoint> Savepoint::Create(Connection& connection) {
  if (!connection.in_transaction()) {
    return sdk::Status::Internal("a savepoint needs an open transaction");
  }
  std::string name = NextSavepointName();
  HUB_RETURN_IF_ERROR(connection.ExecuteDirect("SAVEPOINT " + name));
  return Savepoint(&connection, std::move(name));
}

Savepoint::Savepoint(Savepoint&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)), name_(std::move(other.name_)) {}

Savepoint::~Savepoint() {
  if (connection_ != nullptr) static_cast<void>(RollbackTo());  // errors cannot be reported from here
}

sdk::Status Savepoint::Release() {
  if (connection_ == nullptr) return sdk::Status::Internal("the savepoint has already ended");
  Connection* connection = std::exchange(connection_, nullptr);
  return connection->ExecuteDirect("RELEASE SAVEPOINT " + name_);
}

sdk::Status Savepoint::RollbackTo() {
  if (connection_ == nullptr) return sdk::Status::Internal("the savepoint has already ended");
  Connection* connection = std::exchange(connection_, nullptr);
  if (!connection->in_transaction()) return sdk::Status::Ok();  // the transaction ended: nothing to undo
  HUB_RETURN_IF_ERROR(connection->ExecuteDirect("ROLLBACK TO SAVEPOINT " + name_));
  return connection->ExecuteDirect("RELEASE SAVEPOINT " + name_);
}

}  // namespace hub::odbc
