#include "hr_test_support.hpp"

#include <unicode/ucnv.h>

#include <stdexcept>
#include <utility>

#include "hr/hr_source.hpp"

namespace hub::hr::testing {

std::string Encode(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t length = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode as ") + encoding);
  out.resize(static_cast<std::size_t>(length));
  return out;
}

files::Clock FixedClock() {
  using namespace std::chrono;
  return [] { return sys_days(year(2026) / December / 1) + hours(2); };
}

HrOptions OptionsFor(const std::filesystem::path& path) {
  HrOptions options;
  options.path = path;
  options.header_markers = {"工号", "employee_number"};
  options.completeness.declared_final = true;
  return options;
}

sdk::Result<std::vector<sdk::Record>> ReadAll(const HrOptions& options, std::size_t batch_size) {
  HrSource source(options, {}, FixedClock());
  std::vector<sdk::Record> records;
  std::string cursor;
  for (int reads = 0; reads < 100000; ++reads) {
    sdk::Result<sdk::Batch> batch = source.ReadBatch(cursor, batch_size);
    if (!batch.ok()) return batch.status();
    if (batch->records.size() > batch_size) return sdk::Status::Internal("a batch larger than asked for");
    for (sdk::Record& record : batch->records) records.push_back(std::move(record));
    cursor = batch->next_cursor;
    if (batch->end_of_data) return records;
  }
  return sdk::Status::Internal("no end_of_data after 100000 reads");
}

std::string Text(const sdk::Record& record, std::string_view name) {
  const sdk::Value* value = record.Find(name);
  if (value == nullptr) return "<missing>";
  if (value->is_null()) return "<null>";
  return value->text();
}

std::vector<std::string> Keys(const std::vector<sdk::Record>& records) {
  std::vector<std::string> keys;
  for (const sdk::Record& record : records) keys.push_back(record.entity + ":" + record.source_id);
  return keys;
}

std::vector<std::string> Rejections(const std::vector<sdk::Record>& records) {
  std::vector<std::string> rejections;
  for (const sdk::Record& record : records) {
    if (!record.rejection.empty()) rejections.push_back(record.rejection);
  }
  return rejections;
}

}  // namespace hub::hr::testing
