#include "hub/odbc/handles.hpp"

#include <sqlext.h>

#include "hub/odbc/diagnostics.hpp"

namespace hub::odbc {

sdk::Result<std::shared_ptr<Environment>> Environment::Create() {
  SQLHANDLE raw = SQL_NULL_HANDLE;
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &raw))) {
    return sdk::Status::Internal("cannot allocate an ODBC environment (is unixODBC installed?)");
  }
  EnvironmentHandle handle(raw);
  const SQLRETURN rc =
      SQLSetEnvAttr(handle.get(), SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  if (!SQL_SUCCEEDED(rc)) {
    sdk::Status status = StatusFromDiagnostics(ReadDiagnostics(SQL_HANDLE_ENV, handle.get()), "setting ODBC version 3");
    return sdk::Status::Internal(status.message());
  }
  return std::shared_ptr<Environment>(new Environment(std::move(handle)));
}

sdk::Result<ConnectionHandle> AllocateConnectionHandle(const Environment& environment) {
  SQLHANDLE raw = SQL_NULL_HANDLE;
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, environment.handle(), &raw))) {
    sdk::Status status = StatusFromDiagnostics(ReadDiagnostics(SQL_HANDLE_ENV, environment.handle()),
                                               "allocating an ODBC connection handle");
    return sdk::Status::Internal(status.message());
  }
  return ConnectionHandle(raw);
}

sdk::Result<StatementHandle> AllocateStatementHandle(SQLHDBC connection) {
  SQLHANDLE raw = SQL_NULL_HANDLE;
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, connection, &raw))) {
    return StatusFromDiagnostics(ReadDiagnostics(SQL_HANDLE_DBC, connection), "allocating an ODBC statement");
  }
  return StatementHandle(raw);
}

}  // namespace hub::odbc
