#include "hub/odbc/incremental_query.hpp"

#include <algorithm>
#include <cctype>

#include "hub/odbc/timestamp_text.hpp"

namespace hub::odbc {
namespace {

bool NameContains(std::string_view dbms_name, std::string_view word) {
  std::string lower(dbms_name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find(word) != std::string::npos;
}

std::string Column(std::string_view name) { return "src." + std::string(name); }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

KeysetRead PlanKeysetRead(const IncrementalQuerySpec& spec, const IncrementalCursor& cursor, std::string* warning) {
  KeysetRead read;
  if (!cursor.position) return read;
  read.timestamp = cursor.position->timestamp;
  read.id = cursor.position->id;
  const bool run_start = cursor.phase == IncrementalCursor::Phase::kStart;
  if (!run_start || spec.mode() != ReadMode::kTimestampId) {
    read.from = KeysetRead::From::kAfter;
    return read;
  }
  read.from = KeysetRead::From::kTimestamp;
  std::optional<std::string> shifted = ShiftTimestampText(read.timestamp, spec.overlap);
  if (shifted) {
    read.timestamp = std::move(*shifted);
  } else {
    *warning = "timestamp_column value '" + read.timestamp +
               "' is not a date/time this connector can move back by the overlap; this run starts at it";
  }
  return read;
}

SqlText BuildKeysetSql(const IncrementalQuerySpec& spec, const KeysetRead& read, std::string_view row_limit) {
  const bool with_timestamp = spec.mode() == ReadMode::kTimestampId;
  const std::string id = Column(spec.id_column);
  const std::string timestamp = with_timestamp ? Column(spec.timestamp_column) : std::string();
  SqlText text;
  text.sql = "SELECT * FROM (" + spec.query + ") src WHERE ";
  switch (read.from) {
    case KeysetRead::From::kBeginning:
      if (with_timestamp) text.sql += timestamp + " IS NOT NULL AND ";
      text.sql += id + " IS NOT NULL";
      break;
    case KeysetRead::From::kTimestamp:
      text.sql += timestamp + " >= ? AND " + id + " IS NOT NULL";
      text.params = {sdk::Value::String(read.timestamp)};
      break;
    case KeysetRead::From::kAfter:
      if (with_timestamp) {
        // Equivalent to ts > ? OR (ts = ? AND id > ?), written so that an index on ts bounds the scan.
        text.sql += timestamp + " >= ? AND (" + timestamp + " > ? OR " + id + " > ?)";
        text.params = {sdk::Value::String(read.timestamp), sdk::Value::String(read.timestamp), read.id};
      } else {
        text.sql += id + " > ?";
        text.params = {read.id};
      }
      break;
  }
  text.sql += " ORDER BY ";
  if (with_timestamp) text.sql += timestamp + ", ";
  text.sql += id + " " + std::string(row_limit);
  return text;
}

std::string RowLimitClause(std::string_view dbms_name, std::size_t rows) {
  const std::string count = std::to_string(rows);
  if (NameContains(dbms_name, "sqlite") || NameContains(dbms_name, "postgres") || NameContains(dbms_name, "mysql") ||
      NameContains(dbms_name, "mariadb")) {
    return "LIMIT " + count;
  }
  if (NameContains(dbms_name, "sql server")) return "OFFSET 0 ROWS FETCH NEXT " + count + " ROWS ONLY";
  return "FETCH FIRST " + count + " ROWS ONLY";
}

std::string TrimmedQuery(std::string_view query) {
  while (!query.empty() && IsSpace(query.front())) query.remove_prefix(1);
  while (!query.empty() && (IsSpace(query.back()) || query.back() == ';')) query.remove_suffix(1);
  return std::string(query);
}

std::string_view PingSql(std::string_view dbms_name) {
  if (NameContains(dbms_name, "oracle")) return "SELECT 1 FROM DUAL";
  if (NameContains(dbms_name, "db2")) return "SELECT 1 FROM SYSIBM.SYSDUMMY1";
  return "SELECT 1";
}

}  // namespace hub::odbc
