#include "store/model/id_allocator.hpp"

#include <string>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

sdk::Result<std::vector<std::int64_t>> FromSequence(odbc::Connection& connection, const std::string& table,
                                                    std::size_t count) {
  // The sequence is looked up once per statement (a materialized CTE), not once per id; the statement is
  // cached on the connection, one per table.
  auto rows = QueryStoreRows(connection,
                             "WITH sequence AS MATERIALIZED (SELECT pg_get_serial_sequence('" + table +
                                 "', 'id')::regclass AS id) SELECT nextval(sequence.id) FROM sequence, "
                                 "generate_series(1, ?)",
                             {sdk::Value::Int64(static_cast<std::int64_t>(count))});
  if (!rows.ok()) return rows.status().WithContext("reserving ids of " + table);
  std::vector<std::int64_t> ids;
  ids.reserve(count);
  for (const odbc::Row& row : *rows) ids.push_back(row.at(0).integer());
  return ids;
}

sdk::Result<std::vector<std::int64_t>> PastHighWaterMark(odbc::Connection& connection, const std::string& table,
                                                         std::size_t count) {
  auto rows = connection.Query("SELECT MAX(COALESCE((SELECT MAX(id) FROM " + table +
                               "), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '" + table + "'), 0))");
  if (!rows.ok()) return rows.status().WithContext("reserving ids of " + table);
  const std::int64_t last = rows->rows.at(0).at(0).integer();
  std::vector<std::int64_t> ids;
  ids.reserve(count);
  for (std::size_t i = 1; i <= count; ++i) ids.push_back(last + static_cast<std::int64_t>(i));
  return ids;
}

}  // namespace

sdk::Result<std::vector<std::int64_t>> AllocateIds(odbc::Connection& connection, std::string_view table,
                                                   std::size_t count) {
  if (count == 0) return std::vector<std::int64_t>{};
  switch (connection.dialect()) {
    case odbc::Dialect::kPostgres:
      return FromSequence(connection, std::string(table), count);
    case odbc::Dialect::kSqlite:
      return PastHighWaterMark(connection, std::string(table), count);
    case odbc::Dialect::kOther:
      break;
  }
  return sdk::Status::Unimplemented("reserving ids is not supported on " +
                                    std::string(odbc::DialectName(connection.dialect())));
}

}  // namespace hub::store_model
