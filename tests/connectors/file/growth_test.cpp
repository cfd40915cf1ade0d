// A file still being written: a last line without its line end (or a quoted field still open at the end)
// is not read, nor passed by the cursor, until it is whole or the file is known complete (settled, moved
// into the watched folder, declared final). Appended in any pieces, the hub ends with exactly the records
// of the complete file, none rejected. The clock is injected and file times are set: nothing waits.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "file/file_source.hpp"
#include "file_test_support.hpp"

namespace hub::file {
namespace {

namespace fs = std::filesystem;
using std::chrono::system_clock;
using testing::Encode;
using testing::OptionsFor;
using testing::Rows;
using testing::TempDir;
using Table = std::vector<std::vector<std::string>>;

void Append(const fs::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::app) << bytes;
}

// Sets the file's last write time to `age` before `now` (the injected clock's time).
void MakeOlder(const fs::path& path, system_clock::time_point now, std::chrono::seconds age) {
  fs::last_write_time(path, std::chrono::file_clock::from_sys(now - age));
}

// Drives a FileSource as the sync runner does: from the committed cursor, batch after batch, until
// end_of_data or an empty batch that does not move; keeps every record (the store) and the last cursor
// (the checkpoint). The clock stands still at `now` unless a test moves it.
class Syncs {
 public:
  explicit Syncs(FileOptions options, ReaderLimits limits = {5, 1 << 20})
      : now_(system_clock::now()), source_(std::move(options), limits, {}, [this] { return now_; }) {}

  void Run() {
    for (int batches = 0; batches < 10000; ++batches) {
      auto batch = source_.ReadBatch(cursor_, 2);
      ASSERT_TRUE(batch.ok()) << batch.status().ToString();
      for (sdk::Record& record : batch->records) stored_.push_back(std::move(record));
      const bool stalled = batch->records.empty() && batch->next_cursor == cursor_;
      cursor_ = batch->next_cursor;
      if (batch->end_of_data || stalled) return;
    }
    FAIL() << "no end of data after 10000 batches";
  }

  system_clock::time_point now() const { return now_; }
  const std::vector<sdk::Record>& stored() const { return stored_; }

 private:
  system_clock::time_point now_;
  FileSource source_;
  std::string cursor_;
  std::vector<sdk::Record> stored_;
};

struct GrowthCase {
  const char* name;
  const char* file_name;
  std::string bytes;     // the complete file
  std::string encoding;  // the option; empty: auto
};

void PrintTo(const GrowthCase& test, std::ostream* out) { *out << test.name; }

class GrowingFile : public ::testing::TestWithParam<GrowthCase> {
 protected:
  FileOptions Options(const fs::path& path) const {
    FileOptions options = OptionsFor(path);
    if (!GetParam().encoding.empty()) options.encoding = GetParam().encoding;
    return options;
  }
  // What a read of the complete file, written whole, gives (cursors aside: one taken while auto-detection
  // had seen only ASCII says so).
  std::vector<sdk::Record> Expected() const {
    TempDir dir;
    FileOptions options = Options(dir.Write(GetParam().file_name, GetParam().bytes));
    options.completeness.declared_final = true;
    auto records = testing::ReadAll(options);
    EXPECT_TRUE(records.ok()) << records.status().ToString();
    EXPECT_TRUE(testing::Rejections(*records).empty());
    EXPECT_FALSE(records->empty());
    return WithoutCursors(*records);
  }
  static std::vector<sdk::Record> WithoutCursors(std::vector<sdk::Record> records) {
    for (sdk::Record& record : records) record.cursor.clear();
    return records;
  }
};

// Every cut: mid-character, mid-field, inside a quoted field that spans lines, right before and after a
// line end. Nothing is rejected on the way, and the end is exactly the complete file's records.
TEST_P(GrowingFile, AppendedByteByByteEndsWithExactlyTheRecordsOfTheCompleteFile) {
  TempDir dir;
  const std::string& bytes = GetParam().bytes;
  const fs::path path = dir.Write(GetParam().file_name, "");
  Syncs syncs(Options(path));
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    Append(path, bytes.substr(i, 1));
    syncs.Run();
    ASSERT_TRUE(testing::Rejections(syncs.stored()).empty()) << "after " << i + 1 << " bytes";
  }
  EXPECT_EQ(WithoutCursors(syncs.stored()), Expected());
}

