// What the schema's SQL needs to know about each database engine: the tokens that stand for types and
// defaults that differ between engines, and the few statements the migrator runs itself.
//
// The migrations are written once, with "{{token}}" where engines differ ({{id}}, {{timestamp}}, {{now}},
// {{today}} (the start of the current UTC day, as a timestamp), {{date}}, {{money}}, {{decimal}}, {{json}}, {{bool}},
// {{true}}, {{false}}, {{random_uuid}}, {{strpos}}: the position of a text in another, instr or strpos, which take the
// same arguments); supporting another engine is one more SchemaDialect in sql_dialect.cpp, not another copy of the
// schema.
#ifndef HUB_STORE_SCHEMA_SQL_DIALECT_HPP_
#define HUB_STORE_SCHEMA_SQL_DIALECT_HPP_

#include <span>
#include <string>
#include <string_view>

#include "hub/odbc/dialect.hpp"
#include "hub/sdk/status.hpp"

namespace hub::schema {

// "{{name}}" in the SQL is replaced by `text`.
struct SqlToken {
  std::string_view name;
  std::string_view text;
};

// One engine's tokens and migrator statements. A constant.
struct SchemaDialect {
  odbc::Dialect dialect = odbc::Dialect::kOther;
  std::span<const SqlToken> tokens;
  // Run first in each migration's transaction so that two hubs migrating one store at once take turns.
  std::string_view lock_migrations;
  // A query answering one column: the names of the tables of the connection's current schema.
  std::string_view list_tables;
};

// The schema dialect of `dialect`, or nullptr when the hub has no schema for that engine (kOther).
// Thread-safe: static data.
const SchemaDialect* FindSchemaDialect(odbc::Dialect dialect);

// The dialects the hub has a schema for, e.g. "sqlite, postgresql": for error messages.
std::string SupportedDialectNames();

// `sql` with every "{{name}}" replaced by the dialect's text. Errors: InvalidArgument naming the token
// and the dialect when a token is unknown or a "{{" is not closed. Pure function.
sdk::Result<std::string> ExpandTokens(std::string_view sql, const SchemaDialect& dialect);

}  // namespace hub::schema

#endif  // HUB_STORE_SCHEMA_SQL_DIALECT_HPP_
