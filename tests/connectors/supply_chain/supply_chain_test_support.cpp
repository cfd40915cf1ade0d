#include "supply_chain_test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "supply_chain/idoc_file_reader.hpp"

namespace hub::supply_chain::testing {

std::string Fixture(const std::string& name) {
  return FileBytes(std::filesystem::path(HUB_SOURCE_DIR) / "tests/data/supply_chain" / name);
}

std::string FileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

sdk::Result<std::vector<sdk::Record>> ReadWholeFile(const std::string& path, std::size_t batch_size,
                                                    std::size_t chunk_bytes) {
  std::vector<sdk::Record> all;
  IdocCursor cursor{std::filesystem::path(path).filename().string()};
  for (;;) {
    sdk::Result<IdocFileRead> read = ReadIdocFile(path, cursor, batch_size, chunk_bytes);
    if (!read.ok()) return read.status();
    for (sdk::Record& record : read->records) all.push_back(std::move(record));
    cursor = read->next;
    if (read->at_end) return all;
  }
}

std::string Text(const sdk::Record& record, std::string_view name) {
  const sdk::Value* value = record.Find(name);
  if (value == nullptr) return "<missing>";
  if (value->type() == sdk::ValueType::kInt64) return std::to_string(value->integer());
  return value->text();
}

std::vector<std::string> Keys(const std::vector<sdk::Record>& records) {
  std::vector<std::string> keys;
  for (const sdk::Record& record : records) {
    keys.push_back(record.rejection.empty() ? record.entity + ":" + record.source_id
                                            : "!" + record.entity + ":" + record.position);
  }
  return keys;
}

}  // namespace hub::supply_chain::testing
