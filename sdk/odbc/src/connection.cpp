#include "hub/odbc/connection.hpp"

#include <sqlext.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "hub/odbc/connection_string.hpp"
#include "hub/odbc/diagnostics.hpp"

namespace hub::odbc {
namespace {

SQLCHAR* SqlText(std::string_view sql) {
  return reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql.data()));  // ODBC input strings are not written to
}

bool IsPostgresConnectionString(std::string_view connection_string) {
  std::optional<std::string> driver = FindAttribute(connection_string, "driver");
  if (!driver) return false;
  std::transform(driver->begin(), driver->end(), driver->begin(), [](unsigned char c) { return std::tolower(c); });
  return driver->find("postgres") != std::string::npos || driver->find("psqlodbc") != std::string::npos;
}

// The string given to the driver: the caller's, plus the settings this layer relies on when absent.
std::string EffectiveConnectionString(std::string_view connection_string, const ConnectOptions& options) {
  std::string effective(connection_string);
  if (IsSqliteConnectionString(effective) && !FindAttribute(effective, "timeout")) {
    effective = SetAttribute(effective, "Timeout", std::to_string(options.sqlite_busy_timeout.count()));
  }
  if (!IsPostgresConnectionString(effective)) return effective;
  // psqlODBC reports booleans as text by default; as SQL_BIT they read back as Bool values.
  if (!FindAttribute(effective, "boolsaschar")) effective = SetAttribute(effective, "BoolsAsChar", "0");
  // Statement-level rollback on errors (psqlODBC's default, pinned against DSN settings): a failed
  // statement inside a transaction undoes itself only, as on SQLite.
  if (!FindAttribute(effective, "protocol")) effective = SetAttribute(effective, "Protocol", "7.4-2");
  return effective;
}

// Drivers may echo parts of the connection string in messages: never let the password through.
sdk::Status WithoutSecret(const sdk::Status& status, std::string_view connection_string) {
  std::string message = status.message();
  for (std::string_view key : {"pwd", "password"}) {
    const std::optional<std::string> secret = FindAttribute(connection_string, key);
    if (!secret || secret->empty()) continue;
    for (std::size_t at = message.find(*secret); at != std::string::npos; at = message.find(*secret, at + 3)) {
      message.replace(at, secret->size(), "***");
    }
  }
  return sdk::Status(status.code(), std::move(message));
}

std::string GetInfoText(SQLHDBC handle, SQLUSMALLINT info) {
  std::array<SQLCHAR, 256> text{};
  SQLSMALLINT length = 0;
  if (!SQL_SUCCEEDED(SQLGetInfo(handle, info, text.data(), static_cast<SQLSMALLINT>(text.size()), &length))) {
    return {};
  }
  return reinterpret_cast<const char*>(text.data());
}

}  // namespace

Connection::Connection(std::shared_ptr<Environment> environment, ConnectionHandle handle, std::string masked)
    : environment_(std::move(environment)), handle_(std::move(handle)), masked_connection_string_(std::move(masked)) {}

Connection::~Connection() {
  cached_.clear();
  if (!connected_) return;
  if (in_transaction_ && !broken_) SQLEndTran(SQL_HANDLE_DBC, handle_.get(), SQL_ROLLBACK);
  SQLDisconnect(handle_.get());
}

sdk::Result<std::unique_ptr<Connection>> Connection::Open(std::shared_ptr<Environment> environment,
                                                          std::string_view connection_string,
                                                          const ConnectOptions& options) {
  sdk::Result<ConnectionHandle> handle = AllocateConnectionHandle(*environment);
  if (!handle.ok()) return handle.status();
  std::unique_ptr<Connection> connection(
      new Connection(std::move(environment), std::move(*handle), MaskSecrets(connection_string)));
  if (IsSqliteConnectionString(connection_string)) connection->dialect_ = Dialect::kSqlite;
  const std::string effective = EffectiveConnectionString(connection_string, options);
  sdk::Status status = connection->Connect(effective, options);
  if (status.ok()) status = connection->DetectDialect();
  if (status.ok()) status = connection->PrepareSession();
  if (!status.ok()) return WithoutSecret(status, connection_string);
  return connection;
}

