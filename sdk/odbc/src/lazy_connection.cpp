#include "hub/odbc/lazy_connection.hpp"

#include <utility>

namespace hub::odbc {

LazyConnection::LazyConnection(std::string connection_string, std::string database)
    : connection_string_(std::move(connection_string)), database_(std::move(database)) {}

sdk::Status LazyConnection::Open(bool* opened) {
  if (opened != nullptr) *opened = false;
  if (connection_ != nullptr && !connection_->broken()) return sdk::Status::Ok();
  connection_.reset();
  if (environment_ == nullptr) {
    sdk::Result<std::shared_ptr<Environment>> environment = Environment::Create();
    if (!environment.ok()) return environment.status();
    environment_ = std::move(environment).value();
  }
  sdk::Result<std::unique_ptr<Connection>> connection = Connection::Open(environment_, connection_string_);
  if (!connection.ok()) return connection.status().WithContext("connecting to " + database_);
  connection_ = std::move(connection).value();
  if (opened != nullptr) *opened = true;
  return sdk::Status::Ok();
}

bool LazyConnection::DropIfBroken(const sdk::Status& failure) {
  if (failure.ok() || connection_ == nullptr || !connection_->broken()) return false;
  connection_.reset();
  return true;
}

}  // namespace hub::odbc
