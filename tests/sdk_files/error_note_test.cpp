// The note beside a file moved to the error folder.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "hub/files/watched_folder.hpp"
#include "support/temp_dir.hpp"

namespace hub::files {
namespace {

TEST(ErrorNote, SaysTheReasonThenWhatIsKnownOfWhereReadingStood) {
  EXPECT_EQ(ErrorNoteText({"orders.xml: malformed XML", "orders.xml:IDOC 3 line 1204", 2}),
            "orders.xml: malformed XML\nposition: orders.xml:IDOC 3 line 1204\nrecords read before: 2\n");
  EXPECT_EQ(ErrorNoteText({"a.csv: gone wrong", "a.csv:12", std::nullopt}), "a.csv: gone wrong\nposition: a.csv:12\n");
  EXPECT_EQ(ErrorNoteText({"why", "", std::nullopt}), "why\n");
}

TEST(ErrorNote, MoveToErrorFolderMovesTheFileAndWritesTheNoteBesideIt) {
  hub::test::TempDir dir;
  std::ofstream(dir.path() / "a.edi") << "UNB+";
  ASSERT_TRUE(MoveToErrorFolder(dir.path() / "a.edi", dir.path() / "errors", {"a.edi: no UNZ", "a.edi:1", 0}).ok());
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "a.edi"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "errors" / "a.edi"));
  std::ifstream note(dir.path() / "errors" / "a.edi.error.txt");
  std::stringstream text;
  text << note.rdbuf();
  EXPECT_EQ(text.str(), "a.edi: no UNZ\nposition: a.edi:1\nrecords read before: 0\n");
}

}  // namespace
}  // namespace hub::files
