// <mapping> inside <job> and <code_tables>: what is read, and every shape error at its line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.hpp"
#include "config_test_support.hpp"

namespace hub::config {
namespace {

using ::testing::ElementsAre;
using testing::FakeEnv;
using ::testing::HasSubstr;
using testing::TempDir;

// A valid file whose lines 5.. are `body`, inside <jobs>; `tables` goes after </jobs>.
std::string FileWith(const std::string& body, const std::string& tables = "") {
  return "<hub>\n"
         "  <store><connection>DSN=x</connection></store>\n"
         "  <plugins dir=\".\"/><connectors><connector name=\"crm\" plugin=\"file\"/></connectors>\n"
         "  <jobs>\n" +
         body + "\n  </jobs>\n" + tables + "\n</hub>\n";
}

const std::string kCountries =
    "<code_tables><table name=\"countries\"><entry code=\"中国\" value=\"CN\"/></table></code_tables>";

class MappingConfigTest : public ::testing::Test {
 protected:
  ConfigLoadResult Load(const std::string& body, const std::string& tables = kCountries) {
    return LoadConfig(dir_.Write("hub.xml", FileWith(body, tables)), FakeEnv({{"SEP", "/"}}));
  }

  TempDir dir_;
};

TEST_F(MappingConfigTest, ReadsEveryFieldOption) {
  ConfigLoadResult result = Load(R"(<job name="customers" connector="crm">
  <mapping entity="party" id="客户编号">
    <field target="name" source="客户名称" transform="trim | nfkc|collapse_spaces" required="true"/>
    <field target="kind" value="organization"/>
    <field target="country" source="国家" lookup="countries" default="CN"/>
    <field target="address_line" concat="地址, 城市" separator=" "/>
    <field target="founded" source="成立日期" date="%Y年%m月%d日|%Y-%m-%d"/>
    <field target="credit_limit" source="额度" number="decimal=,|currency=¥|currency=元|scale=2"/>
    <field target="phone" concat="区号,电话" separator="${env:SEP}" transform="digits_only|upper|lower"/>
  </mapping>
</job>)");
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const MappingConfig& mapping = result.config->jobs[0].mappings.at(0);
  EXPECT_EQ(mapping.entity, "party");
  EXPECT_EQ(mapping.id_source, "客户编号");
  EXPECT_EQ(mapping.location.line, 6);
  ASSERT_EQ(mapping.fields.size(), 7u);

  const MappingFieldConfig& name = mapping.fields[0];
  EXPECT_EQ(name.target, "name");
  EXPECT_THAT(name.sources, ElementsAre("客户名称"));
  EXPECT_THAT(name.transforms,
              ElementsAre(MappingTransform::kTrim, MappingTransform::kNfkc, MappingTransform::kCollapseSpaces));
  EXPECT_TRUE(name.required);
  EXPECT_EQ(name.location.line, 7);

  EXPECT_EQ(mapping.fields[1].constant, "organization");
  EXPECT_TRUE(mapping.fields[1].sources.empty());
  EXPECT_EQ(mapping.fields[2].lookup, "countries");
  EXPECT_EQ(mapping.fields[2].default_value, "CN");
  EXPECT_FALSE(mapping.fields[2].required);
  EXPECT_THAT(mapping.fields[3].sources, ElementsAre("地址", "城市"));
  EXPECT_EQ(mapping.fields[3].separator, " ");
  EXPECT_THAT(mapping.fields[4].date_formats, ElementsAre("%Y年%m月%d日", "%Y-%m-%d"));

  const auto& number = mapping.fields[5].number;
  ASSERT_TRUE(number.has_value());
  EXPECT_EQ(number->decimal, ',');
  EXPECT_THAT(number->thousands, ElementsAre("."));  // the default that goes with decimal=,
  EXPECT_THAT(number->currency, ElementsAre("¥", "元"));
  EXPECT_EQ(number->scale, 2);

  EXPECT_EQ(mapping.fields[6].separator, "/");
  EXPECT_THAT(mapping.fields[6].transforms,
              ElementsAre(MappingTransform::kDigitsOnly, MappingTransform::kUpper, MappingTransform::kLower));
}

TEST_F(MappingConfigTest, NumberFormatDefaultsAndThousandsChoices) {
  ConfigLoadResult result = Load(R"(<job name="j" connector="crm"><mapping entity="party">
    <field target="a" source="a" number="scale=0"/>
    <field target="b" source="b" number="thousands=space"/>
    <field target="c" source="c" number="decimal=,|thousands=none"/>
    <field target="d" source="d" number="thousands='"/>
  </mapping></job>)");
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const auto& fields = result.config->jobs[0].mappings.at(0).fields;
  EXPECT_EQ(fields[0].number->decimal, '.');
  EXPECT_THAT(fields[0].number->thousands, ElementsAre(","));
  EXPECT_THAT(fields[1].number->thousands, ElementsAre(" ", "\u00A0", "\u202F"));
  EXPECT_TRUE(fields[2].number->thousands.empty());
  EXPECT_THAT(fields[3].number->thousands, ElementsAre("'"));
}

TEST_F(MappingConfigTest, AJobWithoutAMappingIsRefusedAtItsLine) {
  ConfigLoadResult result =
      Load("<job name=\"raw\" connector=\"crm\"/>\n<job name=\"raw2\" connector=\"crm\"></job>", "");
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.errors.size(), 2u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, 5);
  EXPECT_THAT(result.errors[0].message, HasSubstr("<job name=\"raw\"> has no <mapping>"));
  EXPECT_EQ(result.errors[1].location.line, 6);
  EXPECT_THAT(result.errors[1].message, HasSubstr("<job name=\"raw2\"> has no <mapping>"));
}

TEST_F(MappingConfigTest, ReadsCodeTablesWithTheirEntries) {
  ConfigLoadResult result = Load(R"(<job name="raw" connector="crm"><mapping entity="party"/></job>)", R"(<code_tables>
  <table name="countries">
    <entry code="中国" value="CN"/>
    <entry code="美国" value="US"/>
  </table>
  <table name="grades"/>
</code_tables>)");
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const CodeTableConfig* countries = result.config->FindCodeTable("countries");
  ASSERT_NE(countries, nullptr);
  EXPECT_EQ(countries->location.line, 8);
  ASSERT_EQ(countries->entries.size(), 2u);
  EXPECT_EQ(countries->entries[1].code, "美国");
  EXPECT_EQ(countries->entries[1].value, "US");
  EXPECT_EQ(countries->entries[1].location.line, 10);
  ASSERT_NE(result.config->FindCodeTable("grades"), nullptr);
  EXPECT_EQ(result.config->FindCodeTable("nope"), nullptr);
}

struct ErrorCase {
  const char* name;
  std::string fields;  // inside <mapping entity="party">, starting on line 6
  int line;
  const char* message_part;
  std::string tables = kCountries;
};

void PrintTo(const ErrorCase& error_case, std::ostream* out) { *out << error_case.name; }

class MappingConfigErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(MappingConfigErrors, ReportsExactlyOneErrorAtItsLine) {
  TempDir dir;
  std::string body =
      "<job name=\"j\" connector=\"crm\"><mapping entity=\"party\">\n" + GetParam().fields + "\n</mapping></job>";
  ConfigLoadResult result = LoadConfig(dir.Write("hub.xml", FileWith(body, GetParam().tables)), FakeEnv({}));
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.errors.size(), 1u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, GetParam().line) << result.errors[0].ToString();
  EXPECT_THAT(result.errors[0].message, HasSubstr(GetParam().message_part));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MappingConfigErrors,
    ::testing::Values(
        ErrorCase{"UnknownTransform", "<field target=\"a\" source=\"x\" transform=\"trim|titlecase\"/>", 6,
                  "<field target=\"a\"> attribute 'transform': unknown transform 'titlecase'; known: trim, upper, "
                  "lower, nfkc, collapse_spaces, digits_only"},
        ErrorCase{"EmptyTransformItem", "<field target=\"a\" source=\"x\" transform=\"trim||upper\"/>", 6,
                  "'trim||upper' has an empty item"},
        ErrorCase{"UnknownCodeTable", "<field target=\"a\" source=\"x\" lookup=\"regions\"/>", 6,
                  "looks up unknown code table 'regions'; defined in <code_tables>: countries"},
        ErrorCase{"EmptyLookup", "<field target=\"a\" source=\"x\"\n  lookup=\"\"/>", 7,
                  "<field target=\"a\"> attribute 'lookup' is empty"},
        ErrorCase{"LookupWithoutAnyTable", "<field target=\"a\" source=\"x\" lookup=\"countries\"/>", 6,
                  "defined in <code_tables>: (none)", ""},
        ErrorCase{"NoOrigin", "<field target=\"a\"/>", 6,
                  "<field target=\"a\"> needs one of 'source', 'concat' or 'value'"},
        ErrorCase{"SourceAndValue", "<field target=\"a\" source=\"x\" value=\"y\"/>", 6,
                  "<field target=\"a\"> has source, value; give only one"},
        ErrorCase{"EmptySource", "<field target=\"a\" source=\" \"/>", 6, "the source field name is empty"},
        ErrorCase{"ConcatOfOne", "<field target=\"a\" concat=\"x\"/>", 6, "name two or more source fields"},
        ErrorCase{"ConcatEmptyItem", "<field target=\"a\" concat=\"x,,y\"/>", 6, "'x,,y' has an empty item"},
        ErrorCase{"ConstantWithTransform", "<field target=\"a\" value=\"y\"\n  transform=\"trim\"/>", 7,
                  "is a constant (value=); it takes no 'transform'"},
        ErrorCase{"ConstantRequired", "<field target=\"a\" value=\"y\" required=\"true\"/>", 6,
                  "it takes no 'required'"},
        ErrorCase{"SeparatorWithoutConcat", "<field target=\"a\" source=\"x\" separator=\"-\"/>", 6,
                  "attribute 'separator' goes only with 'concat'"},
        ErrorCase{"RequiredAndDefault", "<field target=\"a\" source=\"x\" required=\"true\" default=\"d\"/>", 6,
                  "has both 'required' and 'default'"},
        ErrorCase{"RequiredNotBoolean", "<field target=\"a\" source=\"x\" required=\"yes\"/>", 6,
                  "'yes' is not one of: true, false"},
        ErrorCase{"BadNumberSetting", "<field target=\"a\" source=\"x\" number=\"decimal=;\"/>", 6,
                  "'decimal=;' is not a number setting"},
        ErrorCase{"SameSeparators", "<field target=\"a\" source=\"x\" number=\"decimal=,|thousands=,\"/>", 6,
                  "the decimal and thousands separators are the same"},
        ErrorCase{"EmptyDateFormatItem", "<field target=\"a\" source=\"x\" date=\"%Y|\"/>", 6,
                  "'%Y|' has an empty item"},
        ErrorCase{"BadTarget", "<field target=\"Name\" source=\"x\"/>", 6, "'Name' is not a name"},
        ErrorCase{"UnknownFieldAttribute", "<field target=\"a\" source=\"x\"\n  trim=\"true\"/>", 7,
                  "unknown attribute 'trim' on <field>"},
        ErrorCase{"DuplicateTarget", "<field target=\"a\" source=\"x\"/>\n<field target=\"a\" source=\"y\"/>", 7,
                  "duplicate mapping of field 'a' (first at line 6)"},
        ErrorCase{"UnknownChild", "<column target=\"a\"/>", 6, "unknown element <column> in <mapping>"},
        ErrorCase{"DuplicateCode", "", 11, "duplicate code '中国' (first at line 10)",
                  "<code_tables><table name=\"t\">\n<entry code=\"中国\" value=\"CN\"/>\n"
                  "<entry code=\"中国\" value=\"TW\"/>\n</table></code_tables>"},
        ErrorCase{"DuplicateTable", "", 11, "duplicate code table name 't' (first at line 10)",
                  "<code_tables>\n<table name=\"t\"/>\n<table name=\"t\"/>\n</code_tables>"},
        ErrorCase{"EmptyCode", "", 10, "<entry> attribute 'code' is empty",
                  "<code_tables><table name=\"t\">\n<entry code=\"\" value=\"x\"/>\n</table></code_tables>"},
        ErrorCase{"EntryWithoutValue", "", 10, "<entry> is missing the required attribute 'value'",
                  "<code_tables><table name=\"t\">\n<entry code=\"x\"/>\n</table></code_tables>"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(MappingConfigShape, RefusesASecondMappingOfOneEntityAndAMappingWithoutEntity) {
  TempDir dir;
  ConfigLoadResult result = LoadConfig(dir.Write("hub.xml", FileWith("<job name=\"j\" connector=\"crm\">\n"
                                                                     "<mapping entity=\"party\"/>\n"
                                                                     "<mapping entity=\"party\"/>\n"
                                                                     "</job>\n"
                                                                     "<job name=\"k\" connector=\"crm\">\n"
                                                                     "<mapping id=\" \"/>\n"
                                                                     "</job>")),
                                       FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 3u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, 7);
  EXPECT_THAT(result.errors[0].message, HasSubstr("duplicate <mapping> for entity 'party' (first at line 6)"));
  EXPECT_EQ(result.errors[1].location.line, 10);
  EXPECT_THAT(result.errors[1].message, HasSubstr("<mapping> is missing the required attribute 'entity'"));
  EXPECT_EQ(result.errors[2].location.line, 10);
  EXPECT_THAT(result.errors[2].message, HasSubstr("<mapping> attribute 'id': the source field name is empty"));
}

}  // namespace
}  // namespace hub::config
