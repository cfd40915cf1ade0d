// The per-entity behaviour registry: which writer stores an entity and what keeps the fields its main table
// does not hold.
#include "store/model/entity_behaviour.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "model/catalog.hpp"
#include "store/model/entity_columns.hpp"

namespace hub::store_model {
namespace {

TEST(EntityBehaviour, PartiesHaveTheirOwnWriterWithABulkPath) {
  const EntityBehaviour& party = BehaviourOf(*model::FindEntity("party"));
  EXPECT_EQ(party.writer, WriterKind::kParty);
  EXPECT_TRUE(party.InsertsInBulk());
  const EntityBehaviour& order = BehaviourOf(*model::FindEntity("order"));
  EXPECT_EQ(order.writer, WriterKind::kGeneric);
  EXPECT_EQ(order.extension, nullptr);
}

TEST(EntityBehaviour, EntitiesWhoseWriterDoesNothingBesideTheRowHaveABulkPath) {
  EXPECT_TRUE(BehaviourOf(*model::FindEntity("invoice")).InsertsInBulk());
  EXPECT_TRUE(BehaviourOf(*model::FindEntity("invoice_line")).InsertsInBulk());
  EXPECT_FALSE(BehaviourOf(*model::FindEntity("employee")).InsertsInBulk()) << "teams, status events";
  EXPECT_FALSE(BehaviourOf(*model::FindEntity("contact")).InsertsInBulk()) << "the person";
}

TEST(EntityBehaviour, EmployeesContactsOpportunitiesAndActivitiesHaveAnExtension) {
  for (const char* name : {"employee", "contact", "opportunity", "activity"}) {
    const EntityBehaviour& behaviour = BehaviourOf(*model::FindEntity(name));
    EXPECT_EQ(behaviour.writer, WriterKind::kGeneric) << name;
    EXPECT_NE(behaviour.extension, nullptr) << name;
  }
}

// A field the generic writer cannot place in the main table is written by the entity's own writer or its
// extension, never silently dropped.
TEST(EntityBehaviour, EveryFieldOutsideTheMainTableHasAWriterThatKeepsIt) {
  for (const model::EntitySpec& entity : model::Entities()) {
    const EntityBehaviour& behaviour = BehaviourOf(entity);
    if (ColumnsOf(entity).elsewhere.empty()) continue;
    EXPECT_TRUE(behaviour.writer != WriterKind::kGeneric || behaviour.extension != nullptr)
        << entity.name << " keeps " << ColumnsOf(entity).elsewhere.front()->name << " outside " << entity.table
        << " with nothing to write it";
  }
}

TEST(EntityBehaviour, TheEventsOfAnAggregateAreAnEntitysOrThoseOfTheRowsTheWritersMake) {
  EXPECT_EQ(EventChangesOfAggregate("order"), EventChangesOf(*model::FindEntity("order")));
  EXPECT_EQ(EventChangesOfAggregate("task"), (std::vector<std::string>{"created", "done", "cancelled"}));
  EXPECT_EQ(EventChangesOfAggregate("lead_candidate"), std::vector<std::string>{"created"});
  EXPECT_EQ(EventChangesOfAggregate("intent"),
            (std::vector<std::string>{"created", "suggested", "purchased", "invalid"}));
  EXPECT_EQ(EventChangesOfAggregate("customer_care"), (std::vector<std::string>{"birthday", "holiday"}));
  EXPECT_EQ(EventChangesOfAggregate("funnel_alert"),
            (std::vector<std::string>{"lead_stalled", "intents_not_signing", "high_abandonment", "cycle_too_long",
                                      "outside_signings", "no_contact"}));
  EXPECT_EQ(EventChangesOfAggregate("callback"), std::nullopt);
  EXPECT_EQ(EventChangesOfAggregate("party"),
            (std::vector<std::string>{"created", "updated", "deleted", "golden_changed"}))
      << "the match job's golden-record changes are a party's too";
  EXPECT_EQ(EventChangesOfAggregate("lead"), (std::vector<std::string>{"created", "updated", "deleted", "assigned",
                                                                       "sla_missed", "review_requested", "reviewed"}))
      << "a lead's assignment to its owner, by its routing, its owner's missed SLA and its review are a lead's "
         "changes too";
}

}  // namespace
}  // namespace hub::store_model
