// Large ORDERS05 files for the memory test and the parse benchmark, written as a stream.
#ifndef HUB_TESTS_CONNECTORS_SUPPLY_CHAIN_IDOC_GENERATOR_HPP_
#define HUB_TESTS_CONNECTORS_SUPPLY_CHAIN_IDOC_GENERATOR_HPP_

#include <cstdint>
#include <filesystem>

namespace hub::supply_chain::testing {

// What GenerateOrders05 wrote. A plain value.
struct GeneratedFile {
  std::uint64_t bytes = 0;
  std::uint64_t idocs = 0;
  std::uint64_t records = 0;  // order + 3 lines + 2 partners per IDOC
};

// The encoding of a generated file: UTF-8 with German partners, or GBK (declared so) with Chinese partners
// and material texts, as an SAP system in China writes it.
enum class GeneratedEncoding { kUtf8, kGbk };

// Writes an ORDERS05 file of at least `min_bytes` to `path`: IDOCs of the real shape (EDI_DC40, E1EDK01,
// E1EDK03, two E1EDKA1, three E1EDP01 with E1EDP19, E1EDS01), about 3 KB each, with distinct order numbers.
// Holds one IDOC in memory at a time. Throws std::runtime_error when it cannot write or encode (tests and
// benches only).
GeneratedFile GenerateOrders05(const std::filesystem::path& path, std::uint64_t min_bytes,
                               GeneratedEncoding encoding = GeneratedEncoding::kUtf8);

}  // namespace hub::supply_chain::testing

#endif  // HUB_TESTS_CONNECTORS_SUPPLY_CHAIN_IDOC_GENERATOR_HPP_
