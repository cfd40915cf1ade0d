// Splitting a migration script into the statements ODBC executes one at a time.
#ifndef HUB_STORE_SCHEMA_SQL_SCRIPT_HPP_
#define HUB_STORE_SCHEMA_SQL_SCRIPT_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"

namespace hub::schema {

// The statements of `script`, in order: split at ';' outside string literals ('...', with '' inside),
// quoted identifiers ("...") and comments; comments ("-- ..." to the end of the line, "/* ... */") are
// removed, each statement is trimmed and has no trailing ';', empty statements are dropped.
// PostgreSQL dollar-quoted bodies ($$ ... $$) are not supported: migrations create no functions.
// Errors: InvalidArgument for an unterminated literal, identifier or block comment. Pure function.
sdk::Result<std::vector<std::string>> SplitStatements(std::string_view script);

}  // namespace hub::schema

#endif  // HUB_STORE_SCHEMA_SQL_SCRIPT_HPP_
