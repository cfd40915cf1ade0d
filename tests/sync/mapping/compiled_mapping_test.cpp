// Applying a compiled mapping to records: typed values, lookups, concatenation, defaults, rejections.
#include "sync/mapping/compiled_mapping.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mapping_test_support.hpp"

namespace hub::sync::mapping {
namespace {

using config::MappingTransform;
using sdk::Value;
using testing::Constant;
using testing::Countries;
using testing::CustomerMapping;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kTestCatalog;
using testing::Line;
using testing::Source;

CompiledMapping CompileOrDie(const config::MappingConfig& config) {
  auto compiled = CompiledMapping::Compile(config, Countries(), kTestCatalog);
  EXPECT_TRUE(compiled.ok()) << compiled.status().message();
  return std::move(compiled).value();
}

sdk::Record Row(std::vector<std::pair<std::string, std::string>> fields) {
  sdk::Record record;
  record.source_system = "crm";
  record.source_id = "r1";
  record.position = "customers.csv:42";
  for (auto& [name, text] : fields) record.Set(name, Value::String(text));
  return record;
}

// The value of `name` in a mapped record; fails the test when the record was rejected.
Value Mapped(const MappingOutcome& outcome, std::string_view name) {
  EXPECT_TRUE(outcome.ok()) << outcome.rejection().ToString();
  if (!outcome.ok()) return Value::Null();
  const Value* value = outcome.record().Find(name);
  EXPECT_NE(value, nullptr) << name;
  return value == nullptr ? Value::Null() : *value;
}

std::string Rejection(const MappingOutcome& outcome) {
  EXPECT_FALSE(outcome.ok());
  return outcome.ok() ? "" : outcome.rejection().ToString();
}

config::MappingFieldConfig With(config::MappingFieldConfig field, void (*change)(config::MappingFieldConfig&)) {
  change(field);
  return field;
}

TEST(CompiledMapping, MapsAChineseCustomerRowIntoTypedFieldsInMappingOrder) {
  config::MappingConfig config = CustomerMapping({
      With(Source("country", "国家"), [](config::MappingFieldConfig& f) { f.lookup = "countries"; }),
      With(Source("address_line", ""),
           [](config::MappingFieldConfig& f) {
             f.sources = {"地址", "城市"};
           }),
      With(Source("founded", "成立日期"),
           [](config::MappingFieldConfig& f) {
             f.date_formats = {"%Y年%m月%d日", "%Y-%m-%d"};
           }),
      With(Source("credit_limit", "额度"),
           [](config::MappingFieldConfig& f) {
             f.number = config::NumberFormatConfig();
             f.number->currency = {"¥"};
           }),
      Source("employees", "员工数"),
      Source("last_contact", "最近联系"),
      Source("active", "有效"),
      With(Source("phone", "电话"),
           [](config::MappingFieldConfig& f) { f.transforms = {MappingTransform::kDigitsOnly}; }),
  });
  config.fields[0].transforms = {MappingTransform::kTrim, MappingTransform::kNfkc, MappingTransform::kCollapseSpaces};
  CompiledMapping mapping = CompileOrDie(config);
  MappingOutcome outcome = mapping.Apply(Row({{"客户名称", "\u3000华为技术（深圳）  有限公司 "},
                                              {"国家", "中国"},
                                              {"地址", "坂田华为基地"},
                                              {"城市", "深圳"},
                                              {"成立日期", "1987年9月15日"},
                                              {"额度", "¥1,234,567.50"},
                                              {"员工数", "207,000"},
                                              {"最近联系", "2023-01-05T22:30:00+08:00"},
                                              {"有效", "是"},
                                              {"电话", "０７５５-2878 0808"}}));
  ASSERT_TRUE(outcome.ok()) << outcome.rejection().ToString();
  const MappedRecord& record = outcome.record();
  EXPECT_EQ(record.entity, &kTestCatalog[0]);
  EXPECT_EQ(record.source_system, "crm");
  EXPECT_EQ(record.source_id, "r1");
  EXPECT_EQ(record.position, "customers.csv:42");
  std::vector<std::string_view> names;
  for (const MappedField& field : record.fields) names.push_back(field.name());
  EXPECT_THAT(names, ElementsAre("name", "kind", "country", "address_line", "founded", "credit_limit", "employees",
                                 "last_contact", "active", "phone"));
  EXPECT_EQ(record.fields[0].value, Value::String("华为技术(深圳) 有限公司"));
  EXPECT_EQ(record.fields[1].value, Value::String("organization"));
  EXPECT_EQ(record.fields[2].value, Value::String("CN"));
  EXPECT_EQ(record.fields[3].value, Value::String("坂田华为基地 深圳"));
  EXPECT_EQ(record.fields[4].value, Value::Date("1987-09-15"));
  EXPECT_EQ(record.fields[5].value, Value::Decimal("1234567.50"));
  EXPECT_EQ(record.fields[6].value, Value::Int64(207000));
  EXPECT_EQ(record.fields[7].value, Value::Timestamp(1672929000000));
  EXPECT_EQ(record.fields[8].value, Value::Bool(true));
  EXPECT_EQ(record.fields[9].value, Value::String("075528780808"));
}

TEST(CompiledMapping, RejectsAnUnreadableDateNamingPositionFieldSourceAndFormats) {
  CompiledMapping mapping =
      CompileOrDie(CustomerMapping({With(Source("founded", "成立日期"), [](config::MappingFieldConfig& f) {
        f.date_formats = {"%Y年%m月%d日", "%Y-%m-%d"};
      })}));
  MappingOutcome outcome = mapping.Apply(Row({{"客户名称", "x"}, {"成立日期", "2023/13/45"}}));
  EXPECT_EQ(Rejection(outcome),
            "customers.csv:42: field 'founded' from '成立日期': '2023/13/45' matches none of the date formats "
            "%Y年%m月%d日, %Y-%m-%d");
  EXPECT_EQ(outcome.rejection().position, "customers.csv:42");
  EXPECT_EQ(outcome.rejection().target, "founded");
  EXPECT_EQ(outcome.rejection().source, "成立日期");
}

struct LookupCase {
  const char* name;
  std::string country;
  std::optional<std::string> default_value;
  std::optional<std::string> expected;  // nullopt: null; "!" + text: rejected with that text
};

void PrintTo(const LookupCase& c, std::ostream* out) { *out << c.name; }

class CodeTableLookup : public ::testing::TestWithParam<LookupCase> {};

TEST_P(CodeTableLookup, TranslatesOrFallsBack) {
  config::MappingConfig config = CustomerMapping({With(Source("country", "国家"), [](config::MappingFieldConfig& f) {
    f.lookup = "countries";
    f.transforms = {MappingTransform::kTrim, MappingTransform::kUpper};
  })});
  config.fields.back().default_value = GetParam().default_value;
  CompiledMapping mapping = CompileOrDie(config);
  MappingOutcome outcome = mapping.Apply(Row({{"客户名称", "x"}, {"国家", GetParam().country}}));
  const std::optional<std::string>& expected = GetParam().expected;
  if (expected && expected->front() == '!') {
    EXPECT_THAT(Rejection(outcome), HasSubstr(expected->substr(1)));
  } else if (expected) {
    EXPECT_EQ(Mapped(outcome, "country"), Value::String(*expected));
  } else {
    EXPECT_EQ(Mapped(outcome, "country"), Value::Null());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CodeTableLookup,
    ::testing::Values(
        LookupCase{"Hit", "中国", std::nullopt, "CN"}, LookupCase{"HitAfterTransforms", " china ", std::nullopt, "CN"},
        LookupCase{"MissTakesTheDefault", "火星", "DE", "DE"},
        LookupCase{"MissWithoutDefaultIsRejectedNamingTheTable", "火星", std::nullopt,
                   "!customers.csv:42: field 'country' from '国家': '火星' is not in code table 'countries', and the "
                   "field has no default"},
        LookupCase{"EmptyTakesTheDefault", " ", "US", "US"},
        LookupCase{"EmptyWithoutDefaultIsNull", "", std::nullopt, std::nullopt}),
    [](const ::testing::TestParamInfo<LookupCase>& info) { return std::string(info.param.name); });

TEST(CompiledMapping, ConcatenatesNonEmptyPartsWithTheSeparator) {
  CompiledMapping mapping =
      CompileOrDie(CustomerMapping({With(Source("address_line", ""), [](config::MappingFieldConfig& f) {
        f.sources = {"省", "市", "区", "街道"};
        f.separator = ", ";
        f.transforms = {MappingTransform::kTrim};
      })}));
  EXPECT_EQ(
      Mapped(mapping.Apply(Row({{"客户名称", "x"}, {"省", "广东省"}, {"市", " "}, {"区", "南山区 "}})), "address_line"),
      Value::String("广东省, 南山区"));
  EXPECT_EQ(Mapped(mapping.Apply(Row({{"客户名称", "x"}, {"市", ""}})), "address_line"), Value::Null());
}

TEST(CompiledMapping, ConstantsFillEveryRecord) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({Constant("country", "DE"), Constant("employees", "12")}));
  for (const char* name : {"a", "b"}) {
    MappingOutcome outcome = mapping.Apply(Row({{"客户名称", name}}));
    EXPECT_EQ(Mapped(outcome, "kind"), Value::String("organization"));
    EXPECT_EQ(Mapped(outcome, "country"), Value::String("DE"));
    EXPECT_EQ(Mapped(outcome, "employees"), Value::Int64(12));
  }
}

TEST(CompiledMapping, RequiredFieldEmptyAfterTransformsIsRejected) {
  config::MappingConfig config = CustomerMapping({With(Source("code", "编码"), [](config::MappingFieldConfig& f) {
    f.required = true;
    f.transforms = {MappingTransform::kDigitsOnly};
  })});
  CompiledMapping mapping = CompileOrDie(config);
  EXPECT_EQ(Rejection(mapping.Apply(Row({{"客户名称", "x"}, {"编码", "无"}}))),
            "customers.csv:42: field 'code' from '编码': is empty, and the field is required");
  EXPECT_EQ(Mapped(mapping.Apply(Row({{"客户名称", "x"}, {"编码", "A-7"}})), "code"), Value::String("7"));
}

TEST(CompiledMapping, FieldsTheCatalogRequiresAreRequiredWithoutSayingSo) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({}));
  EXPECT_THAT(Rejection(mapping.Apply(Row({{"客户名称", ""}}))),
              HasSubstr("field 'name' from '客户名称': is empty, and the field is required"));
  EXPECT_THAT(Rejection(mapping.Apply(Row({{"other", "x"}}))), HasSubstr("field 'name'"));
}

