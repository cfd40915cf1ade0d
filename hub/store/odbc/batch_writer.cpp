#include "store/odbc/batch_writer.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <iterator>
#include <utility>

namespace hub::odbc {
namespace {

bool IsPlainIdentifier(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

// "name" or "schema.name", each part a plain identifier.
bool IsTableName(std::string_view name) {
  const std::size_t dot = name.find('.');
  if (dot == std::string_view::npos) return IsPlainIdentifier(name);
  return IsPlainIdentifier(name.substr(0, dot)) && IsPlainIdentifier(name.substr(dot + 1));
}

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

}  // namespace

sdk::Result<BatchWriter> BatchWriter::Create(Connection& connection, BatchSpec spec) {
  HUB_RETURN_IF_ERROR(CheckSpec(spec));
  const std::size_t limit = MaxParameters(connection.dialect());
  const std::size_t columns = spec.columns.size();
  if (columns > limit) {
    return sdk::Status::InvalidArgument("batch writer for " + spec.table + ": " + std::to_string(columns) +
                                        " columns exceed the " + std::to_string(limit) + " parameters of a statement");
  }
  std::size_t rows = spec.rows_per_statement;
  if (rows == 0) rows = std::min(kDefaultRowsPerStatement, limit / columns);
  if (rows * columns > limit) {
    return sdk::Status::InvalidArgument("batch writer for " + spec.table + ": " + std::to_string(rows) + " rows of " +
                                        std::to_string(columns) + " columns exceed the " + std::to_string(limit) +
                                        " parameters of a statement on " +
                                        std::string(DialectName(connection.dialect())));
  }
  return BatchWriter(&connection, std::move(spec), rows);
}

BatchWriter::BatchWriter(Connection* connection, BatchSpec spec, std::size_t rows_per_statement)
    : connection_(connection), spec_(std::move(spec)), rows_per_statement_(rows_per_statement) {
  buffered_.reserve(rows_per_statement_ * spec_.columns.size());
}

BatchWriter::BatchWriter(BatchWriter&&) noexcept = default;
BatchWriter& BatchWriter::operator=(BatchWriter&&) noexcept = default;
BatchWriter::~BatchWriter() = default;

std::string BatchWriter::InsertSql(std::size_t rows) const {
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
    const std::size_t rows = std::bit_floor(left);
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
  sdk::Result<std::int64_t> affected = (*statement)->ExecuteWith(values);
  if (!affected.ok()) {
    return affected.status().WithContext("writing " + std::to_string(rows) + " rows to " + spec_.table);
  }
  if (*affected > 0) rows_affected_ += *affected;
  return sdk::Status::Ok();
}

sdk::Result<Statement*> BatchWriter::StatementFor(std::size_t rows) {
  const bool full = rows == rows_per_statement_;
  if (full && full_ != nullptr) return full_;
  sdk::Result<Statement*> statement = connection_->PrepareCached(InsertSql(rows));
  if (statement.ok() && full) full_ = *statement;
  return statement;
}

}  // namespace hub::odbc
