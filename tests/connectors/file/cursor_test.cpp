// Cursors: resuming from any of them gives exactly the rest; a replaced file starts over.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "file/file_source.hpp"
#include "file_test_support.hpp"
#include "hub/files/file_cursor.hpp"

namespace hub::file {
namespace {

using namespace ::hub::files;  // the SDK's file helpers these tests cover through the file connector

using testing::Encode;
using testing::OptionsFor;
using testing::ReadAll;
using testing::TempDir;

// Rows with quoted line breaks, empty lines and a rejection, so that cursors land in every kind of place.
std::string MixedCsv() {
  std::string text = "id,name,note\n";
  for (int i = 1; i <= 12; ++i) {
    text += std::to_string(i) + ",Firm " + std::to_string(i);
    text += i % 3 == 0 ? ",\"two\nlines\"\n" : ",plain\n";
    if (i % 4 == 0) text += "\n";
    if (i == 7) text += "bad row\n";
  }
  return text;
}

std::vector<sdk::Record> Read(FileSource& source, const std::string& cursor, std::size_t max) {
  auto batch = source.ReadBatch(cursor, max);
  EXPECT_TRUE(batch.ok()) << batch.status().ToString();
  return batch.ok() ? batch->records : std::vector<sdk::Record>{};
}

TEST(FileCursorText, RoundTripsAndRefusesForeignText) {
  FileCursor cursor{"客户 a|b.csv", "GB18030", 4096, 0xDEADBEEFCAFEF00DULL, {123456789, 42, 17, 0x1234ULL}};
  auto decoded = DecodeCursor(EncodeCursor(cursor));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, cursor);
  for (const char* text : {"x", "file1|1|2", "file1|a|1|0|0|0|0|UTF-8|f.csv", "file1|1|1|0|0|0|0||f.csv",
                           "file1|1|1|0|0|0|0|UTF-8|", "file1|1|1|9|0|0|0|UTF-8|f.csv"}) {
    EXPECT_EQ(DecodeCursor(text).status().code(), sdk::StatusCode::kInvalidArgument) << text;
  }
}

TEST(FileCursorResume, EveryCursorResumesWithExactlyTheRemainingRecords) {
  TempDir dir;
  for (const char* encoding : {"UTF-8", "GBK", "UTF-16LE"}) {
    std::string bytes = Encode(MixedCsv(), encoding);
    if (std::string(encoding) == "UTF-16LE") bytes.insert(0, "\xFF\xFE");
    FileSource source(OptionsFor(dir.Write("t.csv", bytes)), ReaderLimits{7, 1 << 20});
    const std::vector<sdk::Record> all = Read(source, "", 1000);
    ASSERT_EQ(all.size(), 13u) << encoding;
    ASSERT_EQ(testing::Rejections(all).size(), 1u);
    for (std::size_t i = 0; i < all.size(); ++i) {
      const std::vector<sdk::Record> rest(all.begin() + static_cast<long>(i) + 1, all.end());
      EXPECT_EQ(Read(source, all[i].cursor, 1000), rest) << encoding << " after record " << i;
      EXPECT_EQ(Read(source, all[i].cursor, 1000), rest) << "a second read from the same cursor";
    }
  }
}

TEST(FileCursorResume, BatchSizesDoNotChangeTheRecords) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", MixedCsv()));
  auto whole = ReadAll(options, 1000);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  for (std::size_t batch : {1, 2, 5}) {
    auto pieces = ReadAll(options, batch);
    ASSERT_TRUE(pieces.ok()) << pieces.status().ToString();
    EXPECT_EQ(*pieces, *whole) << "batches of " << batch;
  }
}

TEST(FileCursorResume, EndOfDataOnlyAtTheEndAndTheLastCursorGivesNothingMore) {
  TempDir dir;
  FileSource source(OptionsFor(dir.Write("t.csv", "a\n1\n2\n\n\n")));
  auto first = source.ReadBatch("", 1);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->end_of_data);
  auto second = source.ReadBatch(first->next_cursor, 1);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->end_of_data);  // only empty lines follow
  auto third = source.ReadBatch(second->next_cursor, 10);
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->records.empty());
  EXPECT_TRUE(third->end_of_data);
  EXPECT_EQ(third->next_cursor, second->next_cursor);
}

TEST(FileCursorResume, AppendedRowsAreReadAfterTheCursor) {
  TempDir dir;
  const auto path = dir.Write("t.csv", "a\n1\n2\n");
  FileSource source(OptionsFor(path));
  auto first = source.ReadBatch("", 100);
  ASSERT_TRUE(first.ok());
  dir.Write("t.csv", "a\n1\n2\n3\n");
  auto second = source.ReadBatch(first->next_cursor, 100);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(testing::Rows(second->records), (std::vector<std::vector<std::string>>{{"3"}}));
}

TEST(FileCursorResume, ReplacedFileIsReadAgainFromTheStart) {
  TempDir dir;
  dir.Write("t.csv", "a\n1\n2\n");
  const std::vector<std::string> replacements = {"a\nX\n2\n3\n",  // same length so far, other content before the cursor
                                                 "a\n1\n",        // shorter than the cursor's offset
                                                 "b\n1\n2\n3\n"};  // another header
  for (const std::string& replacement : replacements) {
    dir.Write("t.csv", "a\n1\n2\n");
    FileSource source(OptionsFor(dir.path() / "t.csv"));
    auto first = source.ReadBatch("", 100);
    ASSERT_TRUE(first.ok());
    dir.Write("t.csv", replacement);
    auto again = source.ReadBatch(first->next_cursor, 100);
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    ASSERT_FALSE(again->records.empty()) << replacement;
    EXPECT_EQ(again->records[0].position, "t.csv:2") << replacement;
  }
}

TEST(FileCursorResume, ForeignCursorIsRefused) {
  TempDir dir;
  FileSource source(OptionsFor(dir.Write("t.csv", "a\n1\n")));
  auto batch = source.ReadBatch("42", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hub::file