TEST(CompiledMapping, OptionalFieldsAbsentFromTheRecordAreNull) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({Source("founded", "成立日期"), Source("phone", "电话")}));
  MappingOutcome outcome = mapping.Apply(Row({{"客户名称", "x"}}));
  EXPECT_EQ(Mapped(outcome, "founded"), Value::Null());
  EXPECT_EQ(Mapped(outcome, "phone"), Value::Null());
}

TEST(CompiledMapping, ValuesOutsideTheCatalogsAllowedOnesAreRejected) {
  config::MappingConfig config = CustomerMapping({});
  config.fields[1] = Source("kind", "类型", 7);
  CompiledMapping mapping = CompileOrDie(config);
  EXPECT_EQ(Mapped(mapping.Apply(Row({{"客户名称", "x"}, {"类型", "person"}})), "kind"), Value::String("person"));
  EXPECT_EQ(Rejection(mapping.Apply(Row({{"客户名称", "x"}, {"类型", "company"}}))),
            "customers.csv:42: field 'kind' from '类型': 'company' is not one of the allowed values organization, "
            "person");
}

struct TypedCase {
  const char* name;
  const char* target;
  std::string text;
  std::optional<Value> expected;  // nullopt: rejected
  const char* problem = "";
};

void PrintTo(const TypedCase& c, std::ostream* out) { *out << c.name; }

