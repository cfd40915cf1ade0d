// The document source on its own, with a reader of toy files (one record a line, read whole): the cursor
// round-trips and refuses another tag, a batch never spans two files, a replaced file is read again from its
// start, and a file the reader refuses is set aside with the reader's note while the rest goes on.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hub/files/document_source.hpp"
#include "support/temp_dir.hpp"

namespace hub::files {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Each line a record of entity "line", source id the line; a file holding "bad" is refused as a whole.
WholeFileParse ParseLines(std::string_view bytes, const std::string& file_name) {
  WholeFileParse parse;
  std::istringstream lines{std::string(bytes)};
  for (std::string line; std::getline(lines, line);) {
    if (line == "bad") return WholeFileParse{{}, sdk::Status::DataError(file_name + ": a bad line")};
    sdk::Record record;
    record.entity = "line";
    record.source_id = line;
    parse.records.push_back(std::move(record));
  }
  return parse;
}

class Folder {
 public:
  Folder() { fs::create_directories(dir_.path() / "in"); }
  void Write(const std::string& name, const std::string& bytes) { dir_.Write("in/" + name, bytes); }
  DocumentSource Source() const {
    DocumentFolderOptions options;
    options.folder = dir_.path() / "in";
    options.error_dir = dir_.path() / "error";
    options.completeness.declared_final = true;
    return DocumentSource(options, std::make_unique<WholeFileReader>("LINES", 1000, ParseLines), "toy1",
                          "documents_read");
  }
  fs::path Path(const std::string& sub) const { return dir_.path() / sub; }

 private:
  hub::test::TempDir dir_;
};

std::vector<std::string> Ids(const sdk::Batch& batch) {
  std::vector<std::string> ids;
  for (const sdk::Record& record : batch.records) ids.push_back(record.source_id);
  return ids;
}

TEST(DocumentCursor, RoundTripsAndRefusesAnotherTag) {
  const DocumentCursor cursor{"a|b.xml", 0xabcdef, 812, 14, 3, 2, true};
  const std::string text = EncodeDocumentCursor(cursor, "toy1");
  EXPECT_EQ(text, "toy1|812|14|3|2|1|abcdef|a|b.xml");
  sdk::Result<DocumentCursor> decoded = DecodeDocumentCursor(text, "toy1");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, cursor);
  EXPECT_THAT(DecodeDocumentCursor(text, "idoc1").status().message(),
              HasSubstr("is not a folder cursor of kind idoc1"));
}

TEST(DocumentSource, ReadsOneFileABatchAndSetsARefusedFileAsideWithTheReadersNote) {
  Folder folder;
  folder.Write("1.txt", "a\nb\nc\n");
  folder.Write("2.txt", "bad\n");
  folder.Write("3.txt", "d\n");
  DocumentSource source = folder.Source();
  sdk::Result<sdk::Batch> first = source.ReadBatch("", 2);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_THAT(Ids(*first), ElementsAre("a", "b"));
  sdk::Result<sdk::Batch> second = source.ReadBatch(first->next_cursor, 10);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_THAT(Ids(*second), ElementsAre("c"));  // never into the next file
  sdk::Result<sdk::Batch> third = source.ReadBatch(second->next_cursor, 10);
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_THAT(Ids(*third), ElementsAre("d"));
  std::ifstream note(folder.Path("error/2.txt.error.txt"));
  std::ostringstream text;
  text << note.rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("LINES: 2.txt: a bad line"));
  EXPECT_THAT(text.str(), HasSubstr("2.txt after record 0"));
  sdk::Result<sdk::Batch> end = source.ReadBatch(third->next_cursor, 10);
  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_TRUE(end->records.empty());
  EXPECT_TRUE(end->end_of_data);
}

TEST(DocumentSource, AFileReplacedUnderTheCursorIsReadAgainFromItsStart) {
  Folder folder;
  folder.Write("1.txt", "a\nb\n");
  DocumentSource source = folder.Source();
  sdk::Result<sdk::Batch> first = source.ReadBatch("", 1);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  folder.Write("1.txt", "x\ny\n");
  sdk::Result<sdk::Batch> again = source.ReadBatch(first->next_cursor, 10);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_THAT(Ids(*again), ElementsAre("x", "y"));
}

}  // namespace
}  // namespace hub::files
