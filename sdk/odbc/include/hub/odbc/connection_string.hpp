// Reading and rewriting ODBC connection strings ("Driver=...;Server=...;Pwd=...;").
#ifndef HUB_ODBC_CONNECTION_STRING_HPP_
#define HUB_ODBC_CONNECTION_STRING_HPP_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hub::odbc {

// The connection string with the value of every secret attribute (PWD, Password; keys compared
// case-insensitively, braced values "{...}" included) replaced by "***". Use it for every message and
// log line that shows a connection string; nothing in this library prints one unmasked.
std::string MaskSecrets(std::string_view connection_string);

// The value of attribute `key` (case-insensitive), braces removed; nullopt when absent.
std::optional<std::string> FindAttribute(std::string_view connection_string, std::string_view key);

// The connection string with attribute `key` set to `value`: replaced in place when present, appended
// otherwise. The value is braced when it holds ';', '{' or '}'.
std::string SetAttribute(std::string_view connection_string, std::string_view key, std::string_view value);

// For an SQLite connection string (Driver naming SQLite) whose Database= is a relative path: the same
// string with Database= made absolute against `base_dir` (the configuration file's folder, as the
// contract says paths in the config are relative to the file). Other strings are returned unchanged
// (absolute paths, ":memory:", other drivers).
std::string ResolveSqlitePath(std::string_view connection_string, const std::filesystem::path& base_dir);

// True when the string's Driver (or DSN) names an SQLite driver.
bool IsSqliteConnectionString(std::string_view connection_string);

}  // namespace hub::odbc

#endif  // HUB_ODBC_CONNECTION_STRING_HPP_