class TypedConversion : public ::testing::TestWithParam<TypedCase> {};

TEST_P(TypedConversion, ReadsTextAsTheFieldsTypeWithDefaultFormats) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({Source(GetParam().target, "值")}));
  MappingOutcome outcome = mapping.Apply(Row({{"客户名称", "x"}, {"值", GetParam().text}}));
  if (GetParam().expected) {
    EXPECT_EQ(Mapped(outcome, GetParam().target), *GetParam().expected);
  } else {
    EXPECT_THAT(Rejection(outcome), HasSubstr(GetParam().problem));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TypedConversion,
    ::testing::Values(
        TypedCase{"IsoDate", "founded", "2023-01-05", Value::Date("2023-01-05")},
        TypedCase{"DateFromIsoTimestamp", "founded", "2023-01-05T10:00:00Z", Value::Date("2023-01-05")},
        TypedCase{"ChineseDateNeedsAFormat", "founded", "2023年1月5日", std::nullopt,
                  "'2023年1月5日' matches none of the date formats %Y-%m-%d, %Y-%m-%dT%H:%M:%S%z"},
        TypedCase{"TimestampWithoutOffsetIsUtc", "last_contact", "2023-01-05 14:30:00",
                  Value::Timestamp(1672929000000)},
        TypedCase{"DecimalWithThousands", "credit_limit", "1,234.56", Value::Decimal("1234.56")},
        TypedCase{"DecimalNotANumber", "credit_limit", "12,34", std::nullopt,
                  "'12,34' is not a number (decimal '.', thousands ',')"},
        TypedCase{"IntegerWithThousands", "employees", "1,200", Value::Int64(1200)},
        TypedCase{"IntegerWithZeroFraction", "employees", "12.00", Value::Int64(12)},
        TypedCase{"IntegerWithFraction", "employees", "12.5", std::nullopt, "'12.5' is not a whole number"},
        TypedCase{"IntegerOverflow", "employees", "9,223,372,036,854,775,808", std::nullopt, "is not a whole number"},
        TypedCase{"BoolChinese", "active", "否", Value::Bool(false)},
        TypedCase{"BoolEnglish", "active", "YES", Value::Bool(true)},
        TypedCase{"BoolUnknown", "active", "maybe", std::nullopt, "'maybe' is not a yes/no value"}),
    [](const ::testing::TestParamInfo<TypedCase>& info) { return std::string(info.param.name); });

