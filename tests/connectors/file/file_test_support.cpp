#include "file_test_support.hpp"

#include <unicode/ucnv.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <stdexcept>

#include "file/file_source.hpp"

namespace hub::file::testing {

namespace fs = std::filesystem;

std::string Encode(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t length = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode as ") + encoding);
  out.resize(static_cast<std::size_t>(length));
  return out;
}

FileOptions OptionsFor(const fs::path& path) {
  FileOptions options;
  options.path = path;
  return options;
}

sdk::Result<std::vector<sdk::Record>> ReadAll(const FileOptions& options, std::size_t batch_size, ReaderLimits limits) {
  FileSource source(options, limits);
  std::vector<sdk::Record> records;
  std::string cursor;
  for (int reads = 0; reads < 100000; ++reads) {
    sdk::Result<sdk::Batch> batch = source.ReadBatch(cursor, batch_size);
    if (!batch.ok()) return batch.status();
    for (sdk::Record& record : batch->records) records.push_back(std::move(record));
    cursor = batch->next_cursor;
    if (batch->end_of_data) return records;
  }
  return sdk::Status::Internal("no end_of_data after 100000 reads");
}

std::vector<std::vector<std::string>> Rows(const std::vector<sdk::Record>& records) {
  std::vector<std::vector<std::string>> rows;
  for (const sdk::Record& record : records) {
    std::vector<std::string>& row = rows.emplace_back();
    for (const sdk::Field& field : record.fields) row.push_back(field.value.text());
  }
  return rows;
}

std::vector<std::string> Names(const sdk::Record& record) {
  std::vector<std::string> names;
  for (const sdk::Field& field : record.fields) names.push_back(field.name);
  return names;
}

std::string Text(const sdk::Record& record, std::string_view name) {
  const sdk::Value* value = record.Find(name);
  return value == nullptr ? "<missing>" : value->text();
}

std::vector<std::string> Rejections(const std::vector<sdk::Record>& records) {
  std::vector<std::string> rejections;
  for (const sdk::Record& record : records) {
    if (!record.rejection.empty()) rejections.push_back(record.rejection);
  }
  return rejections;
}

}  // namespace hub::file::testing
