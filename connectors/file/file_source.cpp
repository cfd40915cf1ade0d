#include "file/file_source.hpp"

#include <memory>
#include <string>
#include <utility>

#include "file/jsonl_row_parser.hpp"
#include "hub/files/csv_row_parser.hpp"

namespace hub::file {
namespace {

// The source id a record's id_field gives, or why it gives none.
std::string SourceId(const sdk::Record& record, const std::string& id_field, std::string* problem) {
  const sdk::Value* value = record.Find(id_field);
  std::string id;
  if (value != nullptr && value->type() == sdk::ValueType::kInt64) {
    id = std::to_string(value->integer());
  } else if (value != nullptr &&
             (value->type() == sdk::ValueType::kString || value->type() == sdk::ValueType::kDecimal)) {
    id = value->text();
  } else if (value != nullptr && !value->is_null()) {
    *problem = "id_field '" + id_field + "' is not a string or an integer";
    return id;
  }
  if (id.empty()) *problem = "id_field '" + id_field + "' is empty";
  return id;
}

files::SourceFiles FilesOf(const FileOptions& options) {
  return files::SourceFiles{options.path, options.pattern, options.archive_dir, options.error_dir};
}

files::RowFileOptions RowOptionsOf(const FileOptions& options, ReaderLimits limits) {
  files::RowFileOptions rows;
  rows.encoding = options.encoding;
  rows.skip_empty_lines = options.skip_empty_lines;
  rows.completeness = options.completeness;
  rows.required_field = options.id_field;
  rows.limits = limits;
  return rows;
}

files::ParserFactory ParsersOf(const FileOptions& options, ReaderLimits limits) {
  return [options, limits](std::string_view file_name) -> sdk::Result<std::unique_ptr<files::RowParser>> {
    sdk::Result<FileFormat> format = FormatOf(file_name, options.format);
    if (!format.ok()) return format.status();
    if (*format == FileFormat::kJsonl) return std::unique_ptr<files::RowParser>(std::make_unique<JsonlRowParser>());
    files::CsvDialect dialect;
    dialect.delimiter = options.delimiter.value_or(*format == FileFormat::kTsv ? '\t' : ',');
    dialect.quote = options.quote;
    return std::unique_ptr<files::RowParser>(std::make_unique<files::CsvRowParser>(
        dialect, files::CsvColumns{options.header, options.columns}, limits.max_record_bytes));
  };
}

files::RecordCheck CheckOf(const FileOptions& options) {
  return [entity = options.entity, id_field = options.id_field](sdk::Record& record) {
    record.entity = entity;
    std::string problem;
    if (!id_field.empty()) record.source_id = SourceId(record, id_field, &problem);
    return problem;
  };
}

}  // namespace

FileSource::FileSource(const FileOptions& options, ReaderLimits limits, files::LogSink log, files::Clock clock)
    : source_(FilesOf(options), RowOptionsOf(options, limits), ParsersOf(options, limits), CheckOf(options),
              std::move(log), std::move(clock)) {}

}  // namespace hub::file