TEST(CompiledMapping, TakesTypedSourceValuesAsTheyAre) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping(
      {Source("employees", "n"), Source("credit_limit", "limit"), Source("founded", "day"), Source("active", "on")}));
  sdk::Record record = Row({{"客户名称", "x"}});
  record.Set("n", Value::Int64(7)).Set("limit", Value::Double(1234.5)).Set("day", Value::Date("2020-02-29"));
  record.Set("on", Value::Bool(true));
  MappingOutcome outcome = mapping.Apply(record);
  EXPECT_EQ(Mapped(outcome, "employees"), Value::Int64(7));
  EXPECT_EQ(Mapped(outcome, "credit_limit"), Value::Decimal("1234.5"));
  EXPECT_EQ(Mapped(outcome, "founded"), Value::Date("2020-02-29"));
  EXPECT_EQ(Mapped(outcome, "active"), Value::Bool(true));
}

TEST(CompiledMapping, PassesTheConnectorsRejectionThrough) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({}));
  sdk::Record record = Row({});
  record.rejection = "malformed CSV line: unterminated quote";
  MappingOutcome outcome = mapping.Apply(record);
  EXPECT_EQ(Rejection(outcome), "customers.csv:42: malformed CSV line: unterminated quote");
  EXPECT_TRUE(outcome.rejection().target.empty());
}

TEST(CompiledMapping, MapsADeleteToItsIdentityOnly) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({}));
  sdk::Record record = Row({});
  record.operation = sdk::Operation::kDelete;
  MappingOutcome outcome = mapping.Apply(record);
  ASSERT_TRUE(outcome.ok()) << outcome.rejection().ToString();
  EXPECT_EQ(outcome.record().operation, sdk::Operation::kDelete);
  EXPECT_EQ(outcome.record().source_id, "r1");
  EXPECT_TRUE(outcome.record().fields.empty());
}

TEST(CompiledMapping, TakesTheSourceIdFromTheIdField) {
  config::MappingConfig config = CustomerMapping({});
  config.id_source = "客户编号";
  CompiledMapping mapping = CompileOrDie(config);
  MappingOutcome outcome = mapping.Apply(Row({{"客户名称", "x"}, {"客户编号", " C-001\u3000"}}));
  ASSERT_TRUE(outcome.ok()) << outcome.rejection().ToString();
  EXPECT_EQ(outcome.record().source_id, "C-001");
  sdk::Record numeric = Row({{"客户名称", "x"}});
  numeric.Set("客户编号", Value::Int64(42));
  EXPECT_EQ(mapping.Apply(numeric).record().source_id, "42");
  EXPECT_EQ(Rejection(mapping.Apply(Row({{"客户名称", "x"}, {"客户编号", " "}}))),
            "customers.csv:42: the source id field '客户编号' is empty");
}

