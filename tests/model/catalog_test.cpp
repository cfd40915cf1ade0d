// The model catalog: look-ups, allowed values, references, and the consistency of its definitions.
#include "model/catalog.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace hub::model {
namespace {

TEST(Catalog, FindsEntitiesByName) {
  for (const char* name : {"party", "contact", "employee", "order", "invoice", "payment", "service_request"}) {
    const EntitySpec* entity = FindEntity(name);
    ASSERT_NE(entity, nullptr) << name;
    EXPECT_EQ(entity->name, name);
  }
  EXPECT_EQ(FindEntity("customer"), nullptr);
  EXPECT_EQ(FindEntity("Party"), nullptr) << "names are exact";
}

TEST(Catalog, FindsFieldsByName) {
  const EntitySpec* party = FindEntity("party");
  ASSERT_NE(party, nullptr);
  const FieldSpec* name = party->FindField("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->type, FieldType::kString);
  EXPECT_TRUE(name->required);
  EXPECT_EQ(name->StoredIn(), "parties.name");
  EXPECT_EQ(party->FindField("nickname"), nullptr);
}

TEST(Catalog, PartyHasTheVocabularySourcesMapTo) {
  const EntitySpec* party = FindEntity("party");
  ASSERT_NE(party, nullptr);
  for (const char* field : {"name",        "name_latin",     "kind",     "tax_id",
                            "uscc",        "duns",           "vat",      "business_registration",
                            "phone",       "mobile",         "fax",      "email",
                            "website",     "address_line",   "city",     "province",
                            "postal_code", "country",        "industry", "grade",
                            "tier",        "classification", "region",   "status"}) {
    EXPECT_NE(party->FindField(field), nullptr) << field;
  }
}

TEST(Catalog, FieldTypesCarryTheirMeaning) {
  EXPECT_EQ(FindEntity("order")->FindField("total_amount")->type, FieldType::kDecimal);
  EXPECT_EQ(FindEntity("order")->FindField("ordered_on")->type, FieldType::kDate);
  EXPECT_EQ(FindEntity("activity")->FindField("occurred_at")->type, FieldType::kTimestamp);
  EXPECT_EQ(FindEntity("order_line")->FindField("line_no")->type, FieldType::kInt64);
  EXPECT_EQ(FindEntity("contact")->FindField("is_primary")->type, FieldType::kBool);
}

struct AllowsCase {
  const char* entity;
  const char* field;
  const char* value;
  bool allowed;
};

class FieldAllowsValue : public ::testing::TestWithParam<AllowsCase> {};

TEST_P(FieldAllowsValue, AcceptsOnlyTheListedValues) {
  const AllowsCase& c = GetParam();
  const FieldSpec* field = FindEntity(c.entity)->FindField(c.field);
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->AllowsValue(c.value), c.allowed) << c.entity << "." << c.field << " = '" << c.value << "'";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FieldAllowsValue,
    ::testing::Values(AllowsCase{"party", "kind", "organization", true}, AllowsCase{"party", "kind", "person", true},
                      AllowsCase{"party", "kind", "robot", false}, AllowsCase{"party", "kind", "", false},
                      AllowsCase{"party", "kind", "organization|person", false},
                      AllowsCase{"party", "grade", "A", true}, AllowsCase{"party", "grade", "a", false},
                      AllowsCase{"party", "tier", "middle", true},
                      AllowsCase{"contact", "decision_role", "gatekeeper", true},
                      AllowsCase{"party", "name", "anything at all", true}));

TEST(Catalog, ReferencesSplitIntoEntityAndKey) {
  const FieldSpec* organization = FindEntity("contact")->FindField("organization_source_id");
  ASSERT_NE(organization, nullptr);
  std::optional<FieldReference> reference = organization->Reference();
  ASSERT_TRUE(reference.has_value());
  EXPECT_EQ(reference->entity, "party");
  EXPECT_EQ(reference->key, "source_id");
  std::optional<FieldReference> owner = FindEntity("party")->FindField("owner_employee_number")->Reference();
  ASSERT_TRUE(owner.has_value());
  EXPECT_EQ(owner->entity, "employee");
  EXPECT_EQ(owner->key, "employee_number");
  EXPECT_FALSE(FindEntity("party")->FindField("name")->Reference().has_value());
}

TEST(FieldTypeNames, RoundTrip) {
  for (FieldType type : {FieldType::kString, FieldType::kInt64, FieldType::kDecimal, FieldType::kDate,
                         FieldType::kTimestamp, FieldType::kBool}) {
    EXPECT_EQ(ParseFieldType(FieldTypeName(type)), type);
  }
  EXPECT_EQ(ParseFieldType("varchar"), std::nullopt);
}

TEST(CatalogDefinitions, NamesAreUniqueSnakeCaseAndDescribed) {
  const std::regex snake_case("[a-z][a-z0-9_]*");
  std::set<std::string_view> entities;
  for (const EntitySpec& entity : Entities()) {
    EXPECT_TRUE(entities.insert(entity.name).second) << "duplicate entity " << entity.name;
    EXPECT_TRUE(std::regex_match(std::string(entity.name), snake_case)) << entity.name;
    EXPECT_FALSE(entity.description.empty()) << entity.name;
    EXPECT_FALSE(entity.fields.empty()) << entity.name;
    std::set<std::string_view> fields;
    for (const FieldSpec& field : entity.fields) {
      EXPECT_TRUE(fields.insert(field.name).second) << "duplicate field " << entity.name << "." << field.name;
      EXPECT_TRUE(std::regex_match(std::string(field.name), snake_case)) << entity.name << "." << field.name;
      EXPECT_FALSE(field.description.empty()) << entity.name << "." << field.name;
      EXPECT_FALSE(field.StoredIn().empty()) << entity.name << "." << field.name;
      EXPECT_TRUE(field.values.empty() || field.type == FieldType::kString) << entity.name << "." << field.name;
    }
  }
}

TEST(CatalogDefinitions, AllowedValuesHaveNoEmptyAlternative) {
  for (const EntitySpec& entity : Entities()) {
    for (const FieldSpec& field : entity.fields) {
      if (field.values.empty()) continue;
      EXPECT_EQ(field.values.find("||"), std::string_view::npos) << entity.name << "." << field.name;
      EXPECT_NE(field.values.front(), '|') << entity.name << "." << field.name;
      EXPECT_NE(field.values.back(), '|') << entity.name << "." << field.name;
    }
  }
}

TEST(CatalogDefinitions, EveryReferenceNamesAnEntityAndARequiredKeyOfIt) {
  for (const EntitySpec& entity : Entities()) {
    for (const FieldSpec& field : entity.fields) {
      std::optional<FieldReference> reference = field.Reference();
      if (!reference) continue;
      const std::string where = std::string(entity.name) + "." + std::string(field.name);
      const EntitySpec* target = FindEntity(reference->entity);
      ASSERT_NE(target, nullptr) << where << " refers to unknown entity " << reference->entity;
      if (reference->key == "source_id") continue;
      const FieldSpec* key = target->FindField(reference->key);
      ASSERT_NE(key, nullptr) << where << " refers to unknown key " << field.references;
      EXPECT_TRUE(key->required) << where << ": a natural key must be required in " << target->name;
      EXPECT_EQ(target->natural_key, reference->key)
          << where << " refers by a key that is not " << target->name << "'s natural key";
    }
  }
}

TEST(CatalogDefinitions, NaturalKeysAreRequiredFieldsKeptInTheMainTable) {
  for (const EntitySpec& entity : Entities()) {
    if (entity.natural_key.empty()) continue;
    const FieldSpec* key = entity.FindField(entity.natural_key);
    ASSERT_NE(key, nullptr) << entity.name;
    EXPECT_TRUE(key->required) << entity.name;
    EXPECT_EQ(key->StoredIn(), std::string(entity.table) + "." + std::string(entity.natural_key)) << entity.name;
  }
}

TEST(CatalogDefinitions, LiteralDefaultsAreAllowedValuesOfTheFieldsType) {
  for (const EntitySpec& entity : Entities()) {
    for (const FieldSpec& field : entity.fields) {
      if (field.default_value.kind != DefaultKind::kValue) continue;
      const std::string where = std::string(entity.name) + "." + std::string(field.name);
      EXPECT_TRUE(field.AllowsValue(field.default_value.value)) << where;
      if (field.type == FieldType::kBool) {
        EXPECT_TRUE(field.default_value.value == "true" || field.default_value.value == "false") << where;
      }
    }
  }
}

// The typed default is what the writers act on; the description tells mapping authors the same thing.
TEST(CatalogDefinitions, EveryDefaultIsTypedAndSaidInTheDescription) {
  for (const EntitySpec& entity : Entities()) {
    for (const FieldSpec& field : entity.fields) {
      const std::string where = std::string(entity.name) + "." + std::string(field.name);
      const FieldDefault& given = field.default_value;
      const bool says_default = field.description.find("(default") != std::string_view::npos;
      EXPECT_EQ(says_default, given.kind != DefaultKind::kNone) << where;
      switch (given.kind) {
        case DefaultKind::kValue:
          EXPECT_NE(field.description.find("(default " + std::string(given.value) + ")"), std::string_view::npos)
              << where;
          break;
        case DefaultKind::kWhenStored:
          EXPECT_EQ(field.type, FieldType::kTimestamp) << where;
          EXPECT_NE(field.description.find("(default: when"), std::string_view::npos) << where;
          break;
        case DefaultKind::kOtherField:
          EXPECT_NE(entity.FindField(given.value), nullptr) << where;
          EXPECT_NE(field.description.find("(default: " + std::string(given.value) + ")"), std::string_view::npos)
              << where;
          break;
        case DefaultKind::kNone:
          break;
      }
    }
  }
}

TEST(CatalogStorage, SaysWhereTheDocsSayAFieldIsStored) {
  const EntitySpec* party = FindEntity("party");
  const EntitySpec* contact = FindEntity("contact");
  const EntitySpec* order_line = FindEntity("order_line");
  ASSERT_NE(party, nullptr);
  ASSERT_NE(contact, nullptr);
  ASSERT_NE(order_line, nullptr);
  EXPECT_EQ(party->FindField("mobile")->StoredIn(), "phones (kind mobile)");
  EXPECT_EQ(party->FindField("country")->StoredIn(), "parties.country, addresses.country");
  EXPECT_EQ(contact->FindField("name")->StoredIn(), "parties.name (the person)");
  const FieldStorage& sku = order_line->FindField("sku")->storage;
  EXPECT_EQ(sku.table, "order_lines");
  EXPECT_EQ(sku.column, "product_id");
  EXPECT_EQ(sku.text_column, "sku");
  EXPECT_EQ(order_line->FindField("sku")->StoredIn(), "order_lines.sku, order_lines.product_id");
}

TEST(CatalogStorage, NormalFormsAndJsonAreTypedOnTheirFields) {
  const EntitySpec* lead = FindEntity("lead");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->FindField("email")->storage.derived, DerivedForm::kNormalizedEmail);
  EXPECT_EQ(lead->FindField("email")->storage.derived_column, "email_normalized");
  EXPECT_EQ(lead->FindField("phone")->storage.derived, DerivedForm::kE164Phone);
  EXPECT_EQ(lead->FindField("phone")->storage.derived_column, "phone_e164");
  EXPECT_TRUE(lead->FindField("details")->storage.json_object);
  EXPECT_FALSE(lead->FindField("city")->storage.json_object);
  for (const EntitySpec& entity : Entities()) {
    for (const FieldSpec& field : entity.fields) {
      EXPECT_EQ(field.storage.derived == DerivedForm::kNone, field.storage.derived_column.empty())
          << entity.name << "." << field.name;
    }
  }
}

}  // namespace
}  // namespace hub::model
