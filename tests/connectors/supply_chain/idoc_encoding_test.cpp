// IDoc-XML in the encodings Chinese SAP systems write: GBK and GB18030 files are transcoded as they stream,
// their records carry UTF-8 text and cursors in bytes of the file, and a file whose bytes are not what its
// declaration says fails naming the byte.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "supply_chain/idoc_encoding.hpp"
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

// `bytes` with its XML declaration replaced by `declaration`.
std::string Redeclared(const std::string& bytes, const std::string& declaration) {
  return declaration + bytes.substr(bytes.find("?>") + 2);
}

TEST(IdocEncoding, ReadsTheChineseEncodingsByTheirRealNamesAndRefusesOthersNamingWhatIsRead) {
  for (const char* gbk : {"GBK", "CP936", "MS936", "WINDOWS-936", "X-GBK", "GB2312", "EUC-CN", "CSGB2312"}) {
    sdk::Result<IdocEncoding> encoding = IdocEncodingOf(gbk);
    ASSERT_TRUE(encoding.ok()) << gbk;
    EXPECT_EQ(encoding->converter, "GBK") << gbk;
  }
  EXPECT_EQ(IdocEncodingOf("GB18030")->converter, "GB18030");
  for (const char* native : {"", "UTF-8", "UTF-16", "ISO-8859-1", "US-ASCII"}) {
    EXPECT_EQ(IdocEncodingOf(native)->converter, "") << native;
  }
  sdk::Result<IdocEncoding> big5 = IdocEncodingOf("BIG5");
  ASSERT_FALSE(big5.ok());
  EXPECT_THAT(big5.status().message(), HasSubstr("\"BIG5\", which IDoc-XML files are not read in"));
  EXPECT_THAT(big5.status().message(), HasSubstr("GB18030, GBK (CP936) and GB2312"));
}

TEST(IdocEncoding, AGbkDebmasGivesItsChineseNamesAndCreditCodeAsUtf8) {
  TempDir dir;
  sdk::Result<std::vector<sdk::Record>> records =
      ReadWholeFile(dir.Write("gbk.xml", Fixture("debmas07_gbk.xml")).string());
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_THAT(Keys(*records), ElementsAre("party:0000200001", "party:0000200002"));
  const sdk::Record& first = (*records)[0];
  EXPECT_EQ(Text(first, "name"), "北京华信精密机械有限公司");
  EXPECT_EQ(Text(first, "short_name"), "华信精密");
  EXPECT_EQ(Text(first, "city"), "北京");
  EXPECT_EQ(Text(first, "address_line"), "朝阳区建国路 88 号 SOHO 现代城 A 座 1201 室");
  EXPECT_EQ(Text(first, "uscc"), "91110105MA01C8QF7M");
  EXPECT_EQ(Text(first, "idoc_number"), "0000000000520001");
  EXPECT_EQ(first.position, "gbk.xml:IDOC 1 (DOCNUM 0000000000520001) line 4");
  EXPECT_EQ(Text((*records)[1], "name"), "北京中关村科技发展（集团）股份有限公司 研发中心");
}

TEST(IdocEncoding, AGb18030DebmasGivesItsFourByteCharacters) {
  TempDir dir;
  sdk::Result<std::vector<sdk::Record>> records =
      ReadWholeFile(dir.Write("gb18030.xml", Fixture("debmas07_gb18030.xml")).string());
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ(Text((*records)[0], "name"), "深圳市𠮷祥电子科技有限公司");
  EXPECT_EQ(Text((*records)[0], "short_name"), "𠮷祥电子");
  EXPECT_EQ(Text((*records)[0], "uscc"), "91440300MA5F0GQ92J");
}

