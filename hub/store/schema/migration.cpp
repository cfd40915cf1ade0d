#include "store/schema/migration.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>

#include "store/schema/sql_script.hpp"

namespace hub::schema {
namespace {

std::string Sha256Hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr);
  constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
}

std::string Checksum(const std::vector<std::string>& statements) {
  std::string joined;
  for (const std::string& statement : statements) joined += statement + ";\n";
  return Sha256Hex(joined);
}

sdk::Result<Migration> Compile(const MigrationSource& source, const SchemaDialect& dialect) {
  Migration migration{source.version, std::string(source.name), {}, {}};
  sdk::Result<std::string> expanded = ExpandTokens(source.sql, dialect);
  if (!expanded.ok()) return expanded.status().WithContext(migration.Label());
  sdk::Result<std::vector<std::string>> statements = SplitStatements(*expanded);
  if (!statements.ok()) return statements.status().WithContext(migration.Label());
  if (statements->empty()) return sdk::Status::InvalidArgument(migration.Label() + " has no statement");
  migration.statements = std::move(statements).value();
  migration.checksum = Checksum(migration.statements);
  return migration;
}

}  // namespace

std::string Migration::Label() const { return "migration " + std::to_string(version) + " (" + name + ")"; }

sdk::Result<std::vector<Migration>> CompileMigrations(std::span<const MigrationSource> sources,
                                                      const SchemaDialect& dialect) {
  std::vector<Migration> migrations;
  for (const MigrationSource& source : sources) {
    const int expected = static_cast<int>(migrations.size()) + 1;
    if (source.version != expected) {
      return sdk::Status::InvalidArgument("migration " + std::to_string(source.version) + " (" +
                                          std::string(source.name) + ") is out of sequence: expected version " +
                                          std::to_string(expected));
    }
    sdk::Result<Migration> migration = Compile(source, dialect);
    if (!migration.ok()) return migration.status();
    migrations.push_back(std::move(migration).value());
  }
  return migrations;
}

}  // namespace hub::schema