TEST(CompiledMapping, RejectsARecordWithoutAnySourceId) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({}));
  sdk::Record record = Row({{"客户名称", "x"}});
  record.source_id.clear();
  EXPECT_EQ(Rejection(mapping.Apply(record)), "customers.csv:42: the record has no source id");
}

config::MappingFieldConfig SystemFrom(const std::string& source) {
  return With(Source("source_system", source), [](config::MappingFieldConfig& f) {
    f.transforms = {MappingTransform::kTrim, MappingTransform::kLower};
  });
}

TEST(CompiledMapping, TakesEachRecordsSourceSystemFromTheSourceSystemTarget) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({SystemFrom("来源")}));
  MappingOutcome finance = mapping.Apply(Row({{"客户名称", "x"}, {"来源", " Finance "}}));
  ASSERT_TRUE(finance.ok()) << finance.rejection().ToString();
  EXPECT_EQ(finance.record().source_system, "finance") << "not the connector's 'crm'";
  EXPECT_EQ(finance.record().Find("source_system"), nullptr) << "the system is the identity, not a model field";
  EXPECT_EQ(mapping.Apply(Row({{"客户名称", "x"}, {"来源", "call_center"}})).record().source_system, "call_center");
  EXPECT_EQ(mapping.SourceSystemOf(Row({{"来源", "Finance"}})), "finance");
}

TEST(CompiledMapping, RejectsARecordWhoseSourceSystemIsEmptyOrNoNameNamingTheField) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({SystemFrom("来源")}));
  MappingOutcome empty = mapping.Apply(Row({{"客户名称", "x"}, {"来源", " "}}));
  EXPECT_EQ(Rejection(empty),
            "customers.csv:42: field 'source_system' from '来源': is empty, and the field is required");
  EXPECT_EQ(empty.rejection().target, "source_system");
  EXPECT_EQ(empty.rejection().source_id, "r1") << "the rest of the identity, for the quarantine entry";
  EXPECT_THAT(Rejection(mapping.Apply(Row({{"客户名称", "x"}}))), HasSubstr("'source_system' from '来源': is empty"));
  EXPECT_THAT(Rejection(mapping.Apply(Row({{"客户名称", "x"}, {"来源", "call center"}}))),
              HasSubstr("'call center' is not a source system name"));
  EXPECT_EQ(mapping.SourceSystemOf(Row({})), "");
}

TEST(CompiledMapping, ASourceSystemDefaultIsTheConfiguredFallback) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping(
      {With(SystemFrom("来源"), [](config::MappingFieldConfig& f) { f.default_value = "legacy_crm"; })}));
  EXPECT_EQ(mapping.Apply(Row({{"客户名称", "x"}, {"来源", ""}})).record().source_system, "legacy_crm");
  EXPECT_EQ(mapping.Apply(Row({{"客户名称", "x"}, {"来源", "erp"}})).record().source_system, "erp");
}

// A code table from source labels to system names: 财务 → finance, 旧 → (empty).
std::vector<config::CodeTableConfig> Systems() {
  config::CodeTableConfig table;
  table.name = "systems";
  table.location = Line(50);
  table.entries = {{"财务", "finance", Line(51)}, {"旧", "", Line(52)}};
  return {table};
}

config::MappingFieldConfig SystemLookedUp() {
  return With(Source("source_system", "来源"), [](config::MappingFieldConfig& f) { f.lookup = "systems"; });
}

TEST(CompiledMapping, ALookedUpSourceSystemThatIsEmptyRejectsTheRecordNamingTheField) {
  auto compiled = CompiledMapping::Compile(CustomerMapping({SystemLookedUp()}), Systems(), kTestCatalog);
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  EXPECT_EQ(compiled->Apply(Row({{"客户名称", "x"}, {"来源", "财务"}})).record().source_system, "finance");
  MappingOutcome empty = compiled->Apply(Row({{"客户名称", "x"}, {"来源", "旧"}}));
  ASSERT_FALSE(empty.ok()) << "given '" << empty.record().source_system << "', not the connector's name";
  EXPECT_EQ(Rejection(empty),
            "customers.csv:42: field 'source_system' from '来源': is empty, and the field is required");
  EXPECT_EQ(compiled->SourceSystemOf(Row({{"来源", "旧"}})), "");
}

