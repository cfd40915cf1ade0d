// IDoc-XML parsing speed on one core: a generated ORDERS05 file (200 MB unless argv[1] gives MB) read three
// ways in the same run — expat alone over the bytes in 1 MiB chunks with no handlers (the ceiling), the
// IdocSplitter (expat plus IDOC boundaries), and the connector's whole path (split, pugixml per IDOC, records).
// Then the same for a GBK file of the same size (Chinese partners, declared encoding="GBK", as SAP systems
// in China write it), next to its own ceiling: ICU's conversion of its bytes to UTF-8 alone, through
// files::TextDecoder::DecodeChunk in 1 MiB chunks as the connector's stream does.
// Not Google Benchmark: one pass each, timed in CPU seconds of the thread, after one untimed pass that warms
// the page cache.
#include <expat.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/files/text_decoder.hpp"
#include "idoc_generator.hpp"
#include "process_cpu.hpp"
#include "supply_chain/idoc_file_reader.hpp"
#include "supply_chain/idoc_splitter.hpp"

namespace {

namespace sc = hub::supply_chain;

double ExpatAlone(const std::filesystem::path& path) {
  XML_Parser parser = XML_ParserCreate(nullptr);
  std::ifstream in(path, std::ios::binary);
  std::vector<char> chunk(std::size_t{1} << 20);
  const auto start = hub::bench::ThreadCpuSeconds();
  for (;;) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = in.gcount();
    if (XML_Parse(parser, chunk.data(), static_cast<int>(got), got == 0) == XML_STATUS_ERROR) std::abort();
    if (got == 0) break;
  }
  XML_ParserFree(parser);
  return hub::bench::ThreadCpuSeconds() - start;
}

double IcuAlone(const std::filesystem::path& path, const char* encoding) {
  auto decoder = hub::files::TextDecoder::Create(encoding);
  if (!decoder.ok()) std::abort();
  std::ifstream in(path, std::ios::binary);
  std::vector<char> chunk(std::size_t{1} << 20);
  std::string text;
  const auto start = hub::bench::ThreadCpuSeconds();
  for (;;) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    text.clear();
    if (!(*decoder)->DecodeChunk(std::string_view(chunk.data(), got), got == 0, &text).ok()) std::abort();
    if (got == 0) break;
  }
  return hub::bench::ThreadCpuSeconds() - start;
}

double SplitterOnly(const std::filesystem::path& path, std::uint64_t* idocs) {
  const auto start = hub::bench::ThreadCpuSeconds();
  auto splitter = sc::IdocSplitter::Open(path.string(), sc::SplitStart{});
  if (!splitter.ok()) std::abort();
  for (;;) {
    auto span = (*splitter)->Next();
    if (!span.ok()) std::abort();
    if (!span->has_value()) break;
    ++*idocs;
  }
  return hub::bench::ThreadCpuSeconds() - start;
}

double Records(const std::filesystem::path& path, std::uint64_t* records) {
  const auto start = hub::bench::ThreadCpuSeconds();
  sc::IdocCursor cursor{path.filename().string()};
  for (;;) {
    auto read = sc::ReadIdocFile(path.string(), cursor, 5000);
    if (!read.ok()) std::abort();
    *records += read->records.size();
    cursor = read->next;
    if (read->at_end) break;
  }
  return hub::bench::ThreadCpuSeconds() - start;
}

// The three reads of one file, printed with `ceiling` (the seconds of what bounds them) named `ceiling_name`.
void ReportReads(const std::filesystem::path& path, const hub::supply_chain::testing::GeneratedFile& generated,
                 const char* label, const char* ceiling_name, double ceiling) {
  const double mb = static_cast<double>(generated.bytes) / (1 << 20);
  std::uint64_t idocs = 0;
  const double split = SplitterOnly(path, &idocs);
  std::uint64_t records = 0;
  const double whole = Records(path, &records);
  std::printf("%s file: %.1f MB, %llu IDOCs, %llu records\n", label, mb, static_cast<unsigned long long>(idocs),
              static_cast<unsigned long long>(records));
  std::printf("  %-32s %7.1f MB/s\n", ceiling_name, mb / ceiling);
  std::printf("  %-32s %7.1f MB/s\n", "IdocSplitter:", mb / split);
  std::printf("  %-32s %7.1f MB/s  %9.0f records/s  (%.0f%% of the ceiling)\n", "records (connector):", mb / whole,
              static_cast<double>(records) / whole, 100.0 * ceiling / whole);
}

}  // namespace

int main(int argc, char** argv) {
  namespace testing = hub::supply_chain::testing;
  const std::uint64_t megabytes = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200;
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "hub_idoc_parse_bench.xml";

  const auto utf8 = testing::GenerateOrders05(path, megabytes << 20);
  ExpatAlone(path);  // warms the page cache
  ReportReads(path, utf8, "UTF-8", "expat alone (ceiling):", ExpatAlone(path));

  const auto gbk = testing::GenerateOrders05(path, megabytes << 20, testing::GeneratedEncoding::kGbk);
  IcuAlone(path, "GBK");  // warms the page cache
  ReportReads(path, gbk, "GBK", "ICU GBK to UTF-8 alone (ceiling):", IcuAlone(path, "GBK"));
  std::filesystem::remove(path);
  return 0;
}
