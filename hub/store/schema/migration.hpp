// Migrations made ready for one engine: tokens expanded, split into statements, checksummed.
#ifndef HUB_STORE_SCHEMA_MIGRATION_HPP_
#define HUB_STORE_SCHEMA_MIGRATION_HPP_

#include <span>
#include <string>
#include <vector>

#include "hub/sdk/status.hpp"
#include "store/schema/embedded_migrations.hpp"
#include "store/schema/sql_dialect.hpp"

namespace hub::schema {

// One migration as it runs on one engine. A plain value.
struct Migration {
  int version = 0;
  std::string name;
  std::vector<std::string> statements;  // tokens expanded, comments removed, no trailing ';'
  // Lowercase hex SHA-256 of the statements joined by ";\n": what the store records when the migration
  // is applied, and compares on every later run to notice an edited history. Comments and layout
  // outside statements do not count; changing the SQL, or what a token stands for, does.
  std::string checksum;

  // "migration 3 (parties)", for messages.
  std::string Label() const;
};

// Every source made ready for `dialect`. Versions must start at 1 and increase by one in order.
// Errors: InvalidArgument naming the migration for a gap or disorder in the versions, an unknown token
// or an unterminated literal. Pure function.
sdk::Result<std::vector<Migration>> CompileMigrations(std::span<const MigrationSource> sources,
                                                      const SchemaDialect& dialect);

}  // namespace hub::schema

#endif  // HUB_STORE_SCHEMA_MIGRATION_HPP_
