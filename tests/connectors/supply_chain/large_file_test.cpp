// A 50 MB ORDERS05 file, in UTF-8 or transcoded from GBK, is read IDOC by IDOC: every record arrives, and the
// process's peak memory stays far below the file's size.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include "idoc_generator.hpp"
#include "supply_chain/idoc_file_reader.hpp"
#include "supply_chain_test_support.hpp"

namespace hub::supply_chain {
namespace {

long PeakRssKiB() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

class IdocLargeFile : public ::testing::TestWithParam<testing::GeneratedEncoding> {};

TEST_P(IdocLargeFile, A50MegabyteOrders05IsReadWholeWithPeakMemoryUnder64MiB) {
  testing::TempDir dir;
  const std::filesystem::path path = dir.path() / "orders_50mb.xml";
  const testing::GeneratedFile generated = testing::GenerateOrders05(path, 50u << 20, GetParam());
  IdocCursor cursor{"orders_50mb.xml"};
  std::uint64_t records = 0;
  std::uint64_t rejected = 0;
  std::string last_order;
  for (;;) {
    sdk::Result<IdocFileRead> read = ReadIdocFile(path.string(), cursor, 1000);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    for (const sdk::Record& record : read->records) {
      ++records;
      if (!record.rejection.empty()) ++rejected;
      if (record.entity == "order") last_order = record.source_id;
    }
    cursor = read->next;
    if (read->at_end) break;
  }
  EXPECT_EQ(records, generated.records);
  EXPECT_EQ(rejected, 0u);
  EXPECT_EQ(cursor.document_index, generated.idocs);
  EXPECT_EQ(last_order, std::to_string(10'000'000 + generated.idocs - 1));
  EXPECT_LT(PeakRssKiB(), 64L * 1024) << "peak RSS " << PeakRssKiB() << " KiB for a " << generated.bytes
                                      << "-byte file";
}

INSTANTIATE_TEST_SUITE_P(Encodings, IdocLargeFile,
                         ::testing::Values(testing::GeneratedEncoding::kUtf8, testing::GeneratedEncoding::kGbk),
                         [](const auto& info) {
                           return info.param == testing::GeneratedEncoding::kGbk ? std::string("Gbk")
                                                                                 : std::string("Utf8");
                         });

}  // namespace
}  // namespace hub::supply_chain
