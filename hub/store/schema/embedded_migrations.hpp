// The schema's migrations as compiled into the binary from hub/store/schema/migrations/*.sql.
#ifndef HUB_STORE_SCHEMA_EMBEDDED_MIGRATIONS_HPP_
#define HUB_STORE_SCHEMA_EMBEDDED_MIGRATIONS_HPP_

#include <span>
#include <string_view>

namespace hub::schema {

// One migration as written: its version and name (from the file name NNNN_name.sql) and its SQL, which
// holds dialect tokens ("{{id}}", see sql_dialect.hpp) and ';'-separated statements. A constant.
struct MigrationSource {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

// Every migration of this build, in file order (the order CMakeLists.txt lists them). Static data
// generated at build time by embed_migrations.cmake: thread-safe, valid for the program's life.
std::span<const MigrationSource> EmbeddedMigrations();

}  // namespace hub::schema

#endif  // HUB_STORE_SCHEMA_EMBEDDED_MIGRATIONS_HPP_
