// A writer's check that fails because of the hub's own code — a reference to an entity the catalog does
// not have, a record handed to the wrong writer, a statement with an unknown dialect token — answers
// Internal, which the sink never takes for a record's fault (IsRecordsFault): the batch ends, nothing is
// quarantined for it. Both engines.
#include <gtest/gtest.h>

#include <string>

#include "hub/odbc/transaction.hpp"
#include "model/catalog.hpp"
#include "store/model/entity_writer.hpp"
#include "store/model/references.hpp"
#include "store/model/source_links.hpp"
#include "store/model/store_fault.hpp"
#include "store/model/store_statements.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

class HubDefectTest : public sync::test::SinkTest {
 protected:
  // Expects `status` to be the hub's own fault: Internal, and not a record's fault.
  static void ExpectHubDefect(const sdk::Status& status) {
    EXPECT_EQ(status.code(), sdk::StatusCode::kInternal) << status.ToString();
    EXPECT_FALSE(IsRecordsFault(status)) << status.ToString();
  }

  static model::MappedRecord RecordOf(std::string_view entity) {
    model::MappedRecord record;
    record.entity = model::FindEntity(entity);
    record.source_system = "erp";
    record.source_id = "1";
    return record;
  }
};

TEST_P(HubDefectTest, AReferenceToAnEntityTheCatalogLacksIsInternal) {
  SourceLinks links(*connection_);
  References references(*connection_, links);
  auto resolved = references.Resolve(model::FieldReference{"no_such_entity", "source_id"}, "erp", "C-1");
  ASSERT_FALSE(resolved.ok());
  ExpectHubDefect(resolved.status());
}

TEST_P(HubDefectTest, ResolvingAFieldThatIsNoReferenceIsInternal) {
  SourceLinks links(*connection_);
  References references(*connection_, links);
  const model::MappedRecord record = RecordOf("party");
  const model::MappedField name{record.entity->FindField("name"), sdk::Value::String("Acme"), {}};
  auto resolved = references.ResolveField(record, name);
  ASSERT_FALSE(resolved.ok());
  ExpectHubDefect(resolved.status());
}

TEST_P(HubDefectTest, ANaturalKeyLookUpOfAnEntityWithoutOneIsInternal) {
  SourceLinks links(*connection_);
  References references(*connection_, links);
  auto found = references.FindByNaturalKey(*model::FindEntity("order"), "O-1");
  ASSERT_FALSE(found.ok());
  ExpectHubDefect(found.status());
}

TEST_P(HubDefectTest, APartyHandedToTheGenericWriterIsInternal) {
  auto transaction = odbc::Transaction::Begin(*connection_);
  ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
  auto turn = odbc::TakeOutboxWriterTurn(*connection_);
  ASSERT_TRUE(turn.ok()) << turn.status().ToString();
  SourceLinks links(*connection_);
  EntityWriter writer(*connection_, links, *turn);
  model::MappedRecord party = RecordOf("party");
  party.fields.push_back({party.entity->FindField("kind"), sdk::Value::String("organization"), {}});
  party.fields.push_back({party.entity->FindField("name"), sdk::Value::String("Acme"), {}});
  auto written = writer.Write(party);
  ASSERT_FALSE(written.ok());
  ExpectHubDefect(written.status());
}

TEST_P(HubDefectTest, AStatementWithAnUnknownDialectTokenIsInternal) {
  auto prepared = PrepareStoreStatement(*connection_, "SELECT {{no_such_token}}");
  ASSERT_FALSE(prepared.ok());
  ExpectHubDefect(prepared.status());
}

INSTANTIATE_TEST_SUITE_P(Engines, HubDefectTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
