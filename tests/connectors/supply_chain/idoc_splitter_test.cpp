// The splitter and the file reader: the same records whatever the chunk size, resumed from any cursor,
// and bad IDOCs rejected with their position while the rest goes on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "supply_chain/idoc_file_reader.hpp"
#include "supply_chain/idoc_splitter.hpp"
#include "supply_chain_test_support.hpp"

namespace hub::supply_chain {
namespace {

using ::testing::ElementsAre;
using testing::Fixture;
using ::testing::HasSubstr;
using testing::Keys;
using testing::ReadWholeFile;
using testing::TempDir;
using testing::Text;

std::string Idoc(const std::string& docnum, const std::string& type, const std::string& body) {
  return "  <IDOC BEGIN=\"1\">\n    <EDI_DC40 SEGMENT=\"1\">\n      <DOCNUM>" + docnum + "</DOCNUM>\n      <IDOCTYP>" +
         type + "</IDOCTYP>\n      <MESTYP>ORDERS</MESTYP>\n    </EDI_DC40>\n" + body + "  </IDOC>\n";
}

std::string Order(const std::string& number) {
  return "    <E1EDK01 SEGMENT=\"1\">\n      <CURCY>EUR</CURCY>\n      <BELNR>" + number +
         "</BELNR>\n    </E1EDK01>\n    <E1EDP01 SEGMENT=\"1\">\n      <POSEX>10</POSEX>\n      <MENGE>1</MENGE>\n"
         "    </E1EDP01>\n";
}

std::string Orders(const std::string& idocs) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ORDERS05>\n" + idocs + "</ORDERS05>\n";
}

TEST(IdocSplitter, GivesTheSameRecordsWhereverAChunkEnds) {
  TempDir dir;
  const std::string bytes = Fixture("orders05.xml");
  const std::string path = dir.Write("orders05.xml", bytes).string();
  sdk::Result<std::vector<sdk::Record>> whole = ReadWholeFile(path);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  ASSERT_EQ(whole->size(), 9u);
  for (std::size_t chunk = 1; chunk <= bytes.size(); ++chunk) {
    sdk::Result<std::vector<sdk::Record>> read = ReadWholeFile(path, 1000, chunk);
    ASSERT_TRUE(read.ok()) << "chunk " << chunk << ": " << read.status().ToString();
    ASSERT_EQ(*read, *whole) << "chunk " << chunk;
  }
}

TEST(IdocSplitter, NotesEachIdocsByteRangeAndLines) {
  TempDir dir;
  const std::string bytes = Fixture("orders05.xml");
  sdk::Result<std::unique_ptr<IdocSplitter>> splitter =
      IdocSplitter::Open(dir.Write("o.xml", bytes).string(), SplitStart{}, 7);
  ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
  EXPECT_EQ((*splitter)->root_name(), "ORDERS05");
  std::vector<IdocSpan> spans;
  for (;;) {
    sdk::Result<std::optional<IdocSpan>> span = (*splitter)->Next();
    ASSERT_TRUE(span.ok()) << span.status().ToString();
    if (!span->has_value()) break;
    spans.push_back(**span);
  }
  ASSERT_EQ(spans.size(), 2u);
  for (const IdocSpan& span : spans) {
    const std::string text = bytes.substr(span.begin, span.end - span.begin);
    EXPECT_EQ(text.substr(0, 5), "<IDOC");
    EXPECT_EQ(text.substr(text.size() - 7), "</IDOC>");
  }
  EXPECT_EQ(spans[0].line, 3u);
  EXPECT_EQ(spans[1].line, 93u);
  EXPECT_EQ(spans[0].end_line, 92u);
}

TEST(IdocFileReader, ResumingAtEveryRecordsCursorGivesTheRestExactlyOnce) {
  TempDir dir;
  const std::string path = dir.Write("orders05.xml", Fixture("orders05.xml")).string();
  sdk::Result<std::vector<sdk::Record>> whole = ReadWholeFile(path);
  ASSERT_TRUE(whole.ok());
  for (std::size_t i = 0; i < whole->size(); ++i) {
    sdk::Result<IdocCursor> cursor = DecodeCursor((*whole)[i].cursor);
    ASSERT_TRUE(cursor.ok()) << (*whole)[i].cursor;
    std::vector<sdk::Record> rest;
    for (;;) {
      sdk::Result<IdocFileRead> read = ReadIdocFile(path, *cursor, 2);
      ASSERT_TRUE(read.ok()) << read.status().ToString();
      rest.insert(rest.end(), read->records.begin(), read->records.end());
      *cursor = read->next;
      if (read->at_end) break;
    }
    ASSERT_EQ(rest.size(), whole->size() - i - 1) << "after record " << i;
    for (std::size_t j = 0; j < rest.size(); ++j) EXPECT_EQ(rest[j], (*whole)[i + 1 + j]);
  }
}

TEST(IdocFileReader, BatchesOfOneRecordGiveTheWholeFile) {
  TempDir dir;
  const std::string path = dir.Write("orders05.xml", Fixture("orders05.xml")).string();
  sdk::Result<std::vector<sdk::Record>> whole = ReadWholeFile(path);
  sdk::Result<std::vector<sdk::Record>> ones = ReadWholeFile(path, 1);
  ASSERT_TRUE(whole.ok() && ones.ok());
  EXPECT_EQ(*ones, *whole);
}

TEST(IdocFileReader, RejectsABadIdocWithItsPositionAndReadsTheOthers) {
  TempDir dir;
  const std::string malformed = "    <E1EDK01 SEGMENT=\"1\">\n      <BELNR>3</BELNX>\n    </E1EDK01>\n";
  const std::string no_belnr = "    <E1EDK01 SEGMENT=\"1\">\n      <CURCY>EUR</CURCY>\n    </E1EDK01>\n";
  const std::string file = Orders(Idoc("4710", "ORDERS05", Order("1")) + Idoc("4711", "ORDERS05", malformed) +
                                  Idoc("4712", "WMMBID02", Order("4")) + Idoc("4713", "ORDERS05", no_belnr) +
                                  Idoc("4714", "ORDERS05", Order("5")));
  sdk::Result<std::vector<sdk::Record>> records = ReadWholeFile(dir.Write("orders.xml", file).string(), 1000, 16);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_THAT(Keys(*records),
              ElementsAre("order:1", "order_line:1/10", "!:orders.xml:IDOC 2 (DOCNUM 4711) line 25",
                          "!:orders.xml:IDOC 3 (DOCNUM 4712) line 28", "!order:orders.xml:IDOC 4 (DOCNUM 4713) line 43",
                          "order:5", "order_line:5/10"));
  EXPECT_THAT((*records)[2].rejection, HasSubstr("malformed XML in the IDOC: mismatched tag"));
  EXPECT_THAT(Text((*records)[2], "raw"), HasSubstr("<BELNR>3</BELNX>"));
  EXPECT_THAT((*records)[3].rejection, HasSubstr("unknown IDoc type 'WMMBID02'"));
  EXPECT_EQ((*records)[4].rejection, "E1EDK01 has no BELNR");
}

TEST(IdocFileReader, MalformedXmlBetweenIdocsFailsTheFileAfterTheRecordsBeforeIt) {
  TempDir dir;
  const std::string file =
      Orders(Idoc("1", "ORDERS05", Order("1")) + "  </oops>\n" + Idoc("2", "ORDERS05", Order("2")));
  const std::string path = dir.Write("orders.xml", file).string();
  sdk::Result<IdocFileRead> first = ReadIdocFile(path, IdocCursor{"orders.xml"}, 1000);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_THAT(Keys(first->records), ElementsAre("order:1", "order_line:1/10"));
  EXPECT_FALSE(first->at_end);
  sdk::Result<IdocFileRead> second = ReadIdocFile(path, first->next, 1000);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(second.status().message(), HasSubstr("malformed XML outside any IDOC"));
  EXPECT_THAT(second.status().message(), HasSubstr("line 18"));
}

TEST(IdocFileReader, AFileEndingInsideAnIdocFails) {
  TempDir dir;
  const std::string file = Orders(Idoc("1", "ORDERS05", Order("1")));
  const std::string path = dir.Write("orders.xml", file.substr(0, file.size() - 40)).string();
  sdk::Result<std::vector<sdk::Record>> records = ReadWholeFile(path);
  ASSERT_FALSE(records.ok());
  EXPECT_THAT(records.status().message(), HasSubstr("no </IDOC> follows"));
}

TEST(IdocFileReader, AFileThatIsNotXmlFails) {
  TempDir dir;
  sdk::Result<std::vector<sdk::Record>> records =
      ReadWholeFile(dir.Write("x.xml", "UNB+UNOA:2+SENDER+RECEIVER'").string());
  ASSERT_FALSE(records.ok());
  EXPECT_THAT(records.status().message(), HasSubstr("not IDoc-XML"));
}

TEST(IdocFileReader, ACursorOfAnotherConnectorIsRefused) {
  EXPECT_FALSE(DecodeCursor("file1|3|4").ok());
  const IdocCursor cursor{"a|b.xml", 0xabc, 120, 7, 2, 1};
  sdk::Result<IdocCursor> decoded = DecodeCursor(EncodeCursor(cursor));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, cursor);
}

}  // namespace
}  // namespace hub::supply_chain