// The same in the pieces a writer's buffer flushes: a cut every 7 bytes and a sync after each.
TEST_P(GrowingFile, AppendedInPiecesEndsWithExactlyTheRecordsOfTheCompleteFile) {
  TempDir dir;
  const std::string& bytes = GetParam().bytes;
  const fs::path path = dir.Write(GetParam().file_name, "");
  Syncs syncs(Options(path));
  for (std::size_t i = 0; i < bytes.size(); i += 7) {
    Append(path, bytes.substr(i, 7));
    syncs.Run();
  }
  EXPECT_TRUE(testing::Rejections(syncs.stored()).empty());
  EXPECT_EQ(WithoutCursors(syncs.stored()), Expected());
}

const std::string kCsv =
    "id,name,phone,note\n"
    "B1,First Co,021-11111111,\"two\nlines\"\n"
    "B2,上海华腾贸易有限公司,021-22222222,\"say \"\"hi\"\"\"\n"
    "B3,Third Co,021-33333333,plain\n";
// Only ASCII in the first rows: auto-detection cannot tell UTF-8 from GBK until the later rows arrive.
const std::string kAsciiFirstCsv =
    "id,name\n"
    "B1,First Co\n"
    "B2,上海华腾贸易有限公司\n"
    "B3,深圳市鹏程电子科技有限公司\n";
// The same with CRLF line ends: a cut between CR and LF leaves the line without its line end.
std::string WithCrlf(const std::string& text) {
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return crlf;
}
const std::string kJsonl =
    "{\"id\":\"B1\",\"name\":\"First Co\",\"phone\":\"021-11111111\"}\n"
    "{\"id\":\"B2\",\"name\":\"上海华腾\",\"phone\":\"021-22222222\"}\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, GrowingFile,
    ::testing::Values(GrowthCase{"Utf8Csv", "grow.csv", kCsv, ""},
                      GrowthCase{"GbkCsv", "grow.csv", Encode(kCsv, "GBK"), "gbk"},
                      GrowthCase{"Utf16LeCsvWithByteOrderMark", "grow.csv", "\xFF\xFE" + Encode(kCsv, "UTF-16LE"), ""},
                      GrowthCase{"Utf16BeCsv", "grow.csv", Encode(kCsv, "UTF-16BE"), "utf-16be"},
                      GrowthCase{"Utf8CsvWithCrlf", "grow.csv", WithCrlf(kCsv), ""},
                      GrowthCase{"Utf16LeCsvWithCrlf", "grow.csv", "\xFF\xFE" + Encode(WithCrlf(kCsv), "UTF-16LE"), ""},
                      GrowthCase{"GbkDetectedAfterAsciiRowsWithCrlf", "grow.csv",
                                 Encode(WithCrlf(kAsciiFirstCsv), "GBK"), ""},
                      GrowthCase{"GbkDetectedAfterAsciiRows", "grow.csv", Encode(kAsciiFirstCsv, "GBK"), ""},
                      GrowthCase{"Utf8DetectedAfterAsciiRows", "grow.csv", kAsciiFirstCsv, ""},
                      GrowthCase{"Jsonl", "grow.jsonl", kJsonl, ""}),
    [](const ::testing::TestParamInfo<GrowthCase>& info) { return info.param.name; });

TEST(GrowingFileLastLine, IsReadWholeOnceItsLineEndArrivesAtItsOwnLine) {
  TempDir dir;
  const fs::path path = dir.Write("grow.csv", "id,name,phone\nB1,First Co,021-11111111\n");
  FileOptions options = OptionsFor(path);
  options.id_field = "id";
  Syncs syncs(options);
  Append(path, "B2,Second Co,021-2222");
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"B1", "First Co", "021-11111111"}})) << "B2 is still being written";
  Append(path, "2222\n");
  syncs.Run();
  ASSERT_EQ(syncs.stored().size(), 2u);
  EXPECT_TRUE(testing::Rejections(syncs.stored()).empty());
  EXPECT_EQ(Rows(syncs.stored())[1], (std::vector<std::string>{"B2", "Second Co", "021-22222222"}));
  EXPECT_EQ(syncs.stored()[1].position, "grow.csv:3");
  EXPECT_EQ(syncs.stored()[1].source_id, "B2");
}

TEST(GrowingFileLastLine, WithoutLineEndIsReadOnceTheFileHasSettled) {
  TempDir dir;
  const fs::path path = dir.Write("export.csv", "id,name\nB1,First Co\nB2,Second Co");
  Syncs syncs(OptionsFor(path));
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"B1", "First Co"}}));
  MakeOlder(path, syncs.now(), std::chrono::seconds(59));
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()).size(), 1u) << "59 s unchanged is not yet the default settle time of 1 minute";
  MakeOlder(path, syncs.now(), std::chrono::seconds(60));
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"B1", "First Co"}, {"B2", "Second Co"}}));
  EXPECT_EQ(syncs.stored()[1].position, "export.csv:3");
  syncs.Run();
  EXPECT_EQ(syncs.stored().size(), 2u) << "the cursor is past it now";
}

