#include "store/odbc/batch_writer.hpp"

#include <algorithm>
#include <bit>
#include <iterator>
#include <utility>

#include "hub/odbc/sql_identifier.hpp"
#include "store/odbc/array_literal.hpp"
#include "store/odbc/column_types.hpp"

namespace hub::odbc {
namespace {

sdk::Status CheckSpec(const BatchSpec& spec) {
  if (!IsTableName(spec.table)) {
    return sdk::Status::InvalidArgument("batch writer: bad table name '" + spec.table + "'");
  }
  if (spec.columns.empty()) return sdk::Status::InvalidArgument("batch writer for " + spec.table + ": no columns");
  for (const std::string& column : spec.columns) {
    if (!IsPlainIdentifier(column)) {
      return sdk::Status::InvalidArgument("batch writer for " + spec.table + ": bad column name '" + column + "'");
    }
  }
  return sdk::Status::Ok();
}

// The types the array form casts each column's array to; empty when it cannot be used: not PostgreSQL, a
// column that is an array itself, or a table or column the store does not have (the VALUES statement then
// fails as it always did, naming itself and the server's SQLSTATE).
sdk::Result<std::vector<std::string>> ArrayTypes(Connection& connection, const BatchSpec& spec) {
  if (connection.dialect() != Dialect::kPostgres) return std::vector<std::string>{};
  sdk::Result<std::vector<ColumnType>> types = PostgresColumnTypes(connection, spec.table, spec.columns);
  if (types.status().code() == sdk::StatusCode::kNotFound) return std::vector<std::string>{};
  if (!types.ok()) return types.status();
  std::vector<std::string> names;
  for (ColumnType& type : *types) {
    if (type.is_array) return std::vector<std::string>{};
    names.push_back(std::move(type.name));
  }
  return names;
}

// The array form's parameters: per column, the array literal of its values in `values` (whole rows).
std::vector<sdk::Value> ColumnArrays(std::span<const sdk::Value> values, std::size_t columns) {
  std::vector<sdk::Value> arrays;
  arrays.reserve(columns);
  for (std::size_t column = 0; column < columns; ++column) {
    arrays.push_back(sdk::Value::String(ColumnArrayLiteral(values, columns, column)));
  }
  return arrays;
}

}  // namespace

sdk::Result<BatchWriter> BatchWriter::Create(Connection& connection, BatchSpec spec) {
  HUB_RETURN_IF_ERROR(CheckSpec(spec));
  const std::size_t limit = MaxParameters(connection.dialect());
  const std::size_t columns = spec.columns.size();
  if (columns > limit) {
    return sdk::Status::InvalidArgument("batch writer for " + spec.table + ": " + std::to_string(columns) +
                                        " columns exceed the " + std::to_string(limit) + " parameters of a statement");
  }
  sdk::Result<std::vector<std::string>> array_types = ArrayTypes(connection, spec);
  if (!array_types.ok()) return array_types.status();
  std::size_t rows = spec.rows_per_statement;
  if (!array_types->empty()) {
    if (rows == 0) rows = kDefaultArrayRows;
    return BatchWriter(&connection, std::move(spec), rows, std::move(array_types).value());
  }
  if (rows == 0) rows = std::min(kDefaultRowsPerStatement, limit / columns);
  if (rows * columns > limit) {
    return sdk::Status::InvalidArgument("batch writer for " + spec.table + ": " + std::to_string(rows) + " rows of " +
                                        std::to_string(columns) + " columns exceed the " + std::to_string(limit) +
                                        " parameters of a statement on " +
                                        std::string(DialectName(connection.dialect())));
  }
  return BatchWriter(&connection, std::move(spec), rows, {});
}

BatchWriter::BatchWriter(Connection* connection, BatchSpec spec, std::size_t rows_per_statement,
                         std::vector<std::string> array_types)
    : connection_(connection),
      spec_(std::move(spec)),
      rows_per_statement_(rows_per_statement),
      array_types_(std::move(array_types)) {
  buffered_.reserve(rows_per_statement_ * spec_.columns.size());
}

BatchWriter::BatchWriter(BatchWriter&&) noexcept = default;
BatchWriter& BatchWriter::operator=(BatchWriter&&) noexcept = default;
BatchWriter::~BatchWriter() = default;

std::string BatchWriter::InsertSql(std::size_t rows) const { return uses_arrays() ? UnnestSql() : ValuesSql(rows); }

std::string BatchWriter::UnnestSql() const {
  std::string sql = "INSERT INTO " + spec_.table + " (";
  for (std::size_t i = 0; i < spec_.columns.size(); ++i) sql.append(i == 0 ? "" : ", ").append(spec_.columns[i]);
  sql += ") SELECT * FROM unnest(";
  for (std::size_t i = 0; i < array_types_.size(); ++i)
    sql.append(i == 0 ? "?::" : ", ?::").append(array_types_[i]) += "[]";
  sql += ")";
  if (!spec_.conflict_clause.empty()) sql.append(" ").append(spec_.conflict_clause);
  return sql;
}

std::string BatchWriter::ValuesSql(std::size_t rows) const {
  std::string row = "(";
  for (std::size_t i = 0; i < spec_.columns.size(); ++i) row.append(i == 0 ? "?" : ",?");
  row += ")";
  std::string sql = "INSERT INTO " + spec_.table + " (";
  for (std::size_t i = 0; i < spec_.columns.size(); ++i) sql.append(i == 0 ? "" : ", ").append(spec_.columns[i]);
  sql += ") VALUES ";
  sql.reserve(sql.size() + rows * (row.size() + 1) + spec_.conflict_clause.size() + 1);
  for (std::size_t i = 0; i < rows; ++i) sql.append(i == 0 ? "" : ",").append(row);
  if (!spec_.conflict_clause.empty()) sql.append(" ").append(spec_.conflict_clause);
  return sql;
}

sdk::Status BatchWriter::Add(std::vector<sdk::Value> row) {
  if (row.size() != spec_.columns.size()) {
    return sdk::Status::InvalidArgument("batch writer for " + spec_.table + ": a row of " + std::to_string(row.size()) +
                                        " values for " + std::to_string(spec_.columns.size()) + " columns");
  }
  std::move(row.begin(), row.end(), std::back_inserter(buffered_));
  if (buffered_rows() < rows_per_statement_) return sdk::Status::Ok();
  sdk::Status sent = Send(buffered_, rows_per_statement_);
  buffered_.clear();
  return sent;
}

sdk::Status BatchWriter::Flush() {
  const std::span<const sdk::Value> buffered(buffered_);
  const std::size_t columns = spec_.columns.size();
  sdk::Status sent = sdk::Status::Ok();
  for (std::size_t done = 0, left = buffered_rows(); left > 0 && sent.ok();) {
    const std::size_t rows = uses_arrays() ? left : std::bit_floor(left);
    sent = Send(buffered.subspan(done * columns, rows * columns), rows);
    done += rows;
    left -= rows;
  }
  buffered_.clear();
  return sent;
}

sdk::Status BatchWriter::Send(std::span<const sdk::Value> values, std::size_t rows) {
  sdk::Result<Statement*> statement = StatementFor(rows);
  if (!statement.ok()) return statement.status();
  const std::size_t columns = spec_.columns.size();
  sdk::Result<std::int64_t> affected =
      uses_arrays() ? (*statement)->ExecuteWith(ColumnArrays(values, columns)) : (*statement)->ExecuteWith(values);
  if (!affected.ok()) {
    return affected.status().WithContext("writing " + std::to_string(rows) + " rows to " + spec_.table);
  }
  if (*affected > 0) rows_affected_ += *affected;
  return sdk::Status::Ok();
}

sdk::Result<Statement*> BatchWriter::StatementFor(std::size_t rows) {
  const bool full = uses_arrays() || rows == rows_per_statement_;
  if (full && full_ != nullptr) return full_;
  sdk::Result<Statement*> statement = connection_->PrepareCached(InsertSql(rows));
  if (statement.ok() && full) full_ = *statement;
  return statement;
}

}  // namespace hub::odbc
