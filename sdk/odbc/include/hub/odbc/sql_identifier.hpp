// Names that are safe to write into SQL unquoted: what a connector's option naming a column or a table, or
// the store's own writers, may put into a statement as written.
#ifndef HUB_ODBC_SQL_IDENTIFIER_HPP_
#define HUB_ODBC_SQL_IDENTIFIER_HPP_

#include <string_view>

namespace hub::odbc {

// True for a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*). Pure.
bool IsPlainIdentifier(std::string_view name);

// True for a table name: a plain identifier, or two joined by one dot ("hr.employees"). Pure.
bool IsTableName(std::string_view name);

}  // namespace hub::odbc

#endif  // HUB_ODBC_SQL_IDENTIFIER_HPP_