TEST(CompiledMapping, ALookedUpEmptySourceSystemTakesTheDefault) {
  auto compiled = CompiledMapping::Compile(
      CustomerMapping({With(SystemLookedUp(), [](config::MappingFieldConfig& f) { f.default_value = "legacy_crm"; })}),
      Systems(), kTestCatalog);
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  EXPECT_EQ(compiled->Apply(Row({{"客户名称", "x"}, {"来源", "旧"}})).record().source_system, "legacy_crm");
  EXPECT_EQ(compiled->Apply(Row({{"客户名称", "x"}, {"来源", "?"}})).record().source_system, "legacy_crm");
}

TEST(CompiledMapping, ACodeTableGivingTheSourceSystemMustHoldSystemNames) {
  std::vector<config::CodeTableConfig> tables = Systems();
  tables[0].entries.push_back({"呼叫中心", "Call Center", Line(53)});
  auto compiled = CompiledMapping::Compile(CustomerMapping({SystemLookedUp()}), tables, kTestCatalog);
  ASSERT_FALSE(compiled.ok());
  EXPECT_THAT(compiled.status().message(), HasSubstr("hub.xml:53"));
  EXPECT_THAT(compiled.status().message(), HasSubstr("'Call Center' is not a source system name"));
}

TEST(CompiledMapping, WithoutASourceSystemTargetARecordKeepsTheSystemItCameWith) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({}));
  EXPECT_EQ(mapping.Apply(Row({{"客户名称", "x"}})).record().source_system, "crm");
  EXPECT_EQ(mapping.SourceSystemOf(Row({})), "crm");
}

TEST(CompiledMapping, ADeleteAndARejectedRecordCarryTheirSourceSystem) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({SystemFrom("来源"), Source("founded", "成立日期")}));
  sdk::Record gone = Row({{"来源", "finance"}});
  gone.operation = sdk::Operation::kDelete;
  EXPECT_EQ(mapping.Apply(gone).record().source_system, "finance");
  MappingOutcome bad = mapping.Apply(Row({{"客户名称", "x"}, {"来源", "finance"}, {"成立日期", "soon"}}));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.rejection().source_system, "finance");
  EXPECT_EQ(bad.rejection().source_id, "r1");
  sdk::Record nameless = Row({{"客户名称", "x"}, {"来源", "finance"}});
  nameless.source_id.clear();
  EXPECT_EQ(mapping.Apply(nameless).rejection().source_system, "finance");
}

TEST(CompiledMapping, FindsFieldsWhateverTheirOrderInEachRecord) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({Source("phone", "电话"), Source("code", "编码")}));
  MappingOutcome first = mapping.Apply(Row({{"客户名称", "a"}, {"电话", "1"}, {"编码", "x"}}));
  MappingOutcome second = mapping.Apply(Row({{"编码", "y"}, {"电话", "2"}, {"客户名称", "b"}}));
  EXPECT_EQ(Mapped(first, "phone"), Value::String("1"));
  EXPECT_EQ(Mapped(second, "phone"), Value::String("2"));
  EXPECT_EQ(Mapped(second, "code"), Value::String("y"));
  EXPECT_EQ(Mapped(second, "name"), Value::String("b"));
}

TEST(CompiledMapping, ReportsSourceFieldsNoRecordHad) {
  CompiledMapping mapping = CompileOrDie(CustomerMapping({Source("phone", "电话"), Source("code", "编玛")}));
  EXPECT_THAT(mapping.UnseenSources(), ElementsAre("客户名称", "电话", "编玛"));
  ASSERT_TRUE(mapping.Apply(Row({{"客户名称", "a"}, {"电话", "1"}, {"编码", "x"}})).ok());
  EXPECT_THAT(mapping.UnseenSources(), ElementsAre("编玛"));
}

}  // namespace
}  // namespace hub::sync::mapping