TEST(GrowingFileLastLine, SettleTimeIsAnOptionAndZeroReadsAtOnce) {
  TempDir dir;
  const fs::path path = dir.Write("export.csv", "id,name\nB1,First Co");
  FileOptions options = OptionsFor(path);
  options.completeness.settle = std::chrono::seconds(0);
  Syncs syncs(options);
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"B1", "First Co"}}));
}

TEST(GrowingFileLastLine, DeclaredFinalIsReadAtOnce) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("export.jsonl", "{\"id\":1}\n{\"id\":2}"));
  options.completeness.declared_final = true;
  Syncs syncs(options);
  syncs.Run();
  EXPECT_EQ(syncs.stored().size(), 2u);
  EXPECT_TRUE(testing::Rejections(syncs.stored()).empty());
}

TEST(GrowingFileQuotedField, OpenAtTheEndWaitsWithoutRejectionUntilItCloses) {
  TempDir dir;
  const fs::path path = dir.Write("grow.csv", "id,note\nB1,\"first line\n");
  Syncs syncs(OptionsFor(path));
  syncs.Run();
  EXPECT_TRUE(syncs.stored().empty()) << "the quoted field may go on";
  Append(path, "second line\"\nB2,x\n");
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"B1", "first line\nsecond line"}, {"B2", "x"}}));
  EXPECT_EQ(syncs.stored()[0].position, "grow.csv:2");
}

TEST(GrowingFileQuotedField, OpenAtTheEndOfASettledFileIsRejectedAsBefore) {
  TempDir dir;
  const fs::path path = dir.Write("grow.csv", "id,note\nB1,\"never closed\nB2,x\n");
  Syncs syncs(OptionsFor(path));
  MakeOlder(path, syncs.now(), std::chrono::hours(1));
  syncs.Run();
  EXPECT_EQ(testing::Rejections(syncs.stored()),
            std::vector<std::string>{"grow.csv:2: quoted field is not closed before the end of the file"});
  EXPECT_EQ(Rows(syncs.stored()).back(), (std::vector<std::string>{"B2", "x"}));
}

// A watched folder "in" with "archive" beside it, and "staging" where files are written before a move.
class GrowingFolderFile : public ::testing::Test {
 protected:
  GrowingFolderFile() {
    fs::create_directories(in());
    fs::create_directories(staging());
    options_ = OptionsFor(in());
    options_.archive_dir = root_.path() / "archive";
    options_.completeness.settle = std::chrono::hours(24);  // so that only a move makes a file complete
  }
  fs::path in() const { return root_.path() / "in"; }
  fs::path staging() const { return root_.path() / "staging"; }
  std::vector<std::string> Archived() const {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(options_.archive_dir, error)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  TempDir root_;
  FileOptions options_;
};

TEST_F(GrowingFolderFile, WrittenInPlaceItWaitsAndIsNotArchivedAndHoldsUpLaterFilesUntilItSettles) {
  Append(in() / "a.csv", "id\na1\na2");
  Syncs syncs(options_);
  syncs.Run();
  Append(in() / "b.csv", "id\nb1\n");
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"a1"}}));
  EXPECT_TRUE(Archived().empty());
  Append(in() / "a.csv", "\n");
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"a1"}, {"a2"}}));
  EXPECT_TRUE(Archived().empty()) << "written in place, a.csv may still grow";
  MakeOlder(in() / "a.csv", syncs.now(), std::chrono::hours(25));
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"a1"}, {"a2"}, {"b1"}}));
  EXPECT_EQ(Archived(), std::vector<std::string>{"a.csv"}) << "b.csv has not settled yet";
}

TEST_F(GrowingFolderFile, MovedInOnceWrittenItIsCompleteAndReadWhole) {
  Syncs syncs(options_);
  const fs::path written = staging() / "a.csv";
  Append(written, "id,name\na1,First\na2,Last without line end");
  MakeOlder(written, syncs.now(), std::chrono::minutes(5));  // written a while ago, well within the settle time
  fs::rename(written, in() / "a.csv");
  syncs.Run();
  EXPECT_EQ(Rows(syncs.stored()), (Table{{"a1", "First"}, {"a2", "Last without line end"}}));
  EXPECT_TRUE(testing::Rejections(syncs.stored()).empty());
  EXPECT_EQ(Archived(), std::vector<std::string>{"a.csv"});
}

}  // namespace
}  // namespace hub::file