sdk::Status Connection::Connect(const std::string& connection_string, const ConnectOptions& options) {
  // ODBC passes integer attributes in the pointer argument.
  auto* timeout = reinterpret_cast<SQLPOINTER>(  // NOLINT(performance-no-int-to-ptr)
      static_cast<SQLULEN>(options.login_timeout.count()));
  if (!SQL_SUCCEEDED(SQLSetConnectAttr(handle_.get(), SQL_ATTR_LOGIN_TIMEOUT, timeout, SQL_IS_UINTEGER))) {
    return Diagnose(SQL_HANDLE_DBC, handle_.get(), "setting the login timeout");
  }
  std::array<SQLCHAR, 1024> completed{};
  SQLSMALLINT completed_length = 0;
  const SQLRETURN rc = SQLDriverConnect(
      handle_.get(), nullptr, SqlText(connection_string), static_cast<SQLSMALLINT>(connection_string.size()),
      completed.data(), static_cast<SQLSMALLINT>(completed.size()), &completed_length, SQL_DRIVER_NOPROMPT);
  if (!SQL_SUCCEEDED(rc)) {
    sdk::Status status = Diagnose(SQL_HANDLE_DBC, handle_.get(), "connecting to " + masked_connection_string_);
    broken_ = false;  // never connected: nothing to discard
    return status;
  }
  connected_ = true;
  return sdk::Status::Ok();
}

sdk::Status Connection::DetectDialect() {
  dbms_name_ = GetInfoText(handle_.get(), SQL_DBMS_NAME);
  dbms_version_ = GetInfoText(handle_.get(), SQL_DBMS_VER);
  dialect_ = DialectFromDbmsName(dbms_name_);
  return sdk::Status::Ok();
}

sdk::Status Connection::PrepareSession() {
  switch (dialect_) {
    case Dialect::kSqlite:
      HUB_RETURN_IF_ERROR(ExecuteDirect("PRAGMA journal_mode=WAL"));
      HUB_RETURN_IF_ERROR(ExecuteDirect("PRAGMA synchronous=NORMAL"));
      return ExecuteDirect("PRAGMA foreign_keys=ON");
    case Dialect::kPostgres:
      return ExecuteDirect("SET TIME ZONE 'UTC'");
    case Dialect::kOther:
      return sdk::Status::Ok();
  }
  return sdk::Status::Ok();
}

sdk::Status Connection::Diagnose(SQLSMALLINT handle_type, SQLHANDLE handle, std::string_view context) {
  std::vector<DiagnosticRecord> records = NormalizeDiagnostics(dialect_, ReadDiagnostics(handle_type, handle));
  for (const DiagnosticRecord& record : records) {
    if (IsConnectionFailure(record.sqlstate)) broken_ = true;
  }
  if (!broken_ && connected_) {
    SQLUINTEGER dead = SQL_CD_FALSE;
    if (SQL_SUCCEEDED(SQLGetConnectAttr(handle_.get(), SQL_ATTR_CONNECTION_DEAD, &dead, 0, nullptr)) &&
        dead == SQL_CD_TRUE) {
      broken_ = true;
    }
  }
  sdk::Status status = StatusFromDiagnostics(records, context);
  // A lost connection is an outage whatever SQLSTATE the driver chose for it.
  if (broken_ && status.code() != sdk::StatusCode::kUnavailable) {
    return sdk::Status::Unavailable("connection lost: " + status.message());
  }
  return status;
}

sdk::Status Connection::ExecuteDirect(std::string_view sql) {
  sdk::Result<StatementHandle> statement = AllocateStatementHandle(handle_.get());
  if (!statement.ok()) return statement.status();
  const SQLRETURN rc = SQLExecDirect(statement->get(), SqlText(sql), static_cast<SQLINTEGER>(sql.size()));
  if (rc == SQL_NO_DATA || SQL_SUCCEEDED(rc)) return sdk::Status::Ok();
  return Diagnose(SQL_HANDLE_STMT, statement->get(), "executing `" + std::string(sql) + "`");
}

