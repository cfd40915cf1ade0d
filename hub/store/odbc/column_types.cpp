#include "store/odbc/column_types.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace hub::odbc {
namespace {

using TableTypes = std::map<std::string, ColumnType, std::less<>>;  // by column name

constexpr const char* kTypesSql =
    "SELECT a.attname, format_type(a.atttypid, NULL), CASE WHEN t.typcategory = 'A' THEN 1 ELSE 0 END "
    "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
    "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped";

// The tables looked up so far, by connection string and table name.
class KnownTables {
 public:
  std::shared_ptr<const TableTypes> Find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = tables_.find(key);
    return found == tables_.end() ? nullptr : found->second;
  }
  void Remember(const std::string& key, std::shared_ptr<const TableTypes> types) {
    std::lock_guard<std::mutex> lock(mutex_);
    tables_.emplace(key, std::move(types));
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const TableTypes>> tables_;  // guarded by mutex_
};

KnownTables& Known() {
  static KnownTables known;
  return known;
}

sdk::Result<std::shared_ptr<const TableTypes>> LookUp(Connection& connection, const std::string& table) {
  sdk::Result<RowSet> rows = connection.Query(kTypesSql, {sdk::Value::String(table)});
  if (!rows.ok()) return rows.status().WithContext("looking up the column types of " + table);
  auto types = std::make_shared<TableTypes>();
  for (const Row& row : rows->rows) {
    if (row.size() != 3 || row[0].is_null() || row[1].is_null()) continue;
    (*types)[row[0].text()] = ColumnType{row[1].text(), row[2].integer() != 0};
  }
  if (types->empty()) return sdk::Status::NotFound("no table " + table + " in the store");
  return std::shared_ptr<const TableTypes>(std::move(types));
}

}  // namespace

sdk::Result<std::vector<ColumnType>> PostgresColumnTypes(Connection& connection, const std::string& table,
                                                         std::span<const std::string> columns) {
  const std::string key = connection.masked_connection_string() + '\x1f' + table;
  std::shared_ptr<const TableTypes> types = Known().Find(key);
  if (types == nullptr) {
    sdk::Result<std::shared_ptr<const TableTypes>> found = LookUp(connection, table);
    if (!found.ok()) return found.status();
    types = *found;
    Known().Remember(key, types);
  }
  std::vector<ColumnType> result;
  result.reserve(columns.size());
  for (const std::string& column : columns) {
    std::string folded = column;  // as the server folds an unquoted identifier
    std::transform(folded.begin(), folded.end(), folded.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto type = types->find(folded);
    if (type == types->end()) return sdk::Status::NotFound("table " + table + " has no column " + column);
    result.push_back(type->second);
  }
  return result;
}

}  // namespace hub::odbc
