// Folder mode: files in name order, archived once the hub is past them, unreadable files set aside.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "file/file_source.hpp"
#include "file_test_support.hpp"

namespace hub::file {
namespace {

namespace fs = std::filesystem;
using testing::Encode;
using testing::TempDir;

std::vector<std::string> FilesIn(const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A watched folder "in" with "archive" and "errors" beside it.
class FolderMode : public ::testing::Test {
 protected:
  FolderMode() {
    fs::create_directories(in());
    options_ = testing::OptionsFor(in());
    options_.archive_dir = root_.path() / "archive";
    options_.error_dir = root_.path() / "errors";
  }
  fs::path in() const { return root_.path() / "in"; }
  // A file written an hour ago: complete, as a file dropped into a watched folder should be.
  void Drop(const std::string& name, std::string_view bytes) const {
    std::ofstream(in() / name, std::ios::binary) << bytes;
    fs::last_write_time(in() / name, fs::file_time_type::clock::now() - std::chrono::hours(1));
  }
  sdk::Batch Read(FileSource& source, const std::string& cursor, std::size_t max = 100) const {
    auto batch = source.ReadBatch(cursor, max);
    EXPECT_TRUE(batch.ok()) << batch.status().ToString();
    return batch.ok() ? std::move(batch).value() : sdk::Batch{};
  }

  TempDir root_;
  FileOptions options_;
};

TEST_F(FolderMode, ReadsFilesInNameOrderOneFilePerBatchAndArchivesOnceConsumed) {
  Drop("b.csv", "id\nb1\n");
  Drop("a.csv", "id\na1\na2\n");
  FileSource source(options_);
  sdk::Batch first = Read(source, "");
  EXPECT_EQ(testing::Rows(first.records), (std::vector<std::vector<std::string>>{{"a1"}, {"a2"}}));
  EXPECT_FALSE(first.end_of_data);
  EXPECT_EQ(FilesIn(in()), (std::vector<std::string>{"a.csv", "b.csv"})) << "not archived before the hub moves on";

  sdk::Batch second = Read(source, first.next_cursor);
  EXPECT_EQ(testing::Rows(second.records), (std::vector<std::vector<std::string>>{{"b1"}}));
  EXPECT_EQ(second.records[0].position, "b.csv:2");
  EXPECT_EQ(FilesIn(in()), std::vector<std::string>{"b.csv"});
  EXPECT_EQ(FilesIn(options_.archive_dir), std::vector<std::string>{"a.csv"});

  sdk::Batch third = Read(source, second.next_cursor);
  EXPECT_TRUE(third.records.empty());
  EXPECT_TRUE(third.end_of_data);
  EXPECT_TRUE(FilesIn(in()).empty());
  EXPECT_EQ(FilesIn(options_.archive_dir), (std::vector<std::string>{"a.csv", "b.csv"}));
}

TEST_F(FolderMode, FileIsNotArchivedWhileItsRecordsAreUncommitted) {
  Drop("a.csv", "id\na1\na2\n");
  FileSource source(options_);
  sdk::Batch first = Read(source, "", 1);
  sdk::Batch again = Read(source, "", 1);  // the hub re-reads after a crash: same answer
  EXPECT_EQ(again.records, first.records);
  sdk::Batch second = Read(source, first.next_cursor, 1);
  EXPECT_EQ(testing::Rows(second.records), (std::vector<std::vector<std::string>>{{"a2"}}));
  EXPECT_EQ(FilesIn(in()), std::vector<std::string>{"a.csv"});
}

TEST_F(FolderMode, FilesDroppedLaterAreReadEvenWithEarlierNames) {
  Drop("m.csv", "id\nm1\n");
  FileSource source(options_);
  sdk::Batch first = Read(source, "");
  sdk::Batch done = Read(source, first.next_cursor);
  EXPECT_TRUE(done.end_of_data);
  Drop("a.csv", "id\nlate\n");
  sdk::Batch late = Read(source, done.next_cursor);
  EXPECT_EQ(testing::Rows(late.records), (std::vector<std::vector<std::string>>{{"late"}}));
}

TEST_F(FolderMode, WithoutArchiveFilesStayAndNamesGoForward) {
  options_.archive_dir.clear();
  Drop("a.csv", "id\na1\n");
  Drop("b.csv", "id\nb1\n");
  FileSource source(options_);
  sdk::Batch a = Read(source, "");
  sdk::Batch b = Read(source, a.next_cursor);
  sdk::Batch end = Read(source, b.next_cursor);
  EXPECT_EQ(testing::Rows(b.records), (std::vector<std::vector<std::string>>{{"b1"}}));
  EXPECT_TRUE(end.end_of_data);
  EXPECT_TRUE(end.records.empty());
  EXPECT_EQ(FilesIn(in()), (std::vector<std::string>{"a.csv", "b.csv"}));
  Drop("c.csv", "id\nc1\n");
  EXPECT_EQ(testing::Rows(Read(source, end.next_cursor).records), (std::vector<std::vector<std::string>>{{"c1"}}));
}

TEST_F(FolderMode, UnreadableFileMovesToErrorFolderWithItsReason) {
  Drop("a.csv", "id\na1\n");
  Drop("b.csv", Encode("id\nb1\n", "UTF-16LE"));  // no byte-order mark: NUL bytes
  Drop("c.csv", "id\nc1\n");
  FileSource source(options_);
  sdk::Batch a = Read(source, "");
  sdk::Batch c = Read(source, a.next_cursor);
  EXPECT_EQ(testing::Rows(c.records), (std::vector<std::vector<std::string>>{{"c1"}}));
  EXPECT_EQ(FilesIn(options_.error_dir), (std::vector<std::string>{"b.csv", "b.csv.error.txt"}));
  EXPECT_EQ(Slurp(options_.error_dir / "b.csv.error.txt").rfind("b.csv: looks like UTF-16LE text", 0), 0u);
  EXPECT_NE(Slurp(options_.error_dir / "b.csv.error.txt").find("\nposition: b.csv:1\nrecords read before: 0\n"),
            std::string::npos);
}

TEST_F(FolderMode, UnreadableFileFailsTheReadWithoutErrorFolder) {
  options_.error_dir.clear();
  Drop("a.csv", std::string_view("\x01\x02\0\0binary\n", 11));
  FileSource source(options_);
  auto batch = source.ReadBatch("", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(batch.status().message().find("a.csv: header (line 1): NUL byte at byte 3 of the line"), std::string::npos)
      << batch.status().message();
  EXPECT_EQ(FilesIn(in()), std::vector<std::string>{"a.csv"});
}

TEST_F(FolderMode, FilesWithoutRecordsAreArchivedAtOnceAndTheNextIsRead) {
  Drop("a.csv", "");
  Drop("b.csv", "id\n");
  Drop("c.csv", "id\nc1\n");
  FileSource source(options_);
  sdk::Batch batch = Read(source, "");
  EXPECT_EQ(testing::Rows(batch.records), (std::vector<std::vector<std::string>>{{"c1"}}));
  EXPECT_EQ(FilesIn(options_.archive_dir), (std::vector<std::string>{"a.csv", "b.csv"}));
}

TEST_F(FolderMode, PatternSelectsFilesAndDotFilesAreIgnored) {
  Drop("notes.txt", "id\nnope\n");
  Drop(".partial.csv", "id\nnope\n");
  Drop("x.csv", "id\nx1\n");
  options_.archive_dir.clear();
  auto records = testing::ReadAll(options_);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(testing::Rows(*records), (std::vector<std::vector<std::string>>{{"x1"}}));
}

TEST_F(FolderMode, ArchivingKeepsAnEarlierFileOfTheSameName) {
  fs::create_directories(options_.archive_dir);
  std::ofstream(options_.archive_dir / "a.csv") << "old";
  Drop("a.csv", "id\na1\n");
  FileSource source(options_);
  sdk::Batch first = Read(source, "");
  Read(source, first.next_cursor);
  EXPECT_EQ(FilesIn(options_.archive_dir), (std::vector<std::string>{"a.1.csv", "a.csv"}));
  EXPECT_EQ(Slurp(options_.archive_dir / "a.csv"), "old");
}

TEST_F(FolderMode, EmptyFolderIsEndOfData) {
  FileSource source(options_);
  sdk::Batch batch = Read(source, "");
  EXPECT_TRUE(batch.end_of_data);
  EXPECT_TRUE(batch.records.empty());
  EXPECT_EQ(batch.next_cursor, "");
}

TEST(FileSourceHealth, PathMustExistAndBeReadable) {
  TempDir dir;
  EXPECT_TRUE(FileSource(testing::OptionsFor(dir.path())).CheckHealth().ok());
  EXPECT_TRUE(FileSource(testing::OptionsFor(dir.Write("a.csv", "id\n"))).CheckHealth().ok());
  const sdk::Status missing = FileSource(testing::OptionsFor(dir.path() / "missing.csv")).CheckHealth();
  EXPECT_EQ(missing.code(), sdk::StatusCode::kUnavailable);
  EXPECT_NE(missing.message().find("missing.csv does not exist"), std::string::npos);
}

}  // namespace
}  // namespace hub::file
