#include "golden/store_match.hpp"

#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "golden/arrival_match.hpp"
#include "golden/arrival_model.hpp"
#include "golden/explanation_json.hpp"
#include "golden/party_match_record.hpp"
#include "golden/survivorship.hpp"
#include "hub/odbc/transaction.hpp"
#include "matching/cn_company_name.hpp"
#include "store/model/golden_records.hpp"
#include "store/model/match_models.hpp"
#include "store/model/match_pairs.hpp"
#include "store/model/party_blocking_keys.hpp"
#include "store/model/party_profiles.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::golden {
namespace {

using matching::CandidatePair;
using matching::Decision;
using store_model::MatchPairRow;
using store_model::PartyProfile;
using PairKey = std::pair<std::int64_t, std::int64_t>;

// The blocking keys of this many parties are written at a time (a first run writes every party's).
constexpr std::size_t kKeysPerWrite = 5000;

// Writes `keys` and empties it, counting the parties.
sdk::Status WriteKeys(odbc::Connection& connection, std::vector<store_model::PartyBlockingKeys>& keys,
                      StoreMatchCounts& counts) {
  HUB_RETURN_IF_ERROR(store_model::ReplacePartyBlockingKeys(connection, keys));
  counts.blocking_keys += keys.size();
  keys.clear();
  return sdk::Status::Ok();
}

// A reviewer's link comes before every score, so that a constraint refuses the matcher's weaker links first.
constexpr double kReviewerLinkProbability = 1.0;

// What the run decided, with the reviewers' word applied: the pairs to write, and what to cluster.
struct Decisions {
  std::vector<store_model::MatchPairDecision> pairs;
  std::vector<matching::ScoredLink> links;
  std::vector<CandidatePair> never;  // rejected by a reviewer
  std::size_t reviews = 0;
};

bool Reviewed(const MatchPairRow* row) { return row != nullptr && row->decided_by == "reviewer"; }

// Applies a reviewer's decision of pair (a, b) to the links.
void ApplyReview(const MatchPairRow& row, CandidatePair pair, Decisions& decisions) {
  if (row.decision == "link") {
    decisions.links.push_back({pair, kReviewerLinkProbability});
  } else if (row.decision == "no_link") {
    decisions.never.push_back(pair);
  }
}

Decisions Decide(const matching::Matcher& matcher, const matching::MatchRun& run,
                 const std::vector<matching::PreparedRecord>& records, const std::vector<PartyProfile>& parties,
                 const std::vector<MatchPairRow>& stored) {
  std::map<PairKey, const MatchPairRow*> by_parties;
  for (const MatchPairRow& row : stored) by_parties.emplace(PairKey(row.left_party_id, row.right_party_id), &row);
  Decisions decisions;
  for (const matching::PairDecision& decided : run.pairs) {
    const PairKey key(parties[decided.pair.first].id, parties[decided.pair.second].id);
    auto found = by_parties.find(key);
    const MatchPairRow* row = found == by_parties.end() ? nullptr : found->second;
    if (row != nullptr) by_parties.erase(found);
    if (decided.decision != Decision::kNoLink || row != nullptr) {
      const matching::Explanation explanation =
          matcher.Explain(run, records[decided.pair.first], records[decided.pair.second]);
      decisions.pairs.push_back({key.first, key.second, decided.probability,
                                 std::string(matching::DecisionName(decided.decision)), ExplanationJson(explanation)});
    }
    if (Reviewed(row)) {
      ApplyReview(*row, decided.pair, decisions);
    } else if (decided.decision == Decision::kLink) {
      decisions.links.push_back({decided.pair, decided.probability});
    } else if (decided.decision == Decision::kReview) {
      ++decisions.reviews;
    }
  }
  // Reviewed pairs the blocking did not pair this time still stand.
  std::map<std::int64_t, std::uint32_t> index_of;
  for (std::uint32_t i = 0; i < parties.size(); ++i) index_of.emplace(parties[i].id, i);
  for (const auto& [key, row] : by_parties) {
    auto left = index_of.find(key.first);
    auto right = index_of.find(key.second);
    if (Reviewed(row) && left != index_of.end() && right != index_of.end()) {
      ApplyReview(*row, CandidatePair{left->second, right->second}, decisions);
    }
  }
  return decisions;
}

}  // namespace

