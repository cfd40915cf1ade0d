// What the matcher's tests share: records prepared with the real normalizer, parser and suffix list, and a
// hand-set model whose weights are easy to reason about.
#ifndef HUB_TESTS_MATCHING_MATCH_TEST_SUPPORT_HPP_
#define HUB_TESTS_MATCHING_MATCH_TEST_SUPPORT_HPP_

#include <gtest/gtest.h>

#include <memory>

#include "matching/fellegi_sunter.hpp"
#include "matching/match_record.hpp"

namespace hub::matching {

class Preparers {
 public:
  Preparers() {
    sdk::Result<std::unique_ptr<TextNormalizer>> made = TextNormalizer::Create();
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    if (made.ok()) normalizer_ = std::move(*made);
  }
  PreparedRecord Prepare(const MatchRecord& record) const {
    return PrepareRecord(record, RecordPreparers{*normalizer_, ChineseCompanyNameParser::Builtin(), domains_});
  }

 private:
  std::unique_ptr<TextNormalizer> normalizer_;
  DomainKeys domains_;
};

// Every field: m exact 0.9, high 0.05, medium 0.03, different 0.02; u 0.001, 0.002, 0.01, 0.987 (exact
// +9.8 bits, high +4.6, medium +1.6, different -5.6), prior 1 in 10 000 (-13.3 bits): one strong agreement
// is not enough, two are.
inline FellegiSunterModel HandSetModel() {
  FellegiSunterModel model;
  model.match_prior = 1e-4;
  for (int f = 0; f < kFieldCount; ++f) {
    model.m[f] = {0, 0.9, 0.05, 0.03, 0.02};
    model.u[f] = {0, 0.001, 0.002, 0.01, 0.987};
  }
  return model;
}

}  // namespace hub::matching

#endif  // HUB_TESTS_MATCHING_MATCH_TEST_SUPPORT_HPP_
