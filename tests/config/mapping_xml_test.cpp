// A mapping written back as XML (`hub check-config --mappings`): every option as written, and read back the same.
#include "config/mapping_xml.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.hpp"
#include "config_test_support.hpp"

namespace hub::config {
namespace {

using testing::FakeEnv;
using ::testing::HasSubstr;
using testing::TempDir;

// The first mapping of the only job of a file whose <jobs> holds `job`.
MappingConfig Loaded(TempDir& dir, const std::string& job) {
  ConfigLoadResult result =
      LoadConfig(dir.Write("hub.xml",
                           "<hub><store><connection>DSN=x</connection></store><plugins dir=\".\"/>"
                           "<connectors><connector name=\"crm\" plugin=\"file\"/></connectors><jobs>" +
                               job +
                               "</jobs><code_tables><table name=\"countries\"><entry code=\"中国\" value=\"CN\"/>"
                               "</table></code_tables></hub>"),
                 FakeEnv({}));
  EXPECT_TRUE(result.ok()) << FormatErrors(result.errors);
  return result.ok() ? result.config->jobs.at(0).mappings.at(0) : MappingConfig{};
}

TEST(MappingXml, WritesEveryOptionAndReadsBackTheSame) {
  TempDir dir;
  HubConfig config;
  MappingConfig mapping = Loaded(dir, R"(<job name="customers" connector="crm">
  <mapping entity="party" id="客户编号">
    <field target="name" source="客户名称" transform="trim|nfkc|collapse_spaces" required="true"/>
    <field target="kind" value="organization"/>
    <field target="country" source="国家" lookup="countries" default="CN"/>
    <field target="address_line" concat="地址,城市" separator=" / "/>
    <field target="founded" source="成立日期" date="%Y年%m月%d日|%Y-%m-%d"/>
    <field target="credit_limit" source="额度" number="decimal=,|currency=¥|scale=2"/>
    <field target="phone" source="电话" number="decimal=.|thousands=none"/>
    <field target="parent_source_id" source="上级" system="erp"/>
  </mapping>
</job>)");
  const std::string xml = MappingXml(mapping, config);
  EXPECT_THAT(xml, HasSubstr(R"(<mapping entity="party" id="客户编号">)"));
  EXPECT_THAT(xml, HasSubstr(R"(transform="trim|nfkc|collapse_spaces" required="true")"));
  EXPECT_THAT(xml, HasSubstr(R"(concat="地址,城市" separator=" / ")"));
  EXPECT_THAT(xml, HasSubstr(R"(number="decimal=,|thousands=.|currency=¥|scale=2")"));
  EXPECT_THAT(xml, HasSubstr(R"(system="erp")"));
  MappingConfig again = Loaded(dir, R"(<job name="customers" connector="crm">)" + xml + "</job>");
  EXPECT_EQ(MappingXml(again, config), xml);
}

TEST(MappingXml, AMappingOfADefaultSetNamesItAndShowsTheSetsTablesTheConfigurationDoesNotOverride) {
  MappingConfig mapping;
  mapping.entity = "product";
  mapping.use = "ledger_v1";
  MappingFieldConfig unit;
  unit.target = "unit";
  unit.sources = {"uom"};
  unit.lookup = "units";
  mapping.fields = {unit};
  CodeTableConfig units{"units", {{"PCE", "pcs", {}}}, {}};
  CodeTableConfig colours{"colours", {{"R", "red", {}}}, {}};
  mapping.scoped_tables = {units, colours};
  HubConfig config;
  config.code_tables = {colours};
  EXPECT_EQ(MappingXml(mapping, config, 1),
            "  <!-- from the default mapping 'ledger_v1' of the connector's plugin -->\n"
            "  <mapping entity=\"product\">\n"
            "    <field target=\"unit\" source=\"uom\" lookup=\"units\" />\n"
            "  </mapping>\n"
            "  <code_tables>\n"
            "    <table name=\"units\">\n"
            "      <entry code=\"PCE\" value=\"pcs\" />\n"
            "    </table>\n"
            "  </code_tables>\n");
}

}  // namespace
}  // namespace hub::config
