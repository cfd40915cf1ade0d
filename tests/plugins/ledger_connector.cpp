// A connector that reads records of several entities and ships the default mapping set "ledger_v1" for them
// (ABI 1.2), for the tests of jobs of several mappings and of <mapping use="...">. It reads, in one batch: two
// parties, two products (units PCE and KGM, which the set's scoped code table "units" translates) and a note
// (an entity the set does not map); it counts the records it reads ("records_read").
#include <hub/sdk/sdk.hpp>

#include <cstdint>
#include <string>

namespace ledger {

using hub::sdk::Record;
using hub::sdk::Value;

constexpr char kLedgerV1[] = R"(<mappings>
  <mapping entity="party">
    <field target="kind" value="organization"/>
    <field target="name" source="name"/>
  </mapping>
  <mapping entity="product">
    <field target="sku" source="code"/>
    <field target="name" source="title"/>
    <field target="unit" source="uom" lookup="units"/>
  </mapping>
  <code_tables>
    <table name="units">
      <entry code="PCE" value="pcs"/>
      <entry code="KGM" value="kg"/>
    </table>
  </code_tables>
</mappings>
)";

class LedgerConnector final : public hub::sdk::Connector {
 public:
  explicit LedgerConnector(hub::sdk::Context& context) : context_(context) {}

  static hub::sdk::PluginDescription Describe() {
    hub::sdk::PluginDescription description;
    description.name = "test_ledger";
    description.version = "1.0.0";
    description.description = "Parties, products and a note, with the default mapping ledger_v1.";
    description.default_mappings = {{"ledger_v1", "The ledger's parties and products.", kLedgerV1}};
    return description;
  }

  hub::sdk::Status Configure(const hub::sdk::Options&) override { return hub::sdk::Status::Ok(); }

  hub::sdk::Result<hub::sdk::Batch> ReadBatch(std::string_view cursor, std::size_t) override {
    hub::sdk::Batch batch;
    batch.end_of_data = true;
    batch.next_cursor = "done";
    if (cursor == "done") return batch;
    batch.records = {Make("party", "C1").Set("name", Value::String("Acme")),
                     Make("product", "P1")
                         .Set("code", Value::String("SKU-1"))
                         .Set("title", Value::String("Bolt"))
                         .Set("uom", Value::String("PCE")),
                     Make("party", "C2").Set("name", Value::String("Globex")),
                     Make("product", "P2")
                         .Set("code", Value::String("SKU-2"))
                         .Set("title", Value::String("Sand"))
                         .Set("uom", Value::String("KGM")),
                     Make("note", "N1").Set("text", Value::String("call back"))};
    context_.Count("records_read", static_cast<std::int64_t>(batch.records.size()));
    return batch;
  }

 private:
  static Record Make(const std::string& entity, const std::string& id) {
    Record record;
    record.entity = entity;
    record.source_id = id;
    record.cursor = "done";
    record.position = "ledger:" + entity + "/" + id;
    return record;
  }

  hub::sdk::Context& context_;
};

}  // namespace ledger

HUB_EXPORT_CONNECTOR(ledger::LedgerConnector)
