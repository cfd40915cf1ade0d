// The golden-record tests' store, on both engines: parties synced from two systems (erp, crm) through the real
// sink, matched with weights the tests can reason about, and what the store then holds of pairs and golden records.
#ifndef HUB_TESTS_GOLDEN_GOLDEN_FIXTURE_HPP_
#define HUB_TESTS_GOLDEN_GOLDEN_FIXTURE_HPP_

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "golden/store_match.hpp"
#include "store/model/match_pairs.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::golden::test {

using matching::Field;
using sdk::Value;
using sync::test::Mapping;
using sync::test::Record;

// Valid unified social credit codes (their check characters hold).
inline constexpr const char* kHuaxinCode = "91440305590830169M";
inline constexpr const char* kJinggongCode = "91310115MA4CL12T22";
inline constexpr const char* kOtherJinggongCode = "91110108MA72HD1T36";

// Every field: exact +9.8 bits, high +4.6, medium +1.6, different -5.6; a valid organization code in common
// +19.8; prior 1 in 10 000 (-13.3 bits). A name in common weighs by how common it is among the few parties.
inline matching::FellegiSunterModel TestModel() {
  matching::FellegiSunterModel model;
  model.match_prior = 1e-4;
  for (int f = 0; f < matching::kFieldCount; ++f) {
    model.m[f] = {0, 0.9, 0.05, 0.03, 0.02};
    model.u[f] = {0, 0.001, 0.002, 0.01, 0.987};
  }
  model.u[static_cast<int>(Field::kOrganizationKey)][1] = 1e-6;
  return model;
}

// Per test: the erp and crm jobs mapping parties (kind, name, uscc, phone, industry) and a StoreMatcher of
// MatchOptions over the fixture's store.
class GoldenStoreTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    for (const char* system : {"erp", "crm"}) {
      jobs_[system] = sync::SinkJob{Mapping("party", {"kind", "name", "uscc", "phone", "industry"}), system};
    }
    auto made = StoreMatcher::Create(MatchOptions());
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    matcher_ = std::move(*made);
  }

  // The match run's options: erp before crm, TestModel.
  static StoreMatchOptions MatchOptions() {
    StoreMatchOptions options;
    options.source_priority = {"erp", "crm"};
    options.model = TestModel();
    return options;
  }

  sync::SyncCounts Sync(const std::string& system, const std::vector<sdk::Record>& records) {
    return ApplyAs(system, records, system + std::to_string(++batches_));
  }

  static sdk::Record Company(const std::string& id, const std::string& name, const std::string& code = "",
                             const std::string& phone = "", const std::string& industry = "") {
    std::vector<std::pair<std::string, std::string>> fields{{"kind", "organization"}, {"name", name}};
    if (!code.empty()) fields.emplace_back("uscc", code);
    if (!phone.empty()) fields.emplace_back("phone", phone);
    if (!industry.empty()) fields.emplace_back("industry", industry);
    return Record("party", id, fields);
  }

  StoreMatchCounts Run() {
    auto counts = matcher_->Run(*database_);
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : StoreMatchCounts{};
  }

  std::int64_t PartyOf(const std::string& system, const std::string& id) {
    return Count("SELECT record_id FROM source_links WHERE entity = 'party' AND source_system = '" + system +
                 "' AND source_id = '" + id + "'");
  }

  // The golden party `party` points at, or 0.
  std::int64_t GoldenOf(std::int64_t party) {
    return Count("SELECT COALESCE(golden_party_id, 0) FROM parties WHERE id = " + std::to_string(party));
  }

  // The stored pair of two parties: "<decision>/<decided_by>", or "none".
  std::string PairOf(std::int64_t a, std::int64_t b) {
    std::vector<odbc::Row> rows =
        QueryRows("SELECT decision, decided_by FROM match_pairs WHERE left_party_id = ? AND right_party_id = ?",
                  {Value::Int64(std::min(a, b)), Value::Int64(std::max(a, b))});
    return rows.empty() ? "none" : rows[0][0].text() + "/" + rows[0][1].text();
  }

  std::int64_t PairId(std::int64_t a, std::int64_t b) {
    return Count("SELECT id FROM match_pairs WHERE left_party_id = " + std::to_string(std::min(a, b)) +
                 " AND right_party_id = " + std::to_string(std::max(a, b)));
  }

  void Review(std::int64_t pair, bool accepted) {
    auto reviewed = store_model::RecordReview(*connection_, pair, accepted, "wang.fang");
    ASSERT_TRUE(reviewed.ok()) << reviewed.status().ToString();
    ASSERT_TRUE(reviewed->has_value());
  }

  std::int64_t GoldenEvents() {
    return Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.golden_changed'");
  }

  // The two spellings of one company in two systems, with one credit code.
  void SyncHuaxin() {
    Sync("erp", {Company("E1", "北京华信科技有限公司", kHuaxinCode)});
    Sync("crm", {Company("C1", "华信科技(北京)有限公司", kHuaxinCode, "", "software")});
  }

  std::unique_ptr<StoreMatcher> matcher_;
  int batches_ = 0;
};

}  // namespace hub::golden::test

#endif  // HUB_TESTS_GOLDEN_GOLDEN_FIXTURE_HPP_
