// What the store sink takes from its job, on both engines: the mapping every batch needs (records never go
// nowhere), and the source system each record belongs to.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sink_fixture.hpp"

namespace hub::sync {
namespace {

using hub::test::Backend;
using sdk::Value;
using test::EntityMapping;
using ::testing::HasSubstr;

config::MappingFieldConfig Constant(const std::string& target, const std::string& value) {
  config::MappingFieldConfig field;
  field.target = target;
  field.constant = value;
  return field;
}

sdk::Record Customer(const std::string& id, const std::string& name) {
  sdk::Record record;
  record.entity = "party";
  record.source_id = id;
  record.position = "customers.csv:" + id;
  record.Set("name", Value::String(name));
  return record;
}

class SinkJobTest : public test::SinkTest {
 protected:
  SinkJobTest() { mapping_ = EntityMapping("party", {{"name", "name"}}, {Constant("kind", "organization")}); }
};

TEST_P(SinkJobTest, ABatchOfAJobWithoutAMappingIsRefusedAndItsCheckpointStays) {
  Apply({Customer("C1", "Acme")}, "1");
  mapping_ = nullptr;
  auto refused = sink_->Apply("customers", {Customer("C2", "Globex")}, "2");
  ASSERT_FALSE(refused.ok()) << "the records would have been read and stored nowhere";
  EXPECT_THAT(refused.status().message(), HasSubstr("has no mapping"));
  EXPECT_EQ(*sink_->LoadCursor("customers"), "1") << "the cursor must not pass records that went nowhere";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, SinkJobTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::sync
