// Several <mapping>s per job and <mapping use="...">: what the loader reads and refuses at its line, and what
// ResolveMappingUses takes from a plugin's declared default mappings (errors in the plugin's document at its
// own lines).
#include "config/mapping_use.hpp"

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

// A valid file whose lines 5.. are `body`, inside <jobs>, and whose line after </jobs> is `tables`.
std::string FileWith(const std::string& body, const std::string& tables = "") {
  return "<hub>\n"
         "  <store><connection>DSN=x</connection></store>\n"
         "  <plugins dir=\".\"/><connectors><connector name=\"books\" plugin=\"ledger\"/></connectors>\n"
         "  <jobs>\n" +
         body + "\n  </jobs>\n" + tables + "\n</hub>\n";
}

// The plugin "ledger", declaring the set "ledger_v1" (line 2: party, line 6: product, a scoped table "units").
sdk::PluginDescription Ledger(std::string xml = "") {
  if (xml.empty()) {
    xml =
        "<mappings>\n"                                                     // 1
        "  <mapping entity=\"party\" id=\"no\">\n"                         // 2
        "    <field target=\"kind\" value=\"organization\"/>\n"            // 3
        "    <field target=\"name\" source=\"name\"/>\n"                   // 4
        "  </mapping>\n"                                                   // 5
        "  <mapping entity=\"product\">\n"                                 // 6
        "    <field target=\"sku\" source=\"code\"/>\n"                    // 7
        "    <field target=\"name\" source=\"title\"/>\n"                  // 8
        "    <field target=\"unit\" source=\"uom\" lookup=\"units\"/>\n"   // 9
        "  </mapping>\n"                                                   // 10
        "  <code_tables><table name=\"units\">\n"                          // 11
        "    <entry code=\"PCE\" value=\"pcs\"/></table></code_tables>\n"  // 12
        "</mappings>\n";
  }
  sdk::PluginDescription plugin;
  plugin.name = "ledger";
  plugin.version = "1.0.0";
  plugin.default_mappings = {{"ledger_v1", "the ledger's own tables", std::move(xml)}, {"other", "", "<mappings/>"}};
  return plugin;
}

class MappingUseTest : public ::testing::Test {
 protected:
  // Loads `body` (which must load) and resolves it against `plugin`: the errors of the resolution.
  std::vector<ConfigError> Resolve(const std::string& body, const sdk::PluginDescription& plugin = Ledger(),
                                   const std::string& tables = "") {
    ConfigLoadResult loaded = LoadConfig(dir_.Write("hub.xml", FileWith(body, tables)), FakeEnv({}));
    EXPECT_TRUE(loaded.ok()) << FormatErrors(loaded.errors);
    if (!loaded.ok()) return {};
    config_ = std::move(*loaded.config);
    return ResolveMappingUses(&config_, [&](const ConnectorConfig&) { return &plugin; });
  }
  const std::vector<MappingConfig>& Mappings() const { return config_.jobs.at(0).mappings; }

  TempDir dir_;
  HubConfig config_;
};

std::vector<std::string> Entities(const std::vector<MappingConfig>& mappings) {
  std::vector<std::string> entities;
  for (const MappingConfig& mapping : mappings) entities.push_back(mapping.entity);
  return entities;
}

const MappingFieldConfig* FieldOf(const MappingConfig& mapping, const std::string& target) {
  for (const MappingFieldConfig& field : mapping.fields) {
    if (field.target == target) return &field;
  }
  return nullptr;
}

TEST_F(MappingUseTest, AJobHoldsOneMappingPerEntity) {
  EXPECT_TRUE(Resolve(R"(<job name="books" connector="books">
  <mapping entity="party"><field target="name" source="n"/></mapping>
  <mapping entity="product"><field target="sku" source="s"/></mapping>
</job>)")
                  .empty());
  EXPECT_THAT(Entities(Mappings()), ElementsAre("party", "product"));
}

TEST_F(MappingUseTest, UseTakesTheSetWholeWithItsScopedTables) {
  EXPECT_TRUE(Resolve(R"(<job name="books" connector="books"><mapping use="ledger_v1"/></job>)").empty());
  ASSERT_THAT(Entities(Mappings()), ElementsAre("party", "product"));
  EXPECT_EQ(Mappings()[0].use, "ledger_v1");
  EXPECT_EQ(Mappings()[0].id_source, "no");
  EXPECT_EQ(Mappings()[0].location.ToString(), "plugin ledger mapping 'ledger_v1':2");
  ASSERT_EQ(Mappings()[1].scoped_tables.size(), 1u);
  EXPECT_EQ(Mappings()[1].scoped_tables[0].name, "units");
  EXPECT_EQ(FieldOf(Mappings()[1], "unit")->location.ToString(), "plugin ledger mapping 'ledger_v1':9");
}