TEST(IdocEncoding, SpansOfATranscodedFileAreInBytesOfTheFileWhereverAChunkEnds) {
  TempDir dir;
  const std::string bytes = Fixture("debmas07_gbk.xml");
  const std::string path = dir.Write("gbk.xml", bytes).string();
  for (std::size_t chunk = 1; chunk <= bytes.size(); ++chunk) {
    sdk::Result<std::unique_ptr<IdocSplitter>> splitter = IdocSplitter::Open(path, SplitStart{}, chunk);
    ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
    EXPECT_EQ((*splitter)->encoding(), "GBK");
    EXPECT_EQ((*splitter)->converter(), "GBK");
    std::vector<IdocSpan> spans;
    for (;;) {
      sdk::Result<std::optional<IdocSpan>> span = (*splitter)->Next();
      ASSERT_TRUE(span.ok()) << "chunk " << chunk << ": " << span.status().ToString();
      if (!span->has_value()) break;
      spans.push_back(**span);
    }
    ASSERT_EQ(spans.size(), 2u) << "chunk " << chunk;
    EXPECT_EQ(spans[0].begin, bytes.find("<IDOC")) << "chunk " << chunk;
    EXPECT_EQ(spans[0].end, bytes.find("</IDOC>") + 7) << "chunk " << chunk;
    EXPECT_EQ(spans[1].begin, bytes.find("<IDOC ", spans[0].end)) << "chunk " << chunk;
    EXPECT_EQ(spans[1].end, bytes.rfind("</IDOC>") + 7) << "chunk " << chunk;
    EXPECT_EQ(spans[1].line, 39u);
  }
}

TEST(IdocEncoding, ATranscodedFileResumedAtEveryCursorGivesTheSameRecordsInAnyChunkSize) {
  TempDir dir;
  const std::string path = dir.Write("gbk.xml", Fixture("debmas07_gbk.xml")).string();
  sdk::Result<std::vector<sdk::Record>> whole = ReadWholeFile(path);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  for (std::size_t chunk : {1u, 2u, 3u, 13u, 64u, 1000u}) {
    sdk::Result<std::vector<sdk::Record>> read = ReadWholeFile(path, 1, chunk);
    ASSERT_TRUE(read.ok()) << "chunk " << chunk << ": " << read.status().ToString();
    EXPECT_EQ(*read, *whole) << "chunk " << chunk;
  }
}

TEST(IdocEncoding, AGbkFileWithBytesThatAreNotGbkGivesTheRecordsBeforeThenFailsNamingTheByte) {
  TempDir dir;
  const std::string path = dir.Write("mixed.xml", Fixture("debmas07_gbk_mismatch.xml")).string();
  for (std::size_t chunk : {std::size_t{1}, std::size_t{5}, std::size_t{1} << 20}) {
    sdk::Result<IdocFileRead> first = ReadIdocFile(path, IdocCursor{"mixed.xml"}, 100, chunk);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_THAT(Keys(first->records), ElementsAre("party:0000200001"));
    EXPECT_FALSE(first->at_end);
    sdk::Result<IdocFileRead> second = ReadIdocFile(path, first->next, 100, chunk);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), sdk::StatusCode::kDataError);
    EXPECT_EQ(second.status().message(), path +
                                             ": byte 1860 (line 64): invalid GBK byte 0xB8 (the file declares "
                                             "encoding GBK)");
  }
}

TEST(IdocEncoding, BadBytesAfterMalformedXmlInAnIdocStillFailTheFileNamingTheirByteAndLine) {
  TempDir dir;
  std::string bytes = Fixture("debmas07_gbk_mismatch.xml");
  // The second IDOC breaks before its pasted UTF-8 name: the splitter skips to its </IDOC> unread.
  const std::size_t name = bytes.find("<NAME1>", bytes.rfind("<IDOC "));
  bytes.replace(name, 7, "<NAME1 x>");
  const std::string path = dir.Write("mixed.xml", bytes).string();
  sdk::Result<IdocFileRead> first = ReadIdocFile(path, IdocCursor{"mixed.xml"}, 100);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_THAT(Keys(first->records), ElementsAre("party:0000200001"));
  sdk::Result<IdocFileRead> second = ReadIdocFile(path, first->next, 100);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().message(),
            path + ": byte 1862 (line 64): invalid GBK byte 0xB8 (the file declares encoding GBK)");
}

