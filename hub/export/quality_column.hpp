// Exports whose records carry data-quality flags: the flags folded into one `quality` column.
#ifndef HUB_EXPORT_QUALITY_COLUMN_HPP_
#define HUB_EXPORT_QUALITY_COLUMN_HPP_

#include <cstdint>
#include <ostream>

#include "export/table_writer.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/sdk/status.hpp"

namespace hub::exporting {

// Writes the rows of `executed`, a query that answers a row per record and flag, ordered by record (its
// first column, an integer id), whose last three columns are the flag's field, problem and value (null for
// a record without flags): one row per record, its other columns and `quality`, the record's flags as
// "<field> <problem>: <value>" joined by "; " ("mobile invalid_phone: (010)10940526"), empty when none.
// Answers the rows written. Errors: the driver's, or the stream's (IoError).
sdk::Result<std::uint64_t> WriteWithQualityColumn(odbc::Statement& executed, ExportFormat format, std::ostream& out);

}  // namespace hub::exporting

#endif  // HUB_EXPORT_QUALITY_COLUMN_HPP_
