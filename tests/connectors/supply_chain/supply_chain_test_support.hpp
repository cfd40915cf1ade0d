// Helpers shared by the supply_chain connector tests: fixtures, reading a file to its end, field text.
#ifndef HUB_TESTS_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_TEST_SUPPORT_HPP_
#define HUB_TESTS_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_TEST_SUPPORT_HPP_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "support/temp_dir.hpp"

namespace hub::supply_chain::testing {

using TempDir = ::hub::test::TempDir;

// The bytes of the file at `path` (throws std::runtime_error when it cannot be read: tests only).
std::string FileBytes(const std::filesystem::path& path);

// The bytes of tests/data/supply_chain/<name>.
std::string Fixture(const std::string& name);

// Every record ReadIdocFile gives for `path` from the start, `batch_size` at a time, each read starting at
// the previous one's `next` (as the hub resumes), until at_end; the first failure otherwise.
sdk::Result<std::vector<sdk::Record>> ReadWholeFile(const std::string& path, std::size_t batch_size = 1000,
                                                    std::size_t chunk_bytes = std::size_t{1} << 20);

// The text of a field, or "<missing>".
std::string Text(const sdk::Record& record, std::string_view name);
// "entity:source_id" per record, in order (rejected ones as "!entity:position").
std::vector<std::string> Keys(const std::vector<sdk::Record>& records);

}  // namespace hub::supply_chain::testing

#endif  // HUB_TESTS_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_TEST_SUPPORT_HPP_
