// The model a match run keeps for matching on arrival, through its JSON and back.
#include "golden/arrival_model.hpp"

#include <gtest/gtest.h>

namespace hub::golden {
namespace {

using matching::Field;

matching::TermFrequencies NameFrequencies() {
  matching::TermFrequencies frequencies;
  for (const char* name : {"huaxin", "huaxin", "huaxin", "tengfei", "jinggong"}) frequencies.Add(Field::kName, name);
  return frequencies;
}

TEST(ArrivalModel, WeightsFrequenciesAndSourcePriorityComeBackAsWritten) {
  matching::FellegiSunterModel model;
  model.match_prior = 1e-4;
  model.m[0] = {0, 0.9, 0.05, 0.03, 0.02};
  model.u[0] = {0, 0.001, 0.002, 0.01, 0.987};
  const matching::TermFrequencies frequencies = NameFrequencies();
  const std::string json = ArrivalModelJson(model, frequencies, {"erp", "crm"});
  EXPECT_EQ(ArrivalModelJson(model, frequencies, {"erp", "crm"}), json) << "the same model, the same text";
  auto read = ParseArrivalModel(json);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_DOUBLE_EQ(read->model.match_prior, model.match_prior);
  for (std::size_t level = 0; level < matching::kLevelCount; ++level) {
    EXPECT_DOUBLE_EQ(read->model.m[0][level], model.m[0][level]);
    EXPECT_DOUBLE_EQ(read->model.u[0][level], model.u[0][level]);
  }
  EXPECT_EQ(read->source_priority, (std::vector<std::string>{"erp", "crm"}));
  EXPECT_EQ(read->frequencies.Total(Field::kName), 5u);
  EXPECT_DOUBLE_EQ(read->frequencies.Frequency(Field::kName, "huaxin"), frequencies.Frequency(Field::kName, "huaxin"));
  EXPECT_DOUBLE_EQ(read->frequencies.Frequency(Field::kName, "tengfei"), 1.0 / 5)
      << "a name seen once is not kept, and counts as seen once";
  EXPECT_DOUBLE_EQ(read->frequencies.Frequency(Field::kName, "never-seen"), 1.0 / 5);
  EXPECT_EQ(frequencies.Frequency(Field::kName, "never-seen"), 0) << "a run's own frequencies know every name";
}

TEST(ArrivalModel, ATextThatIsNoModelIsRefused) {
  for (const char* text : {"", "[]", R"({"prior": 0.1})", R"({"prior": 0.1, "m": [[1]], "u": [], "frequencies": {},
    "source_priority": []})"}) {
    auto read = ParseArrivalModel(text);
    EXPECT_FALSE(read.ok()) << text;
    if (!read.ok()) EXPECT_EQ(read.status().code(), sdk::StatusCode::kInvalidArgument) << text;
  }
}

}  // namespace
}  // namespace hub::golden
