#include "export/table_writer.hpp"

#include <charconv>
#include <string>

#include <boost/json.hpp>

#include "common/value_json.hpp"

namespace hub::exporting {
namespace {

// The shortest text that reads back as `number` ("0.5", not JSON's "5E-1"), for a spreadsheet.
std::string DecimalText(double number) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return error == std::errc() ? std::string(buffer, end) : std::string();
}

// The field's text as the JSON export would show it, without JSON's quotes (a double in decimal notation); NULL
// as an empty field.
std::string CsvField(const sdk::Value& value) {
  const boost::json::value json = ValueToJson(value);
  std::string text;
  if (value.type() == sdk::ValueType::kDouble && json.is_double()) {
    text = DecimalText(value.real());
  } else if (json.is_string()) {
    text = std::string(json.as_string().data(), json.as_string().size());
  } else if (!json.is_null()) {
    text = boost::json::serialize(json);
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

class CsvWriter final : public TableWriter {
 public:
  CsvWriter(std::ostream& out, std::vector<std::string> columns) : out_(out) {
    std::vector<sdk::Value> header;
    for (std::string& column : columns) header.push_back(sdk::Value::String(std::move(column)));
    WriteRow(header);
  }
  void WriteRow(const std::vector<sdk::Value>& row) override {
    for (std::size_t i = 0; i < row.size(); ++i) out_ << (i == 0 ? "" : ",") << CsvField(row[i]);
    out_ << "\r\n";
  }
  sdk::Status Finish() override {
    out_.flush();
    return out_ ? sdk::Status::Ok() : sdk::Status::IoError("writing the CSV export failed");
  }

 private:
  std::ostream& out_;
};

class JsonWriter final : public TableWriter {
 public:
  JsonWriter(std::ostream& out, std::vector<std::string> columns) : out_(out), columns_(std::move(columns)) {
    out_ << "[";
  }
  void WriteRow(const std::vector<sdk::Value>& row) override {
    boost::json::object object;
    for (std::size_t i = 0; i < row.size() && i < columns_.size(); ++i) object[columns_[i]] = ValueToJson(row[i]);
    out_ << (first_ ? "\n" : ",\n") << boost::json::serialize(object);
    first_ = false;
  }
  sdk::Status Finish() override {
    out_ << (first_ ? "]\n" : "\n]\n");
    out_.flush();
    return out_ ? sdk::Status::Ok() : sdk::Status::IoError("writing the JSON export failed");
  }

 private:
  std::ostream& out_;
  std::vector<std::string> columns_;
  bool first_ = true;
};

}  // namespace

sdk::Result<ExportFormat> ParseExportFormat(std::string_view text) {
  if (text == "csv") return ExportFormat::kCsv;
  if (text == "json") return ExportFormat::kJson;
  return sdk::Status::InvalidArgument("unknown export format '" + std::string(text) + "' (use csv or json)");
}

std::unique_ptr<TableWriter> TableWriter::Create(ExportFormat format, std::ostream& out,
                                                 std::vector<std::string> columns) {
  if (format == ExportFormat::kJson) return std::make_unique<JsonWriter>(out, std::move(columns));
  return std::make_unique<CsvWriter>(out, std::move(columns));
}

}  // namespace hub::exporting
