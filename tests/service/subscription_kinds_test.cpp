// The event kinds a delivery job's <subscribe kinds=…> may name are the ones the store records for the entity,
// as its writers register them: employee.status_changed loads, a change no writer records is refused at load
// with the kinds the entity has; the rows the store makes of its own accord (a callback task, a lead
// candidate) are subscribed to by their created events, the customer-care greetings by theirs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/logging.hpp"
#include "config/config_error.hpp"
#include "service/hub_setup.hpp"
#include "support/temp_dir.hpp"

namespace hub::service {
namespace {

using ::testing::HasSubstr;

HubSetupResult LoadSubscribing(const hub::test::TempDir& files, const std::string& kinds) {
  const auto file = files.Write(
      "hub.xml", "<hub>\n  <store><connection>Driver=SQLite3;Database=" + (files.path() / "hub.db").string() +
                     "</connection></store>\n  <plugins system=\"false\"><dir>" + HUB_LOOP_PLUGIN_DIR +
                     "</dir></plugins>\n  <connectors><connector name=\"loop\" plugin=\"test_loop\"/></connectors>\n"
                     "  <jobs><job name=\"reassign\" kind=\"delivery\" connector=\"loop\"><subscribe kinds=\"" +
                     kinds + "\"/></job></jobs>\n</hub>\n");
  return LoadHubSetup(file, MakeLogger("test"));
}

TEST(SubscriptionKinds, AnEmployeesStatusChangeIsAKindToSubscribeTo) {
  hub::test::TempDir files;
  HubSetupResult loaded = LoadSubscribing(files, "employee.status_changed employee.updated");
  EXPECT_TRUE(loaded.ok()) << config::FormatErrors(loaded.errors);
}

TEST(SubscriptionKinds, AGoldenRecordChangeOfTheMatchJobIsAKindToSubscribeTo) {
  hub::test::TempDir files;
  HubSetupResult loaded = LoadSubscribing(files, "party.golden_changed");
  EXPECT_TRUE(loaded.ok()) << config::FormatErrors(loaded.errors);
}

TEST(SubscriptionKinds, AChangeNoWriterRecordsIsRefusedNamingTheEntitysKinds) {
  hub::test::TempDir files;
  HubSetupResult loaded = LoadSubscribing(files, "order.status_changed");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(config::FormatErrors(loaded.errors),
              HasSubstr("kind 'order.status_changed': the store records no 'status_changed' events of order (its "
                        "kinds end in .created, .updated, .deleted)"));
}

TEST(SubscriptionKinds, TheTasksAndLeadCandidatesTheStoreMakesAreKindsToSubscribeTo) {
  hub::test::TempDir files;
  HubSetupResult loaded = LoadSubscribing(files, "task.created lead_candidate.created");
  EXPECT_TRUE(loaded.ok()) << config::FormatErrors(loaded.errors);
}

TEST(SubscriptionKinds, TheCustomerCareGreetingsAreKindsToSubscribeTo) {
  hub::test::TempDir files;
  HubSetupResult loaded = LoadSubscribing(files, "customer_care.birthday customer_care.holiday");
  EXPECT_TRUE(loaded.ok()) << config::FormatErrors(loaded.errors);
  HubSetupResult refused = LoadSubscribing(files, "customer_care.created");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(config::FormatErrors(refused.errors),
              HasSubstr("the store records no 'created' events of customer_care (its kinds end in .birthday, "
                        ".holiday)"));
}

TEST(SubscriptionKinds, ATaskChangeTheStoreDoesNotRecordIsRefused) {
  hub::test::TempDir files;
  HubSetupResult loaded = LoadSubscribing(files, "task.updated");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(
      config::FormatErrors(loaded.errors),
      HasSubstr("the store records no 'updated' events of task (its kinds end in .created, .done, .cancelled)"));
}

}  // namespace
}  // namespace hub::service
