// JSON Lines: one object per line, members typed.
#include <gtest/gtest.h>

#include <string>

#include "file_test_support.hpp"

namespace hub::file {
namespace {

using testing::OptionsFor;
using testing::ReadAll;
using testing::TempDir;

TEST(JsonlReading, KeepsMemberOrderAndTypes) {
  TempDir dir;
  const std::string line = R"({"s":"上海","i":42,"neg":-7,"d":1.5,"t":true,"f":false,"n":null,)"
                           R"("o":{"k":[1,2]},"a":[1,"x"],"big":18446744073709551615})";
  auto records = ReadAll(OptionsFor(dir.Write("w.jsonl", line + "\n")));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 1u);
  const sdk::Record& record = (*records)[0];
  EXPECT_EQ(testing::Names(record), (std::vector<std::string>{"s", "i", "neg", "d", "t", "f", "n", "o", "a", "big"}));
  EXPECT_EQ(*record.Find("s"), sdk::Value::String("上海"));
  EXPECT_EQ(*record.Find("i"), sdk::Value::Int64(42));
  EXPECT_EQ(*record.Find("neg"), sdk::Value::Int64(-7));
  EXPECT_EQ(*record.Find("d"), sdk::Value::Double(1.5));
  EXPECT_EQ(*record.Find("t"), sdk::Value::Bool(true));
  EXPECT_EQ(*record.Find("f"), sdk::Value::Bool(false));
  EXPECT_EQ(*record.Find("n"), sdk::Value::Null());
  EXPECT_EQ(*record.Find("o"), sdk::Value::String(R"({"k":[1,2]})"));
  EXPECT_EQ(*record.Find("a"), sdk::Value::String(R"([1,"x"])"));
  EXPECT_EQ(*record.Find("big"), sdk::Value::Decimal("18446744073709551615"));
  EXPECT_EQ(record.position, "w.jsonl:1");
}

TEST(JsonlReading, SkipsBlankLinesAndHandlesCrlf) {
  TempDir dir;
  auto records = ReadAll(OptionsFor(dir.Write("w.ndjson", "{\"a\":1}\r\n  \r\n\r\n{\"a\":2}\r\n")));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[1].position, "w.ndjson:4");
  EXPECT_EQ(*(*records)[1].Find("a"), sdk::Value::Int64(2));
}

TEST(JsonlReading, IntegerIdFieldBecomesTheSourceId) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("w.jsonl", "{\"id\":1001,\"name\":\"x\"}\n{\"id\":\"W-2\"}\n"));
  options.id_field = "id";
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].source_id, "1001");
  EXPECT_EQ((*records)[1].source_id, "W-2");
}

TEST(JsonlReading, FormatOptionOverridesTheExtension) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("export.txt", "{\"a\":1}\n"));
  options.format = FileFormat::kJsonl;
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(records->size(), 1u);
}

TEST(JsonlReading, UnknownExtensionWithoutFormatIsRefused) {
  TempDir dir;
  auto records = ReadAll(OptionsFor(dir.Write("export.txt", "{\"a\":1}\n")));
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.status().message(),
            "export.txt: cannot tell the format of export.txt from its extension; set the format option (csv, tsv "
            "or jsonl)");
}

}  // namespace
}  // namespace hub::file
