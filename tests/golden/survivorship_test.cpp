// Survivorship: which member's value a golden record takes, and the rule that says why.
#include "golden/survivorship.hpp"

#include <gtest/gtest.h>

namespace hub::golden {
namespace {

using store_model::GoldenValue;
using store_model::PartyProfile;

PartyProfile Party(std::int64_t id, std::string system, std::int64_t updated_at_ms, std::string name,
                   std::string industry = "") {
  PartyProfile party;
  party.id = id;
  party.kind = "organization";
  party.source_system = std::move(system);
  party.updated_at_ms = updated_at_ms;
  party.fields[0] = std::move(name);
  party.fields[9] = std::move(industry);
  return party;
}

const GoldenValue* ValueOf(const std::vector<GoldenValue>& values, std::string_view field) {
  for (const GoldenValue& value : values) {
    if (value.field == field) return &value;
  }
  return nullptr;
}

TEST(Survivorship, TheFirstListedSourceWinsOverANewerValue) {
  const PartyProfile erp = Party(1, "erp", 1000, "北京华信科技有限公司");
  const PartyProfile crm = Party(2, "crm", 9000, "华信科技(北京)有限公司");
  const std::vector<GoldenValue> values = ChooseGoldenValues({&crm, &erp}, {"erp", "crm"});
  const GoldenValue* name = ValueOf(values, "name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->value, "北京华信科技有限公司");
  EXPECT_EQ(name->from_party_id, 1);
  EXPECT_EQ(name->source_system, "erp");
  EXPECT_EQ(name->rule, "source_priority");
}

TEST(Survivorship, WithinOneSourceTheMostRecentlyUpdatedWins) {
  const PartyProfile old_one = Party(1, "crm", 1000, "华信科技");
  const PartyProfile new_one = Party(2, "crm", 2000, "华信科技有限公司");
  const GoldenValue* name = ValueOf(ChooseGoldenValues({&old_one, &new_one}, {"erp", "crm"}), "name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->from_party_id, 2);
  EXPECT_EQ(name->rule, "recency");
}

TEST(Survivorship, ThenTheMoreCompleteThenTheOldest) {
  const PartyProfile sparse = Party(1, "crm", 1000, "华信科技");
  const PartyProfile complete = Party(2, "crm", 1000, "华信科技有限公司", "software");
  EXPECT_EQ(ValueOf(ChooseGoldenValues({&sparse, &complete}, {}), "name")->rule, "completeness");
  const PartyProfile twin = Party(3, "crm", 1000, "華信科技");
  const GoldenValue* name = ValueOf(ChooseGoldenValues({&twin, &sparse}, {}), "name");
  EXPECT_EQ(name->from_party_id, 1);
  EXPECT_EQ(name->rule, "oldest");
}

TEST(Survivorship, AValueOnlyOneMemberHasIsTakenAndAFieldNoneHasIsLeftOut) {
  const PartyProfile erp = Party(1, "erp", 1000, "华信科技");
  const PartyProfile crm = Party(2, "crm", 1000, "华信科技", "software");
  const std::vector<GoldenValue> values = ChooseGoldenValues({&erp, &crm}, {"erp", "crm"});
  EXPECT_EQ(ValueOf(values, "name")->rule, "only_value") << "both members agree";
  EXPECT_EQ(ValueOf(values, "name")->from_party_id, 1);
  ASSERT_NE(ValueOf(values, "industry"), nullptr);
  EXPECT_EQ(ValueOf(values, "industry")->from_party_id, 2);
  EXPECT_EQ(ValueOf(values, "industry")->rule, "only_value");
  EXPECT_EQ(ValueOf(values, "country"), nullptr);
}

}  // namespace
}  // namespace hub::golden
