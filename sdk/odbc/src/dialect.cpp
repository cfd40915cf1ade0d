#include "hub/odbc/dialect.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace hub::odbc {

std::string_view DialectName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kSqlite:
      return "sqlite";
    case Dialect::kPostgres:
      return "postgresql";
    case Dialect::kOther:
      return "other";
  }
  return "other";
}

Dialect DialectFromDbmsName(std::string_view dbms_name) {
  std::string lower(dbms_name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower.find("sqlite") != std::string::npos) return Dialect::kSqlite;
  if (lower.find("postgres") != std::string::npos) return Dialect::kPostgres;
  return Dialect::kOther;
}

std::size_t MaxParameters(Dialect dialect) {
  switch (dialect) {
    case Dialect::kSqlite:
      return 32766;
    case Dialect::kPostgres:
      return 7498;  // libpq refuses a ParameterDescription over 30000 bytes: 4 + 2 + 4 * n
    case Dialect::kOther:
      return 2000;
  }
  return 2000;
}

}  // namespace hub::odbc
