#include "hub/odbc/diagnostics.hpp"

#include <sqlext.h>

#include <array>
#include <utility>

namespace hub::odbc {
namespace {

constexpr std::int64_t kSqliteError = 1;
constexpr std::int64_t kSqliteBusy = 5;
constexpr std::int64_t kSqliteLocked = 6;
constexpr std::int64_t kSqliteCantOpen = 14;
constexpr std::int64_t kSqliteTooBig = 18;
constexpr std::int64_t kSqliteConstraint = 19;
constexpr std::int64_t kSqliteMismatch = 20;

bool Contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::string SqliteConstraintState(std::string_view message) {
  if (Contains(message, "UNIQUE") || Contains(message, "PRIMARY KEY")) return "23505";
  if (Contains(message, "NOT NULL")) return "23502";
  if (Contains(message, "FOREIGN KEY")) return "23503";
  if (Contains(message, "CHECK")) return "23514";
  return "23000";
}

std::string SqliteErrorState(std::string_view message) {
  if (Contains(message, "syntax error")) return "42601";
  if (Contains(message, "no such table")) return "42P01";
  if (Contains(message, "no such column")) return "42703";
  return "42000";
}

// The standard SQLSTATE for an SQLite result code, or empty to keep the driver's.
std::string SqliteState(const DiagnosticRecord& record) {
  switch (record.native_error) {
    case kSqliteConstraint:
      return SqliteConstraintState(record.message);
    case kSqliteError:
      return SqliteErrorState(record.message);
    case kSqliteBusy:
    case kSqliteLocked:
      return "40001";
    case kSqliteCantOpen:
      return "08001";
    case kSqliteTooBig:
      return "22001";
    case kSqliteMismatch:
      return "22000";
    default:
      return {};
  }
}

std::string_view ConstraintKind(std::string_view sqlstate) {
  if (sqlstate == "23505") return "unique violation";
  if (sqlstate == "23503") return "foreign key violation";
  if (sqlstate == "23502") return "not-null violation";
  if (sqlstate == "23514") return "check violation";
  if (sqlstate.substr(0, 2) == "22") return "invalid data";
  if (sqlstate == "54000") return "value too large for the store";
  return "integrity constraint violation";
}

sdk::StatusCode CodeFor(std::string_view sqlstate) {
  const std::string_view state_class = sqlstate.substr(0, 2);
  if (state_class == "08" || sqlstate == "40001" || sqlstate == "40P01") return sdk::StatusCode::kUnavailable;
  // 54000 alone (not 54001 and the other limits on a statement's shape) is a value beyond what the store
  // holds: an index entry over PostgreSQL's btree limit, text too long for a tsvector.
  if (state_class == "22" || state_class == "23" || sqlstate == "54000") return sdk::StatusCode::kDataError;
  if (state_class == "42" || state_class == "0A" || state_class == "3F" || state_class == "25") {
    return sdk::StatusCode::kInternal;
  }
  return sdk::StatusCode::kIoError;
}

std::string Describe(const DiagnosticRecord& record) {
  return "SQLSTATE " + record.sqlstate + " (native " + std::to_string(record.native_error) + "): " + record.message;
}

// Drivers spread messages over lines (libpq's hints, psqlODBC's joined errors); logs want one line.
std::string OneLine(std::string_view text) {
  std::string line;
  bool pending_space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      pending_space = !line.empty();
      continue;
    }
    if (pending_space) line += ' ';
    pending_space = false;
    line += c;
  }
  return line;
}

}  // namespace

std::vector<DiagnosticRecord> ReadDiagnostics(SQLSMALLINT handle_type, SQLHANDLE handle) {
  std::vector<DiagnosticRecord> records;
  if (handle == SQL_NULL_HANDLE) return records;
  for (SQLSMALLINT number = 1;; ++number) {
    std::array<SQLCHAR, 6> state{};
    SQLINTEGER native = 0;
    std::array<SQLCHAR, 2048> text{};
    SQLSMALLINT text_length = 0;
    const SQLRETURN rc = SQLGetDiagRec(handle_type, handle, number, state.data(), &native, text.data(),
                                       static_cast<SQLSMALLINT>(text.size()), &text_length);
    if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO) break;
    records.push_back(
        {reinterpret_cast<const char*>(state.data()), native, OneLine(reinterpret_cast<const char*>(text.data()))});
  }
  return records;
}

std::vector<DiagnosticRecord> NormalizeDiagnostics(Dialect dialect, std::vector<DiagnosticRecord> records) {
  if (dialect != Dialect::kSqlite) return records;
  for (DiagnosticRecord& record : records) {
    std::string state = SqliteState(record);
    if (state.empty() || state == record.sqlstate) continue;
    record.message += " [driver state " + record.sqlstate + "]";
    record.sqlstate = std::move(state);
  }
  return records;
}

bool IsConnectionFailure(std::string_view sqlstate) { return sqlstate.substr(0, 2) == "08"; }

sdk::Status StatusFromDiagnostics(const std::vector<DiagnosticRecord>& records, std::string_view context,
                                  std::string_view fallback) {
  if (records.empty()) return sdk::Status::IoError(std::string(context) + ": " + std::string(fallback));
  const std::string& first_state = records.front().sqlstate;
  const sdk::StatusCode code = CodeFor(first_state);
  std::string message(context);
  message += ": ";
  if (code == sdk::StatusCode::kDataError) message.append(ConstraintKind(first_state)).append(": ");
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i > 0) message += "; ";
    message += Describe(records[i]);
  }
  return sdk::Status(code, std::move(message));
}

}  // namespace hub::odbc
