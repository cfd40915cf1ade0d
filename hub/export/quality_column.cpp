#include "export/quality_column.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hub::exporting {

namespace {

// The trailing flag columns of the folded query.
constexpr std::size_t kFlagColumns = 3;

// One record's row being folded: its columns, and its flags so far.
class QualityFold {
 public:
  QualityFold(std::unique_ptr<TableWriter> writer, std::size_t record_columns)
      : writer_(std::move(writer)), record_columns_(record_columns) {}

  void Add(const odbc::Row& row) {
    if (current_ && (*current_)[0].integer() != row[0].integer()) Flush();
    if (!current_) {
      current_.emplace(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(record_columns_));
      quality_.clear();
    }
    const sdk::Value& field = row[record_columns_];
    if (field.is_null()) return;
    quality_ += (quality_.empty() ? "" : "; ") + field.text() + " " + row[record_columns_ + 1].text() + ": " +
                row[record_columns_ + 2].text();
  }

  sdk::Status Finish() {
    if (current_) Flush();
    return writer_->Finish();
  }

  std::uint64_t rows() const { return rows_; }

 private:
  void Flush() {
    current_->push_back(sdk::Value::String(quality_));
    writer_->WriteRow(*current_);
    current_.reset();
    ++rows_;
  }

  std::unique_ptr<TableWriter> writer_;
  std::size_t record_columns_;
  std::optional<odbc::Row> current_;
  std::string quality_;
  std::uint64_t rows_ = 0;
};

}  // namespace

sdk::Result<std::uint64_t> WriteWithQualityColumn(odbc::Statement& executed, ExportFormat format, std::ostream& out) {
  std::vector<std::string> columns;
  for (const odbc::ColumnInfo& column : executed.columns()) columns.push_back(column.name);
  if (columns.size() <= kFlagColumns) return sdk::Status::Internal("the export query lost its flag columns");
  columns.resize(columns.size() - kFlagColumns);
  const std::size_t record_columns = columns.size();
  columns.push_back("quality");
  QualityFold fold(TableWriter::Create(format, out, std::move(columns)), record_columns);
  while (true) {
    sdk::Result<bool> more = executed.Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    sdk::Result<odbc::Row> row = executed.GetRow();
    if (!row.ok()) return row.status();
    fold.Add(*row);
  }
  HUB_RETURN_IF_ERROR(fold.Finish());
  return fold.rows();
}

}  // namespace hub::exporting
