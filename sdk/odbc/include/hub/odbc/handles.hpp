// RAII owners of ODBC handles (environment, connection, statement) and the shared ODBC environment.
#ifndef HUB_ODBC_HANDLES_HPP_
#define HUB_ODBC_HANDLES_HPP_

#include <memory>
#include <utility>

#include <sql.h>

#include "hub/sdk/status.hpp"

namespace hub::odbc {

// Owns one ODBC handle of type kType (SQL_HANDLE_ENV, SQL_HANDLE_DBC or SQL_HANDLE_STMT) and frees it
// with SQLFreeHandle on destruction. Move-only. It does not disconnect a connection handle: Connection
// does that before its handle goes. Thread-safety: as ODBC handles (one thread at a time per handle).
template <SQLSMALLINT kType>
class OdbcHandle {
 public:
  OdbcHandle() = default;
  explicit OdbcHandle(SQLHANDLE handle) : handle_(handle) {}
  ~OdbcHandle() { Reset(); }
  OdbcHandle(OdbcHandle&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  OdbcHandle& operator=(OdbcHandle&& other) noexcept {
    if (this != &other) {
      Reset();
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  OdbcHandle(const OdbcHandle&) = delete;
  OdbcHandle& operator=(const OdbcHandle&) = delete;

  SQLHANDLE get() const { return handle_; }
  explicit operator bool() const { return handle_ != SQL_NULL_HANDLE; }

  // Frees the handle now (no-op when empty).
  void Reset() {
    if (handle_ != SQL_NULL_HANDLE) SQLFreeHandle(kType, std::exchange(handle_, nullptr));
  }

 private:
  SQLHANDLE handle_ = nullptr;
};

using EnvironmentHandle = OdbcHandle<SQL_HANDLE_ENV>;
using ConnectionHandle = OdbcHandle<SQL_HANDLE_DBC>;
using StatementHandle = OdbcHandle<SQL_HANDLE_STMT>;

// The ODBC environment (ODBC 3 behaviour, no driver-manager connection pooling), shared by every
// connection it opened: connections hold a shared_ptr, so it lives until the last one closes.
// Thread-safe (unixODBC serialises environment calls).
class Environment {
 public:
  // Allocates the environment. Errors: Internal when the driver manager refuses (no unixODBC, no memory).
  static sdk::Result<std::shared_ptr<Environment>> Create();

  SQLHENV handle() const { return handle_.get(); }

 private:
  explicit Environment(EnvironmentHandle handle) : handle_(std::move(handle)) {}
  EnvironmentHandle handle_;
};

// Allocates a connection handle in `environment`. Errors: Internal with the diagnostics.
sdk::Result<ConnectionHandle> AllocateConnectionHandle(const Environment& environment);

// Allocates a statement handle on an open connection handle. Errors: the connection's diagnostics as
// by StatusFromDiagnostics (Unavailable when the connection is gone).
sdk::Result<StatementHandle> AllocateStatementHandle(SQLHDBC connection);

}  // namespace hub::odbc

#endif  // HUB_ODBC_HANDLES_HPP_
