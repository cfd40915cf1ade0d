// Compiling a mapping against the catalog: every problem named with its field and configuration line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mapping_test_support.hpp"
#include "sync/mapping/compiled_mapping.hpp"

namespace hub::sync::mapping {
namespace {

using config::MappingFieldConfig;
using testing::Constant;
using testing::Countries;
using testing::CustomerMapping;
using ::testing::HasSubstr;
using testing::kTestCatalog;
using testing::Source;

std::string CompileError(const config::MappingConfig& config,
                         const std::vector<config::CodeTableConfig>& tables = Countries()) {
  auto compiled = CompiledMapping::Compile(config, tables, kTestCatalog);
  EXPECT_FALSE(compiled.ok());
  return compiled.ok() ? "" : compiled.status().message();
}

MappingFieldConfig WithDates(MappingFieldConfig field, std::vector<std::string> formats) {
  field.date_formats = std::move(formats);
  return field;
}

MappingFieldConfig WithNumber(MappingFieldConfig field, config::NumberFormatConfig number = {}) {
  field.number = std::move(number);
  return field;
}

MappingFieldConfig WithDefault(MappingFieldConfig field, std::string value) {
  field.default_value = std::move(value);
  return field;
}

MappingFieldConfig WithLookup(MappingFieldConfig field, std::string table) {
  field.lookup = std::move(table);
  return field;
}

struct CompileCase {
  const char* name;
  config::MappingConfig config;
  std::string error;  // the whole message
};

void PrintTo(const CompileCase& c, std::ostream* out) { *out << c.name; }

class MappingCompileErrors : public ::testing::TestWithParam<CompileCase> {};

TEST_P(MappingCompileErrors, NameTheFieldTheLineAndTheProblem) {
  EXPECT_EQ(CompileError(GetParam().config), GetParam().error);
}

config::MappingConfig UnknownEntity() {
  config::MappingConfig config = CustomerMapping({});
  config.entity = "customr";
  return config;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MappingCompileErrors,
    ::testing::Values(
        CompileCase{"UnknownEntity", UnknownEntity(),
                    "hub.xml:5: <mapping entity=\"customr\">: unknown entity 'customr'; the model has: customer"},
        CompileCase{"UnknownTarget", CustomerMapping({Source("founding", "成立日期", 12)}),
                    "hub.xml:12: <field target=\"founding\">: entity 'customer' has no field 'founding'; its fields: "
                    "name, kind, country, address_line, founded, credit_limit, employees, last_contact, active, "
                    "phone, code"},
        CompileCase{"MappedTwice", CustomerMapping({Source("phone", "a", 12), Source("phone", "b", 13)}),
                    "hub.xml:13: <field target=\"phone\">: the field is mapped twice"},
        CompileCase{"DatesOnADecimal", CustomerMapping({WithDates(Source("credit_limit", "额度", 12), {"%Y"})}),
                    "hub.xml:12: <field target=\"credit_limit\">: date formats do not apply to a field of type "
                    "decimal"},
        CompileCase{"NumberOnADate", CustomerMapping({WithNumber(Source("founded", "成立日期", 12))}),
                    "hub.xml:12: <field target=\"founded\">: number formats do not apply to a field of type date"},
        CompileCase{"NumberOnABool", CustomerMapping({WithNumber(Source("active", "x", 12))}),
                    "hub.xml:12: <field target=\"active\">: number formats do not apply to a field of type bool"},
        CompileCase{"DatesAndNumber", CustomerMapping({WithNumber(WithDates(Source("code", "x", 12), {"%Y-%m-%d"}))}),
                    "hub.xml:12: <field target=\"code\">: date formats and a number format cannot both apply; give "
                    "one of them"},
        CompileCase{"BadDateFormat",
                    CustomerMapping({WithDates(Source("founded", "成立日期", 12), {"%Y-%m-%d", "%Y年%m月"})}),
                    "hub.xml:12: <field target=\"founded\">: date format '%Y年%m月': needs the year (%Y), the month "
                    "(%m or %b) and the day (%d)"},
        CompileCase{"ConstantOfTheWrongType", CustomerMapping({Constant("founded", "yesterday", 12)}),
                    "hub.xml:12: <field target=\"founded\">: value 'yesterday' matches none of the date formats "
                    "%Y-%m-%d, %Y-%m-%dT%H:%M:%S%z, %Y-%m-%dT%H:%M:%S, %Y-%m-%d %H:%M:%S"},
        CompileCase{"EmptyConstant", CustomerMapping({Constant("code", "", 12)}),
                    "hub.xml:12: <field target=\"code\">: the value is empty; leave it out instead"},
        CompileCase{"DefaultNotAllowed", CustomerMapping({WithDefault(Source("country", "国家", 12), "FR")}),
                    "hub.xml:12: <field target=\"country\">: default 'FR' is not one of the allowed values CN, US, "
                    "DE"},
        CompileCase{"DefaultNotANumber", CustomerMapping({WithDefault(Source("employees", "n", 12), "many")}),
                    "hub.xml:12: <field target=\"employees\">: default 'many' is not a number (decimal '.', "
                    "thousands ',')"},
        CompileCase{"UnknownCodeTable", CustomerMapping({WithLookup(Source("country", "国家", 12), "regions")}),
                    "hub.xml:12: <field target=\"country\">: unknown code table 'regions'"}),
    [](const ::testing::TestParamInfo<CompileCase>& info) { return std::string(info.param.name); });

TEST(MappingCompile, RefusesAnEntityWhoseRequiredFieldsAreNotMapped) {
  config::MappingConfig config = CustomerMapping({Source("phone", "电话")});
  config.fields.erase(config.fields.begin());  // name
  EXPECT_EQ(CompileError(config),
            "hub.xml:5: <mapping entity=\"customer\">: the required field 'name' of entity 'customer' is not mapped");
}

TEST(MappingCompile, ChecksCodeTableValuesAgainstTheFieldAtTheEntrysLine) {
  std::vector<config::CodeTableConfig> tables = Countries();
  tables[0].entries.push_back({"法国", "FR", {"hub.xml", 44}});
  tables[0].entries.push_back({"火星", "", {"hub.xml", 45}});  // an empty value maps to null
  EXPECT_EQ(CompileError(CustomerMapping({WithLookup(Source("country", "国家", 12), "countries")}), tables),
            "hub.xml:44: <field target=\"country\">: code table 'countries' entry '法国': value 'FR' is not one of "
            "the allowed values CN, US, DE");
}

TEST(MappingCompile, ReportsEveryProblemOneALine) {
  config::MappingConfig config = CustomerMapping(
      {Source("nope", "x", 12), Constant("kind", "company", 13), WithDates(Source("founded", "y", 14), {"%Q"})});
  config.fields.erase(config.fields.begin() + 1);  // the default kind, replaced by line 13's
  std::string error = CompileError(config);
  EXPECT_THAT(error, HasSubstr("hub.xml:12: <field target=\"nope\">: entity 'customer' has no field 'nope'"));
  EXPECT_THAT(error, HasSubstr("\nhub.xml:13: <field target=\"kind\">: value 'company' is not one of the allowed "
                               "values organization, person\n"));
  EXPECT_THAT(error, HasSubstr("\nhub.xml:14: <field target=\"founded\">: date format '%Q': unknown directive '%Q'"));
}

TEST(MappingCompile, CompilesAgainstTheBuiltInCatalog) {
  config::MappingConfig config;
  config.entity = "party";
  config.fields = {Source("name", "客户名称"), Constant("kind", "organization"),
                   WithDates(Source("birth_date", "生日"), {"%Y年%m月%d日"})};
  auto compiled = CompiledMapping::Compile(config, {});
  ASSERT_TRUE(compiled.ok()) << compiled.status().message();
  EXPECT_EQ(compiled->entity().name, "party");
}

MappingFieldConfig WithSystem(MappingFieldConfig field, std::string system) {
  field.system = std::move(system);
  return field;
}

TEST(MappingCompile, AReferenceBySourceIdCarriesTheSystemItsIdsBelongTo) {
  config::MappingConfig config;
  config.entity = "order";
  config.fields = {Source("order_number", "单号"), WithSystem(Source("party_source_id", "客户"), "erp"),
                   Source("currency", "币种"), Source("total_amount", "金额"), Source("ordered_on", "日期")};
  auto compiled = CompiledMapping::Compile(config, {});
  ASSERT_TRUE(compiled.ok()) << compiled.status().message();
  sdk::Record record;
  record.source_id = "SO-1";
  record.Set("单号", sdk::Value::String("SO-1"))
      .Set("客户", sdk::Value::String("C1"))
      .Set("币种", sdk::Value::String("CNY"))
      .Set("金额", sdk::Value::String("10.00"))
      .Set("日期", sdk::Value::String("2026-11-23"));
  MappingOutcome outcome = compiled->Apply(record);
  ASSERT_TRUE(outcome.ok()) << outcome.rejection().ToString();
  EXPECT_EQ(outcome.record().FindField("party_source_id")->reference_system, "erp");
  EXPECT_EQ(outcome.record().FindField("currency")->reference_system, "");
}

TEST(MappingCompile, RefusesASystemOnAFieldThatIsNoReferenceBySourceId) {
  config::MappingConfig config;
  config.entity = "order";
  config.fields = {Source("order_number", "单号"), Source("party_source_id", "客户"),
                   Source("currency", "币种"),     Source("total_amount", "金额"),
                   Source("ordered_on", "日期"),   WithSystem(Source("owner_employee_number", "业务员"), "hr")};
  auto compiled = CompiledMapping::Compile(config, {});
  ASSERT_FALSE(compiled.ok());
  EXPECT_THAT(compiled.status().message(),
              HasSubstr("<field target=\"owner_employee_number\">: attribute 'system' applies only to a reference by "
                        "source id"));
}

TEST(MappingCompile, ASourceSystemIsANameFromAFieldAConstantOrADefault) {
  MappingFieldConfig constant = Constant("source_system", "finance", 20);
  EXPECT_TRUE(CompiledMapping::Compile(CustomerMapping({constant}), Countries(), kTestCatalog).ok());
  EXPECT_EQ(CompileError(CustomerMapping({Constant("source_system", "Finance Dept", 20)})),
            "hub.xml:20: <field target=\"source_system\">: value 'Finance Dept' is not a source system name (lowercase "
            "letters, digits and _, like a connector's name; transform=\"lower\" or a lookup= can make one)");
  EXPECT_THAT(CompileError(CustomerMapping({WithDefault(Source("source_system", "来源", 21), "Legacy")})),
              HasSubstr("hub.xml:21: <field target=\"source_system\">: default 'Legacy' is not a source system name"));
  EXPECT_THAT(CompileError(CustomerMapping({WithLookup(Source("source_system", "来源", 22), "countries")})),
              HasSubstr("code table 'countries' entry '中国': value 'CN' is not a source system name"));
  EXPECT_EQ(
      CompileError(CustomerMapping({WithDates(Source("source_system", "来源", 23), {"%Y"})})),
      "hub.xml:23: <field target=\"source_system\">: the source system is a name; it takes no 'date' or 'number'");
  EXPECT_THAT(
      CompileError(CustomerMapping({WithSystem(Source("source_system", "来源", 24), "erp")})),
      HasSubstr("hub.xml:24: <field target=\"source_system\">: attribute 'system' applies only to a reference"));
  EXPECT_THAT(CompileError(CustomerMapping({Source("source_system", "a", 25), Constant("source_system", "b", 26)})),
              HasSubstr("hub.xml:26: <field target=\"source_system\">: the field is mapped twice"));
}

}  // namespace
}  // namespace hub::sync::mapping