TEST(IdocEncoding, AGb18030FileDeclaredGbkFailsAtItsFirstFourByteCharacter) {
  TempDir dir;
  const std::string bytes = Fixture("debmas07_gb18030.xml");
  const std::string path =
      dir.Write("relabeled.xml", Redeclared(bytes, "<?xml version=\"1.0\" encoding=\"gbk\"?>")).string();
  sdk::Result<std::vector<sdk::Record>> read = ReadWholeFile(path);
  ASSERT_FALSE(read.ok());
  EXPECT_THAT(read.status().message(), HasSubstr("invalid GBK byte 0x95 (the file declares encoding GBK)"));
}

TEST(IdocEncoding, AGbkFileThatDeclaresNoEncodingFailsAsUtf8AtItsFirstChineseByteSayingHowToDeclareIt) {
  TempDir dir;
  const std::string bytes = Redeclared(Fixture("debmas07_gbk.xml"), "<?xml version=\"1.0\"?>");
  const std::string path = dir.Write("undeclared.xml", bytes).string();
  const auto first_chinese = std::find_if(bytes.begin(), bytes.end(), [](char c) { return (c & 0x80) != 0; });
  sdk::Result<std::vector<sdk::Record>> read = ReadWholeFile(path);
  ASSERT_FALSE(read.ok());
  EXPECT_THAT(read.status().message(), HasSubstr(path + ": byte " + std::to_string(first_chinese - bytes.begin()) +
                                                 " (line 29): invalid UTF-8 byte 0xB1"));
  EXPECT_THAT(read.status().message(), HasSubstr("names no encoding, so it is read as UTF-8"));
}

TEST(IdocEncoding, AByteThatIsNoUtf8BeforeTheRootFailsTheOpenNamingIt) {
  TempDir dir;
  const std::string bytes = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- \xC4\xFA -->\n<DEBMAS07/>\n";
  const std::string path = dir.Write("head.xml", bytes).string();
  sdk::Result<std::unique_ptr<IdocSplitter>> splitter = IdocSplitter::Open(path, SplitStart{});
  ASSERT_FALSE(splitter.ok());
  EXPECT_EQ(splitter.status().message(),
            path + ": byte 44 (line 2): invalid UTF-8 byte 0xC4 (the file declares encoding UTF-8)");
}

TEST(IdocEncoding, AFileDeclaringAnEncodingNotReadFailsAtOpenNamingIt) {
  TempDir dir;
  const std::string path =
      dir.Write("big5.xml", Redeclared(Fixture("debmas07.xml"), "<?xml version=\"1.0\" encoding=\"Big5\"?>")).string();
  sdk::Result<std::unique_ptr<IdocSplitter>> splitter = IdocSplitter::Open(path, SplitStart{});
  ASSERT_FALSE(splitter.ok());
  EXPECT_EQ(splitter.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(
      splitter.status().message(),
      HasSubstr(path + ": line 1: the declaration names encoding \"BIG5\", which IDoc-XML files are not read in"));
}

TEST(IdocEncoding, AUtf8FileWithAByteThatIsNoUtf8FailsNamingItWhereARecordWouldOnlyBeRejected) {
  TempDir dir;
  std::string bytes = Fixture("debmas07.xml");
  const std::size_t at = bytes.find("Lyon");
  bytes[at] = '\xFF';
  const std::string path = dir.Write("bad.xml", bytes).string();
  sdk::Result<IdocFileRead> first = ReadIdocFile(path, IdocCursor{"bad.xml"}, 100);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_THAT(Keys(first->records), ElementsAre("party:0000100001", "party:0000100002"));
  sdk::Result<IdocFileRead> second = ReadIdocFile(path, first->next, 100);
  ASSERT_FALSE(second.ok());
  EXPECT_THAT(second.status().message(), HasSubstr(path + ": byte " + std::to_string(at) +
                                                   " (line 78): invalid UTF-8 byte 0xFF (the file declares encoding "
                                                   "UTF-8)"));
}

}  // namespace
}  // namespace hub::supply_chain
