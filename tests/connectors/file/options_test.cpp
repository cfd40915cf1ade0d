// The option schema, its parsing, and the README table generated from it.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "common/options_doc.hpp"
#include "file/file_options.hpp"

namespace hub::file {
namespace {

sdk::Result<FileOptions> Parse(std::map<std::string, std::string, std::less<>> values) {
  if (values.find("path") == values.end()) values["path"] = "/data/in";
  return ParseFileOptions(sdk::Options(std::move(values)));
}

TEST(FileOptionsSchema, DescribesAFileConnectorWithEveryOptionDocumented) {
  const sdk::PluginDescription description = DescribeFileConnector();
  EXPECT_EQ(description.name, "file");
  EXPECT_EQ(description.kind, "connector");
  EXPECT_FALSE(description.version.empty());
  ASSERT_EQ(description.options.size(), 17u);
  for (const sdk::OptionSpec& option : description.options) {
    EXPECT_FALSE(option.description.empty()) << option.name;
    EXPECT_FALSE(option.required) << option.name << ": path, events_dir or both, checked by ParseFileOptions";
  }
  EXPECT_TRUE(description.capabilities.reads);
  EXPECT_TRUE(description.capabilities.writes_events);
}

TEST(FileOptionsSchema, DeclaredDefaultsParseToTheBuiltInDefaults) {
  std::map<std::string, std::string, std::less<>> defaults{{"path", "/data/in"}};
  for (const sdk::OptionSpec& option : DescribeFileConnector().options) {
    if (option.default_value) defaults[option.name] = *option.default_value;
  }
  auto parsed = ParseFileOptions(sdk::Options(defaults));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  FileOptions expected;
  expected.path = "/data/in";
  EXPECT_EQ(parsed->pattern, expected.pattern);
  EXPECT_EQ(parsed->quote, expected.quote);
  EXPECT_EQ(parsed->encoding, expected.encoding);
  EXPECT_EQ(parsed->header, expected.header);
  EXPECT_EQ(parsed->entity, expected.entity);
  EXPECT_EQ(parsed->skip_empty_lines, expected.skip_empty_lines);
  EXPECT_EQ(parsed->completeness.declared_final, expected.completeness.declared_final);
  EXPECT_EQ(parsed->completeness.settle, expected.completeness.settle);
  EXPECT_EQ(parsed->events_prefix, expected.events_prefix);
  EXPECT_TRUE(parsed->events_dir.empty());
  EXPECT_FALSE(parsed->format.has_value());
  EXPECT_FALSE(parsed->delimiter.has_value());
}

TEST(FileOptionsParsing, ReadsEveryOption) {
  auto parsed = Parse({{"pattern", "*.tsv"},
                       {"format", "TSV"},
                       {"delimiter", "tab"},
                       {"quote", "none"},
                       {"encoding", "GBK"},
                       {"header", "false"},
                       {"columns", " id , name "},
                       {"entity", "customer"},
                       {"id_field", "id"},
                       {"archive_dir", "/data/done"},
                       {"error_dir", "/data/bad"},
                       {"skip_empty_lines", "no"},
                       {"settle_time", "5m"},
                       {"final", "true"},
                       {"events_dir", "/data/out"},
                       {"events_prefix", "crm"}});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->format, FileFormat::kTsv);
  EXPECT_EQ(parsed->delimiter, '\t');
  EXPECT_FALSE(parsed->quote.has_value());
  EXPECT_EQ(parsed->encoding, "gbk");
  EXPECT_FALSE(parsed->header);
  EXPECT_EQ(parsed->columns, (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(parsed->entity, "customer");
  EXPECT_EQ(parsed->archive_dir, "/data/done");
  EXPECT_FALSE(parsed->skip_empty_lines);
  EXPECT_EQ(parsed->completeness.settle, std::chrono::minutes(5));
  EXPECT_TRUE(parsed->completeness.declared_final);
  EXPECT_EQ(parsed->events_dir, "/data/out");
  EXPECT_EQ(parsed->events_prefix, "crm");
}

TEST(FileOptionsParsing, AnEventsFolderAloneIsEnough) {
  auto parsed = ParseFileOptions(sdk::Options({{"events_dir", "/data/out"}}));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_TRUE(parsed->path.empty());
  EXPECT_EQ(parsed->events_dir, "/data/out");
}

struct BadOption {
  const char* name;
  std::map<std::string, std::string, std::less<>> values;
  std::string message;
};

class FileOptionsErrors : public ::testing::TestWithParam<BadOption> {};

TEST_P(FileOptionsErrors, NameTheOptionAndTheValue) {
  auto parsed = ParseFileOptions(sdk::Options(GetParam().values));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FileOptionsErrors,
    ::testing::Values(
        BadOption{"NeitherPathNorEventsDir", {}, "give path (to read) or events_dir (to deliver events), or both"},
        BadOption{"EmptyEventsPrefix",
                  {{"events_dir", "/x"}, {"events_prefix", ""}},
                  "option 'events_prefix' must not be empty"},
        BadOption{"HiddenEventsPrefix",
                  {{"events_dir", "/x"}, {"events_prefix", ".events"}},
                  "option 'events_prefix': '.events' must not start with a dot or hold a '/'"},
        BadOption{"Format", {{"path", "/x"}, {"format", "xml"}}, "option 'format': 'xml' is not csv, tsv or jsonl"},
        BadOption{"LongDelimiter",
                  {{"path", "/x"}, {"delimiter", "ab"}},
                  "option 'delimiter': 'ab' is not one ASCII character or tab"},
        BadOption{"NonAsciiDelimiter",
                  {{"path", "/x"}, {"delimiter", "；"}},
                  "option 'delimiter': '；' is not one ASCII character or tab"},
        BadOption{
            "Quote", {{"path", "/x"}, {"quote", "''"}}, "option 'quote': '''' is not one ASCII character, tab or none"},
        BadOption{"DelimiterIsQuote",
                  {{"path", "/x"}, {"delimiter", "'"}, {"quote", "'"}},
                  "options 'delimiter' and 'quote' must differ"},
        BadOption{"Encoding",
                  {{"path", "/x"}, {"encoding", "klingon"}},
                  "option 'encoding': unknown encoding 'klingon' (use auto, utf-8, gbk, gb18030, big5, utf-16le, "
                  "utf-16be, latin1 or another ICU converter name)"},
        BadOption{"EncodingNotLineBased",
                  {{"path", "/x"}, {"encoding", "scsu"}},
                  "option 'encoding': encoding 'scsu' cannot be read line by line (for UTF-16/UTF-32 say utf-16le, "
                  "utf-16be, utf-32le or utf-32be, or use auto with a byte-order mark)"},
        BadOption{"Header", {{"path", "/x"}, {"header", "maybe"}}, "option 'header': 'maybe' is not a boolean"},
        BadOption{
            "EmptyColumn", {{"path", "/x"}, {"columns", "a,,b"}}, "option 'columns': 'a,,b' has an empty column name"},
        BadOption{"EmptyEntity", {{"path", "/x"}, {"entity", ""}}, "option 'entity' must not be empty"},
        BadOption{"SettleTime",
                  {{"path", "/x"}, {"settle_time", "soon"}},
                  "option 'settle_time': 'soon' is not a duration (e.g. 30s, 5m, 2h)"},
        BadOption{"Final", {{"path", "/x"}, {"final", "maybe"}}, "option 'final': 'maybe' is not a boolean"}),
    [](const ::testing::TestParamInfo<BadOption>& info) { return info.param.name; });

TEST(FileFormatOf, ComesFromTheExtensionUnlessConfigured) {
  EXPECT_EQ(*FormatOf("a.CSV", std::nullopt), FileFormat::kCsv);
  EXPECT_EQ(*FormatOf("a.tab", std::nullopt), FileFormat::kTsv);
  EXPECT_EQ(*FormatOf("a.ndjson", std::nullopt), FileFormat::kJsonl);
  EXPECT_EQ(*FormatOf("a.csv", FileFormat::kJsonl), FileFormat::kJsonl);
  EXPECT_EQ(FormatOf("a.xlsx", std::nullopt).status().code(), sdk::StatusCode::kDataError);
}

TEST(FileConnectorReadme, OptionsTableMatchesTheSchema) {
  const std::optional<std::string> table =
      connectors::ReadOptionsTable(std::string(HUB_SOURCE_DIR) + "/connectors/file/README.md");
  ASSERT_TRUE(table.has_value()) << "connectors/file/README.md is missing or lacks the options markers";
  const std::string expected = connectors::RenderOptionsTable(DescribeFileConnector());
  EXPECT_EQ(*table, expected) << "Paste this table between the markers in connectors/file/README.md:\n" << expected;
}

}  // namespace
}  // namespace hub::file