sdk::Result<Statement> Connection::Prepare(std::string_view sql) {
  sdk::Result<StatementHandle> handle = AllocateStatementHandle(handle_.get());
  if (!handle.ok()) return Diagnose(SQL_HANDLE_DBC, handle_.get(), "allocating a statement");
  if (!SQL_SUCCEEDED(SQLPrepare(handle->get(), SqlText(sql), static_cast<SQLINTEGER>(sql.size())))) {
    return Diagnose(SQL_HANDLE_STMT, handle->get(), "preparing `" + std::string(sql.substr(0, 120)) + "`");
  }
  SQLSMALLINT parameters = 0;
  if (!SQL_SUCCEEDED(SQLNumParams(handle->get(), &parameters))) {
    return Diagnose(SQL_HANDLE_STMT, handle->get(),
                    "counting the parameters of `" + std::string(sql.substr(0, 120)) + "`");
  }
  return Statement(this, std::move(*handle), std::string(sql), static_cast<std::size_t>(parameters));
}

sdk::Result<Statement*> Connection::PrepareCached(std::string_view sql) {
  if (auto found = cached_.find(sql); found != cached_.end()) {
    HUB_RETURN_IF_ERROR(found->second->CloseCursor());
    return found->second.get();
  }
  sdk::Result<Statement> statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  auto owned = std::make_unique<Statement>(std::move(*statement));
  Statement* pointer = owned.get();
  cached_.emplace(std::string(sql), std::move(owned));
  return pointer;
}

sdk::Result<std::int64_t> Connection::ExecuteUpdate(std::string_view sql, const std::vector<sdk::Value>& params) {
  sdk::Result<Statement> statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  return statement->Execute(params);
}

sdk::Result<RowSet> Connection::Query(std::string_view sql, const std::vector<sdk::Value>& params) {
  sdk::Result<Statement> statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  sdk::Result<std::int64_t> executed = statement->Execute(params);
  if (!executed.ok()) return executed.status();
  sdk::Result<std::vector<Row>> rows = statement->FetchAll();
  if (!rows.ok()) return rows.status();
  return RowSet{statement->columns(), std::move(*rows)};
}

sdk::Status Connection::BeginTransaction() {
  if (in_transaction_) return sdk::Status::Internal("a transaction is already open on this connection");
  if (!SQL_SUCCEEDED(SQLSetConnectAttr(handle_.get(), SQL_ATTR_AUTOCOMMIT,
                                       reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), SQL_IS_UINTEGER))) {
    return Diagnose(SQL_HANDLE_DBC, handle_.get(), "beginning a transaction");
  }
  in_transaction_ = true;
  return sdk::Status::Ok();
}

sdk::Status Connection::Commit() { return EndTransaction(SQL_COMMIT); }

sdk::Status Connection::Rollback() { return EndTransaction(SQL_ROLLBACK); }

sdk::Status Connection::EndTransaction(SQLSMALLINT completion) {
  const char* what = completion == SQL_COMMIT ? "committing" : "rolling back";
  if (!in_transaction_) return sdk::Status::Internal(std::string(what) + ": no transaction is open");
  const bool ended = SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, handle_.get(), completion));
  sdk::Status status = ended ? sdk::Status::Ok() : Diagnose(SQL_HANDLE_DBC, handle_.get(), what);
  if (!ended && completion == SQL_COMMIT && !broken_) return status;  // still open: the caller rolls back
  in_transaction_ = false;
  if (!SQL_SUCCEEDED(SQLSetConnectAttr(handle_.get(), SQL_ATTR_AUTOCOMMIT,
                                       reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_ON), SQL_IS_UINTEGER)) &&
      status.ok()) {
    status = Diagnose(SQL_HANDLE_DBC, handle_.get(), "turning autocommit back on");
  }
  return status;
}

}  // namespace hub::odbc
