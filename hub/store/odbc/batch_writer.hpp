// Fast bulk writes: rows buffered and sent as prepared multi-row INSERTs (on PostgreSQL one array per column
// through unnest, elsewhere INSERT ... VALUES (...),(...)).
#ifndef HUB_STORE_ODBC_BATCH_WRITER_HPP_
#define HUB_STORE_ODBC_BATCH_WRITER_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// What a BatchWriter writes: INSERT INTO <table> (<columns>) <rows> <conflict_clause>.
struct BatchSpec {
  std::string table;                 // may be schema-qualified ("crm.party"); plain identifiers only
  std::vector<std::string> columns;  // plain identifiers ([A-Za-z_][A-Za-z0-9_]*), at least one
  // Optional text after the rows, e.g. "ON CONFLICT (source_system, source_id) DO UPDATE SET name =
  // excluded.name" (SQLite >= 3.24 and PostgreSQL both take it). Trusted SQL from code, never user input.
  // On PostgreSQL one statement must not touch the same key twice ("ON CONFLICT DO UPDATE command cannot
  // affect row a second time"): de-duplicate keys within a batch first.
  std::string conflict_clause;
  // Rows per statement; 0 chooses: kDefaultArrayRows in the array form, else min(kDefaultRowsPerStatement,
  // MaxParameters(dialect) / columns).
  std::size_t rows_per_statement = 0;
};

// Writes rows with multi-row INSERTs: the fastest path on both shipped drivers (psqlODBC sends ODBC
// parameter arrays one row at a time; one statement of a few hundred rows is several times faster). Rows are
// buffered; every time rows_per_statement rows are waiting they go out with one statement. Two forms:
//   - The array form, on PostgreSQL: one parameter per column holding the column's values of every row as an
//     array literal (array_literal.hpp), cast to the column's declared type (column_types.hpp):
//     INSERT INTO t (a, b) SELECT * FROM unnest(?::text[], ?::bigint[]) <conflict_clause>. The server parses
//     and plans one small statement whatever the rows, and no parameter limit applies. Flush() sends the
//     remainder as one statement too, so a spec needs one statement. Used unless a column is itself an
//     array (unnest would flatten it) or the table or a column is not in the store.
//   - The VALUES form, elsewhere: INSERT ... VALUES (?,?),(?,?); Flush() sends the remainder in statements
//     of decreasing powers of two rows (137 rows: 128 + 8 + 1), so one spec never needs more than
//     2 + floor(log2(rows_per_statement)) statements (9 for 250 rows).
// Either form stores the same values. Statements come from the connection's cache
// (Connection::PrepareCached): prepared once per connection and shared by every writer of the same spec on
// it, so a writer made for each batch prepares nothing after the first batch.
//
// It does not open a transaction: run it inside one (Transaction) for speed and atomicity; it never
// commits. A failed statement fails Add/Flush and drops every row still buffered (the caller rolls back
// or retries, e.g. row by row under a Savepoint to find the bad row).
//
// Threads: as the Connection. Lifetime: must not outlive the Connection. Move-only.
class BatchWriter {
 public:
  static constexpr std::size_t kDefaultRowsPerStatement = 250;  // VALUES: SQLite is flat past 100
  static constexpr std::size_t kDefaultArrayRows = 1000;        // the array form (bench_odbc_insert)

  // Checks the spec (identifiers, column count vs the dialect's parameter limit) and, on PostgreSQL, finds
  // the columns' types (a catalog query the first time a process writes the table). Nothing is prepared
  // until the first statement goes out. Errors: InvalidArgument; the driver's for the catalog query. A table
  // or column the store does not have fails the first statement sent, which names itself (Internal).
  static sdk::Result<BatchWriter> Create(Connection& connection, BatchSpec spec);

  BatchWriter(BatchWriter&&) noexcept;
  BatchWriter& operator=(BatchWriter&&) noexcept;
  ~BatchWriter();

  // Buffers one row (one value per column, in column order), sending a full statement when enough rows
  // wait. Errors: InvalidArgument for a wrong value count; driver errors of the statement sent.
  sdk::Status Add(std::vector<sdk::Value> row);

  // Sends every buffered row. Errors: driver errors (the buffered rows are dropped).
  sdk::Status Flush();

  // Rows reported affected by the statements sent so far (an upsert that updates counts as the driver
  // reports it: 1 per row on both shipped drivers).
  std::int64_t rows_affected() const { return rows_affected_; }
  std::size_t rows_per_statement() const { return rows_per_statement_; }
  // True when rows go out in the array form (unnest), false for INSERT ... VALUES.
  bool uses_arrays() const { return !array_types_.empty(); }
  std::size_t buffered_rows() const { return buffered_.size() / spec_.columns.size(); }

  // The INSERT text for `rows` rows (for tests and logs); the array form's is the same for any rows.
  std::string InsertSql(std::size_t rows) const;

 private:
  BatchWriter(Connection* connection, BatchSpec spec, std::size_t rows_per_statement,
              std::vector<std::string> array_types);
  std::string ValuesSql(std::size_t rows) const;
  std::string UnnestSql() const;
  // Sends `values` (whole rows) as one statement of `rows` rows.
  sdk::Status Send(std::span<const sdk::Value> values, std::size_t rows);
  sdk::Result<Statement*> StatementFor(std::size_t rows);

  Connection* connection_;  // not owned
  BatchSpec spec_;
  std::size_t rows_per_statement_;
  std::vector<std::string> array_types_;  // per column, the type its array is cast to; empty: VALUES form
  std::vector<sdk::Value> buffered_;      // row-major, spec_.columns.size() per row
  Statement* full_ = nullptr;  // rows_per_statement_ rows (any, in the array form), owned by the connection's cache
  std::int64_t rows_affected_ = 0;
};

}  // namespace hub::odbc

#endif  // HUB_STORE_ODBC_BATCH_WRITER_HPP_