TEST_F(MappingUseTest, AnEntityOfTheSetTakesTheJobsFieldsInPlaceOfTheSets) {
  EXPECT_TRUE(Resolve(R"(<job name="books" connector="books">
  <mapping use="ledger_v1"/>
  <mapping use="ledger_v1" entity="product" id="code">
    <field target="name" source="long_title"/>
    <field target="category" value="parts"/>
  </mapping>
</job>)")
                  .empty());
  ASSERT_THAT(Entities(Mappings()), ElementsAre("party", "product")) << "the changed one in the set's place";
  const MappingConfig& product = Mappings()[1];
  EXPECT_EQ(product.id_source, "code");
  EXPECT_EQ(FieldOf(product, "name")->sources, std::vector<std::string>{"long_title"});
  EXPECT_EQ(FieldOf(product, "name")->location.line, 8);
  EXPECT_EQ(FieldOf(product, "sku")->sources, std::vector<std::string>{"code"}) << "the set's other fields stay";
  EXPECT_EQ(FieldOf(product, "category")->constant, "parts");
}

TEST_F(MappingUseTest, AnEntityOfTheSetAloneTakesOnlyThatMapping) {
  EXPECT_TRUE(
      Resolve(R"(<job name="books" connector="books"><mapping use="ledger_v1" entity="product"/></job>)").empty());
  EXPECT_THAT(Entities(Mappings()), ElementsAre("product"));
}

TEST_F(MappingUseTest, RefusesAnUnknownSetListingTheSetsThePluginDeclares) {
  std::vector<ConfigError> errors = Resolve(R"(<job name="books" connector="books"><mapping use="odoo17"/></job>)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].location.line, 5);
  EXPECT_EQ(errors[0].message,
            "job 'books': <mapping use=\"odoo17\">: plugin ledger declares no default mapping 'odoo17'; it declares: "
            "ledger_v1, other (see `hub plugins`)");
}

TEST_F(MappingUseTest, RefusesAnEntityTheSetDoesNotMap) {
  std::vector<ConfigError> errors =
      Resolve(R"(<job name="books" connector="books"><mapping use="ledger_v1" entity="invoice"/></job>)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message,
              HasSubstr("plugin ledger's mapping 'ledger_v1' has no mapping for entity 'invoice'; it maps: party, "
                        "product"));
}

TEST_F(MappingUseTest, RefusesTwoMappingsOfOneEntityNamingBothLines) {
  std::vector<ConfigError> errors = Resolve(R"(<job name="books" connector="books">
  <mapping use="ledger_v1"/>
  <mapping entity="party"><field target="name" source="n"/></mapping>
</job>)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].location.line, 7);
  EXPECT_THAT(errors[0].message,
              HasSubstr("<mapping entity=\"party\">: maps entity 'party', which <mapping use=\"ledger_v1\"> (line 6) "
                        "maps already: a job holds at most one mapping per entity; to change some of the set's fields "
                        "for it, write <mapping use=\"ledger_v1\" entity=\"party\">"));
}

TEST_F(MappingUseTest, ErrorsInThePluginsDocumentAreAtItsOwnLines) {
  sdk::PluginDescription broken = Ledger(
      "<mappings>\n"
      "  <mapping entity=\"party\" use=\"x\"/>\n"
      "  <mapping><field target=\"name\" source=\"n\"/></mapping>\n"
      "</mappings>\n");
  std::vector<ConfigError> errors = Resolve(R"(<job name="a" connector="books"><mapping use="ledger_v1"/></job>
<job name="b" connector="books"><mapping use="ledger_v1"/></job>)",
                                            broken);
  ASSERT_EQ(errors.size(), 2u) << "the set is read once, for both jobs: " << FormatErrors(errors);
  EXPECT_THAT(errors[0].ToString(),
              HasSubstr("plugin ledger mapping 'ledger_v1':2: unknown attribute 'use' on <mapping>"));
  EXPECT_THAT(errors[1].ToString(), HasSubstr("plugin ledger mapping 'ledger_v1':3: <mapping> is missing the "
                                              "required attribute 'entity'"));
  std::vector<ConfigError> syntax = Resolve(R"(<job name="a" connector="books"><mapping use="ledger_v1"/></job>)",
                                            Ledger("<mappings>\n<mapping entity=\"party\">\n</mappings>"));
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_THAT(syntax[0].ToString(), HasSubstr("plugin ledger mapping 'ledger_v1':3: XML syntax error"));
}

TEST(MappingUseShape, RefusesAWholeSetWithFieldsAndTwoUsesOfOneSet) {
  TempDir dir;
  ConfigLoadResult result = LoadConfig(dir.Write("hub.xml", FileWith("<job name=\"j\" connector=\"books\">\n"
                                                                     "<mapping use=\"ledger_v1\" id=\"x\"/>\n"
                                                                     "<mapping use=\"ledger_v1\"/>\n"
                                                                     "<mapping use=\"Bad\"/>\n"
                                                                     "</job>")),
                                       FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 3u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, 6);
  EXPECT_THAT(result.errors[0].message, HasSubstr("takes the set whole, so it has no 'id' and no <field>s"));
  EXPECT_EQ(result.errors[1].location.line, 7);
  EXPECT_THAT(result.errors[1].message, HasSubstr("duplicate <mapping use=...> of set 'ledger_v1' (first at line 6)"));
  EXPECT_EQ(result.errors[2].location.line, 8);
  EXPECT_THAT(result.errors[2].message, HasSubstr("'Bad' is not a name"));
}

}  // namespace
}  // namespace hub::config
