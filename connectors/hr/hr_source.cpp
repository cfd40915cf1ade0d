#include "hr/hr_source.hpp"

#include <memory>
#include <utility>

#include "hr/hr_dates.hpp"
#include "hr/hr_row.hpp"
#include "hub/files/csv_row_parser.hpp"

namespace hub::hr {
namespace {

files::Clock OrSystemClock(files::Clock clock) {
  return clock ? std::move(clock) : files::Clock([] { return std::chrono::system_clock::now(); });
}

files::RowFileOptions RowOptionsOf(const HrOptions& options, files::ReaderLimits limits) {
  files::RowFileOptions rows;
  rows.encoding = options.encoding;
  rows.completeness = options.completeness;
  rows.limits = limits;
  return rows;
}

files::ParserFactory ParsersOf(const HrOptions& options, files::ReaderLimits limits) {
  files::CsvDialect dialect;
  dialect.delimiter = options.delimiter;
  files::CsvColumns columns;
  columns.header_markers = options.header_markers;
  return [dialect, columns, limits](std::string_view) -> sdk::Result<std::unique_ptr<files::RowParser>> {
    return std::unique_ptr<files::RowParser>(
        std::make_unique<files::CsvRowParser>(dialect, columns, limits.max_record_bytes));
  };
}

files::RecordCheck CheckOf(const HrOptions& options, const files::Clock& clock) {
  return [clock, offset = options.utc_offset](sdk::Record& row) { return MakeEmployee(row, IsoDay(clock(), offset)); };
}

}  // namespace

HrSource::HrSource(const HrOptions& options, files::LogSink log, files::Clock clock, files::CountSink count,
                   files::ReaderLimits limits)
    : rows_(files::SourceFiles{options.path, options.pattern, options.archive_dir, options.error_dir},
            RowOptionsOf(options, limits), ParsersOf(options, limits), CheckOf(options, OrSystemClock(clock)),
            std::move(log), OrSystemClock(clock), std::move(count)) {}

sdk::Result<sdk::Batch> HrSource::ReadBatch(std::string_view cursor, std::size_t max_records) {
  return ReadEmployeeBatch(
      [this](std::string_view rows, std::size_t max_rows) { return rows_.ReadBatch(rows, max_rows); }, cursor,
      max_records);
}

}  // namespace hub::hr
