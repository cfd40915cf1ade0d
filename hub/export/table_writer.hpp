// Writing rows as CSV (RFC 4180) or JSON, one row at a time, so exports of any size stream.
#ifndef HUB_EXPORT_TABLE_WRITER_HPP_
#define HUB_EXPORT_TABLE_WRITER_HPP_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::exporting {

enum class ExportFormat { kCsv, kJson };

// "csv" or "json"; InvalidArgument naming the accepted ones otherwise.
sdk::Result<ExportFormat> ParseExportFormat(std::string_view text);

// Writes a header and rows to a stream: CSV with a header line, CRLF line ends and fields quoted when they
// hold a comma, quote or line break (RFC 4180); or a JSON array of objects keyed by column, numbers and
// booleans as JSON values, NULL as null. UTF-8 throughout. Not thread-safe; the stream must outlive it.
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  static std::unique_ptr<TableWriter> Create(ExportFormat format, std::ostream& out, std::vector<std::string> columns);

  // One row, a value per column in column order.
  virtual void WriteRow(const std::vector<sdk::Value>& row) = 0;
  // Ends the document (the JSON array's bracket). Answers IoError when the stream failed at any point.
  virtual sdk::Status Finish() = 0;
};

}  // namespace hub::exporting

#endif  // HUB_EXPORT_TABLE_WRITER_HPP_