sdk::Result<std::unique_ptr<StoreMatcher>> StoreMatcher::Create(StoreMatchOptions options) {
  auto normalizer = matching::TextNormalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  return std::unique_ptr<StoreMatcher>(new StoreMatcher(std::move(options), std::move(*normalizer)));
}

sdk::Result<StoreMatchCounts> StoreMatcher::Run(odbc::Database& store) const {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  odbc::Connection& connection = **lease;
  // The matcher runs outside the writing transaction, so the outbox writers' turn (which the delivery waits
  // for) is held only while the decisions are written. Golden links change only in match runs, which the job's
  // lease keeps to one at a time; a party stored meanwhile waits for the next run.
  auto parties = store_model::ReadPartyProfiles(connection);
  if (!parties.ok()) return parties.status();
  const matching::RecordPreparers preparers{*normalizer_, matching::ChineseCompanyNameParser::Builtin(), domains_};
  std::vector<matching::MatchRecord> raw;
  raw.reserve(parties->size());
  for (const PartyProfile& party : *parties) raw.push_back(MatchRecordOf(party));
  const std::vector<matching::PreparedRecord> records =
      matching::PrepareRecords(raw, preparers, options_.matcher.threads);
  const matching::MatchRun run =
      options_.model ? matcher_.RunWithModel(records, *options_.model) : matcher_.Run(records);

  auto transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  auto turn = odbc::TakeOutboxWriterTurn(connection);
  if (!turn.ok()) return turn.status();
  auto stored = store_model::ReadMatchPairs(connection);
  if (!stored.ok()) return stored.status();
  const Decisions decisions = Decide(matcher_, run, records, *parties, *stored);
  auto written = store_model::WriteMatchPairs(connection, *stored, decisions.pairs);
  if (!written.ok()) return written.status();
  const matching::Clusters clusters = matching::ClusterLinks(records, decisions.links, decisions.never);
  const std::vector<store_model::GoldenRecord> golden = GoldenRecordsOf(clusters, *parties, options_.source_priority);
  auto applied = store_model::ApplyGoldenRecords(connection, *turn, *parties, golden);
  if (!applied.ok()) return applied.status();
  StoreMatchCounts counts{parties->size(),   run.pairs.size(),   decisions.links.size(),
                          decisions.reviews, written->inserted,  written->updated,
                          golden.size(),     applied->repointed, applied->events};
  HUB_RETURN_IF_ERROR(KeepForArrival(connection, run, records, *parties, counts));
  HUB_RETURN_IF_ERROR(transaction->Commit());
  return counts;
}

sdk::Status StoreMatcher::KeepForArrival(odbc::Connection& connection, const matching::MatchRun& run,
                                         const std::vector<matching::PreparedRecord>& records,
                                         const std::vector<PartyProfile>& parties, StoreMatchCounts& counts) const {
  if (!options_.on_arrival) return store_model::DeleteMatchModel(connection, options_.job).status();
  auto kept_before = store_model::NewestMatchModelId(connection);
  if (!kept_before.ok()) return kept_before.status();
  auto saved = store_model::SaveMatchModel(connection, options_.job,
                                           ArrivalModelJson(run.model, run.frequencies, options_.source_priority));
  if (!saved.ok()) return saved.status();
  counts.model_saved = *saved;
  std::vector<std::int64_t> lacking;
  if (*kept_before) {
    auto without = store_model::PartiesWithoutBlockingKeys(connection);
    if (!without.ok()) return without.status();
    lacking = std::move(*without);
  } else {
    HUB_RETURN_IF_ERROR(store_model::ClearPartyBlockingKeys(connection));
    for (const PartyProfile& party : parties) lacking.push_back(party.id);
  }
  std::unordered_map<std::int64_t, std::size_t> index_of;
  for (std::size_t i = 0; i < parties.size(); ++i) index_of.emplace(parties[i].id, i);
  std::vector<store_model::PartyBlockingKeys> keys;
  for (std::int64_t id : lacking) {
    auto found = index_of.find(id);
    if (found == index_of.end()) continue;  // stored since the run read the parties: its batch wrote its keys
    keys.push_back({id, KeyHashesOf(records[found->second])});
    if (keys.size() == kKeysPerWrite) HUB_RETURN_IF_ERROR(WriteKeys(connection, keys, counts));
  }
  return WriteKeys(connection, keys, counts);
}

}  // namespace hub::golden
