// A mapping as written in a configuration file, loaded, compiled against the built-in model and applied.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "config/config_loader.hpp"
#include "sync/mapping/compiled_mapping.hpp"

namespace hub::sync::mapping {
namespace {

constexpr const char* kFile = R"(<hub>
  <store><connection>DSN=x</connection></store>
  <plugins dir="."/>
  <connectors><connector name="crm" plugin="file"/></connectors>
  <jobs>
    <job name="customers" connector="crm">
      <mapping entity="party" id="客户编号">
        <field target="name"          source="客户名称" transform="trim|nfkc|collapse_spaces"/>
        <field target="kind"          value="organization"/>
        <field target="country"       source="国家" transform="trim" lookup="countries" default="CN"/>
        <field target="address_line"  concat="城市, 地址" separator=" " transform="trim"/>
        <field target="uscc"          source="统一社会信用代码" transform="nfkc|upper" required="true"/>
        <field target="birth_date"    source="生日" date="%Y年%m月%d日|%Y-%m-%d"/>
        <field target="grade"         source="等级" lookup="grades"/>
      </mapping>
    </job>
  </jobs>
  <code_tables>
    <table name="countries"><entry code="中国" value="CN"/><entry code="美国" value="US"/></table>
    <table name="grades"><entry code="重要" value="A"/><entry code="一般" value="Z"/></table>
  </code_tables>
</hub>
)";

// The configuration file above, written to a fresh temporary file and loaded.
class MappingFromConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() / ("hub_mapping_" + std::to_string(getpid()) + ".xml");
    std::ofstream(file_) << kFile;
    result_ = config::LoadConfig(file_, [](const std::string&) { return std::nullopt; });
    ASSERT_TRUE(result_.ok()) << config::FormatErrors(result_.errors);
  }
  void TearDown() override { std::filesystem::remove(file_); }

  std::filesystem::path file_;
  config::ConfigLoadResult result_;
};

TEST_F(MappingFromConfig, ReportsACodeTableValueTheModelRefusesAtItsLine) {
  auto compiled = CompiledMapping::Compile(result_.config->jobs[0].mappings.at(0), result_.config->code_tables);
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.status().message(),
            file_.string() +
                ":20: <field target=\"grade\">: code table 'grades' entry '一般': value 'Z' is not one of the allowed "
                "values A, B, C");
}

TEST_F(MappingFromConfig, MapsARecordOnceTheTableIsFixed) {
  config::HubConfig& config = *result_.config;
  config.code_tables[1].entries[1].value = "B";
  auto compiled = CompiledMapping::Compile(config.jobs[0].mappings.at(0), config.code_tables);
  ASSERT_TRUE(compiled.ok()) << compiled.status().message();
  sdk::Record record;
  record.source_system = "crm";
  record.position = "customers.csv:2";
  record.Set("客户编号", sdk::Value::String("C-7"))
      .Set("客户名称", sdk::Value::String("华为技术（深圳）有限公司"))
      .Set("国家", sdk::Value::String("中国 "))
      .Set("城市", sdk::Value::String("深圳"))
      .Set("地址", sdk::Value::String("坂田"))
      .Set("统一社会信用代码", sdk::Value::String("９１４４０３００ｍａ５ｆ"))
      .Set("生日", sdk::Value::String(""))
      .Set("等级", sdk::Value::String("一般"));
  MappingOutcome outcome = compiled->Apply(record);
  ASSERT_TRUE(outcome.ok()) << outcome.rejection().ToString();
  EXPECT_EQ(outcome.record().source_id, "C-7");
  EXPECT_EQ(*outcome.record().Find("name"), sdk::Value::String("华为技术(深圳)有限公司"));
  EXPECT_EQ(*outcome.record().Find("country"), sdk::Value::String("CN"));
  EXPECT_EQ(*outcome.record().Find("address_line"), sdk::Value::String("深圳 坂田"));
  EXPECT_EQ(*outcome.record().Find("uscc"), sdk::Value::String("91440300MA5F"));
  EXPECT_EQ(*outcome.record().Find("birth_date"), sdk::Value::Null());
  EXPECT_EQ(*outcome.record().Find("grade"), sdk::Value::String("B"));

  record.fields[5].value = sdk::Value::String("");
  MappingOutcome without_uscc = compiled->Apply(record);
  ASSERT_FALSE(without_uscc.ok());
  EXPECT_EQ(without_uscc.rejection().ToString(),
            "customers.csv:2: field 'uscc' from '统一社会信用代码': is empty, and the field is required");
}

}  // namespace
}  // namespace hub::sync::mapping
