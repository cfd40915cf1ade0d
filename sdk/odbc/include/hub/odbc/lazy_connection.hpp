// The connection a connector keeps to its ODBC data source between calls: opened when first needed, and
// opened anew after the server dropped it.
#ifndef HUB_ODBC_LAZY_CONNECTION_HPP_
#define HUB_ODBC_LAZY_CONNECTION_HPP_

#include <memory>
#include <string>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/handles.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// At most one open Connection to one connection string, and the Environment it needs (made once). Open()
// opens it when there is none; DropIfBroken() closes it when a statement found it lost (Connection::broken),
// so the next Open() connects again. Dereference only while is_open(). Not thread-safe: one call at a time,
// as the hub calls a connector.
class LazyConnection {
 public:
  // `database` names the data source in errors: "the finance database" gives "connecting to the finance
  // database: ...".
  LazyConnection(std::string connection_string, std::string database);

  // Opens the connection unless one is open (a broken one is closed first). `opened`, when given, tells
  // whether this call opened it. Errors: Connection::Open's, with the context "connecting to <database>".
  sdk::Status Open(bool* opened = nullptr);

  // After a statement on the connection failed with `failure`: true when the connection is lost, and then
  // it is closed (the caller forgets what it knew of it, e.g. statements prepared on it); false otherwise.
  bool DropIfBroken(const sdk::Status& failure);

  void Close() { connection_.reset(); }
  bool is_open() const { return connection_ != nullptr; }
  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_.get(); }

 private:
  std::string connection_string_;
  std::string database_;
  std::shared_ptr<Environment> environment_;
  std::unique_ptr<Connection> connection_;
};

}  // namespace hub::odbc

#endif  // HUB_ODBC_LAZY_CONNECTION_HPP_
