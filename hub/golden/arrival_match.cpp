#include "golden/arrival_match.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "golden/explanation_json.hpp"
#include "golden/party_match_record.hpp"
#include "golden/survivorship.hpp"
#include "matching/cn_company_name.hpp"
#include "store/model/golden_records.hpp"
#include "store/model/match_models.hpp"
#include "store/model/match_pairs.hpp"
#include "store/model/party_blocking_keys.hpp"

namespace hub::golden {
namespace {

using matching::Decision;
using store_model::MatchPairRow;
using store_model::PartyProfile;
using PairKey = std::pair<std::int64_t, std::int64_t>;

// A golden record as it stands, and a reviewer's accept: applied before every score.
constexpr double kStandingLinkProbability = 1.0;

PairKey KeyOf(std::int64_t a, std::int64_t b) { return a < b ? PairKey(a, b) : PairKey(b, a); }

bool Reviewed(const MatchPairRow& row) { return row.decided_by == "reviewer"; }

// The parties one call has read, each with its match record prepared, by id.
class PartyPool {
 public:
  PartyPool(odbc::Connection& connection, const matching::RecordPreparers& preparers, unsigned threads)
      : connection_(connection), preparers_(preparers), threads_(threads) {}

  // Reads and prepares the parties of `ids` not held yet (a party that does not exist stays absent).
  sdk::Status Load(const std::set<std::int64_t>& ids) {
    std::vector<std::int64_t> missing;
    for (std::int64_t id : ids) {
      if (!parties_.contains(id)) missing.push_back(id);
    }
    if (missing.empty()) return sdk::Status::Ok();
    auto read = store_model::ReadPartyProfiles(connection_, missing);
    if (!read.ok()) return read.status();
    std::vector<matching::MatchRecord> raw;
    for (const PartyProfile& party : *read) raw.push_back(MatchRecordOf(party));
    std::vector<matching::PreparedRecord> prepared = matching::PrepareRecords(raw, preparers_, threads_);
    for (std::size_t i = 0; i < read->size(); ++i) {
      parties_.emplace((*read)[i].id, Party{std::move((*read)[i]), std::move(prepared[i])});
    }
    return sdk::Status::Ok();
  }

  bool Holds(std::int64_t id) const { return parties_.contains(id); }
  const PartyProfile& Profile(std::int64_t id) const { return parties_.at(id).profile; }
  const matching::PreparedRecord& Record(std::int64_t id) const { return parties_.at(id).record; }

 private:
  struct Party {
    PartyProfile profile;
    matching::PreparedRecord record;
  };
  odbc::Connection& connection_;
  const matching::RecordPreparers& preparers_;
  unsigned threads_;
  std::map<std::int64_t, Party> parties_;
};

// Each arrived party's candidates: the parties sharing one of its keys, true when they share one that is not a
// trade name's pinyin key (which pairs a Chinese name only with a Latin one).
using Candidates = std::map<std::int64_t, std::map<std::int64_t, bool>>;

// Replaces the keys of `arrived` in the index, then reads the holders of every key they have.
sdk::Result<Candidates> IndexArrivals(odbc::Connection& connection, const PartyPool& pool,
                                      const std::vector<std::int64_t>& arrived, std::size_t max_block_size) {
  std::vector<store_model::PartyBlockingKeys> written;
  std::map<std::int64_t, std::vector<matching::BlockingKeyHash>> keys_of;
  std::set<std::uint64_t> hashes;
  for (std::int64_t id : arrived) {
    const std::vector<matching::BlockingKeyHash>& keys = keys_of[id] = matching::BlockingKeyHashes(pool.Record(id));
    store_model::PartyBlockingKeys& party = written.emplace_back(store_model::PartyBlockingKeys{id, {}});
    for (const matching::BlockingKeyHash& key : keys) {
      hashes.insert(key.hash);
      // Sorted by hash: a hash that is two keys (one a pinyin key) is written once.
      if (party.key_hashes.empty() || party.key_hashes.back() != key.hash) party.key_hashes.push_back(key.hash);
    }
  }
  HUB_RETURN_IF_ERROR(store_model::ReplacePartyBlockingKeys(connection, written));
  auto holders = store_model::BlockingKeyHolders(connection, {hashes.begin(), hashes.end()}, max_block_size);
  if (!holders.ok()) return holders.status();
  std::map<std::uint64_t, const std::vector<std::int64_t>*> by_hash;
  for (const store_model::KeyHolders& key : *holders) by_hash.emplace(key.key_hash, &key.party_ids);
  Candidates candidates;
  for (const auto& [id, keys] : keys_of) {
    std::map<std::int64_t, bool>& of = candidates[id];
    for (const matching::BlockingKeyHash& key : keys) {
      auto found = by_hash.find(key.hash);
      if (found == by_hash.end()) continue;
      for (std::int64_t holder : *found->second) {
        if (holder != id) of[holder] = of[holder] || !key.pinyin;
      }
    }
  }
  return candidates;
}

// The pairs decided, and what they count.
struct PairDecisions {
  std::vector<store_model::MatchPairDecision> pairs;
  std::vector<MatchPairRow> stored;  // the stored rows of `pairs`
  std::size_t decided = 0;
  std::size_t links = 0;
  std::size_t reviews = 0;
};

// Whether the batch run would pair `a` and `b`: of two sources in link mode, and never two Chinese names by their
// pinyin key alone.
bool Paired(const matching::PreparedRecord& a, const matching::PreparedRecord& b, bool beyond_pinyin,
            const matching::BlockingOptions& options) {
  if (options.across_sources_only && a.source == b.source) return false;
  return beyond_pinyin || !(a.han && b.han);
}

// Decides every pair of an arrived party and a candidate once, under `run`'s model: the pairs to write (those
// decided anything but a plain non-match, and those stored), a reviewer's decision counted as given.
PairDecisions DecidePairs(const matching::Matcher& matcher, const matching::MatchRun& run, const PartyPool& pool,
                          const Candidates& candidates, const std::vector<MatchPairRow>& stored) {
  std::map<PairKey, const MatchPairRow*> stored_by_key;
  for (const MatchPairRow& row : stored) stored_by_key.emplace(PairKey(row.left_party_id, row.right_party_id), &row);
  PairDecisions decisions;
  std::set<PairKey> seen;
  for (const auto& [id, of] : candidates) {
    for (const auto& [other, beyond_pinyin] : of) {
      const PairKey key = KeyOf(id, other);
      if (!pool.Holds(other) || !seen.insert(key).second) continue;
      const matching::PreparedRecord& left = pool.Record(key.first);
      const matching::PreparedRecord& right = pool.Record(key.second);
      if (!Paired(left, right, beyond_pinyin, matcher.config().blocking)) continue;
      ++decisions.decided;
      const matching::Explanation explanation = matcher.Explain(run, left, right);
      auto found = stored_by_key.find(key);
      const MatchPairRow* row = found == stored_by_key.end() ? nullptr : found->second;
      if (row != nullptr) decisions.stored.push_back(*row);
      if (explanation.decision != Decision::kNoLink || row != nullptr) {
        decisions.pairs.push_back({key.first, key.second, explanation.score.probability,
                                   std::string(matching::DecisionName(explanation.decision)),
                                   ExplanationJson(explanation)});
      }
      if (row != nullptr && Reviewed(*row)) continue;
      if (explanation.decision == Decision::kLink) ++decisions.links;
      if (explanation.decision == Decision::kReview) ++decisions.reviews;
    }
  }
  return decisions;
}

// The parties whose golden records matching `arrived` may change: they, the parties linked with them (by the
// matcher or a reviewer, as match_pairs holds it now), and every member of the golden records of all of these.
sdk::Result<std::set<std::int64_t>> AffectedParties(odbc::Connection& connection, PartyPool& pool,
                                                    const std::vector<std::int64_t>& arrived) {
  std::set<std::int64_t> affected(arrived.begin(), arrived.end());
  auto pairs = store_model::ReadMatchPairsOf(connection, arrived);
  if (!pairs.ok()) return pairs.status();
  for (const MatchPairRow& row : *pairs) {
    if (row.decision != "link") continue;
    affected.insert(row.left_party_id);
    affected.insert(row.right_party_id);
  }
  HUB_RETURN_IF_ERROR(pool.Load(affected));
  std::set<std::int64_t> goldens;
  for (std::int64_t id : affected) {
    if (pool.Holds(id)) goldens.insert(pool.Profile(id).golden_party_id.value_or(id));
  }
  auto members = store_model::GoldenMembersOf(connection, {goldens.begin(), goldens.end()});
  if (!members.ok()) return members.status();
  affected.insert(goldens.begin(), goldens.end());
  affected.insert(members->begin(), members->end());
  HUB_RETURN_IF_ERROR(pool.Load(affected));
  std::erase_if(affected, [&pool](std::int64_t id) { return !pool.Holds(id); });
  return affected;
}

// The links among `parties` (in id order, `index_of` their positions): each golden record as it stands, and the
// pairs match_pairs links; and the pairs a reviewer rejected.
sdk::Status LinksAmong(odbc::Connection& connection, const std::vector<PartyProfile>& parties,
                       const std::map<std::int64_t, std::uint32_t>& index_of, std::vector<matching::ScoredLink>& links,
                       std::vector<matching::CandidatePair>& never) {
  const auto pair_of = [&index_of](std::int64_t a, std::int64_t b) {
    const std::uint32_t x = index_of.at(a);
    const std::uint32_t y = index_of.at(b);
    return matching::CandidatePair{std::min(x, y), std::max(x, y)};
  };
  std::vector<std::int64_t> ids;
  for (const PartyProfile& party : parties) {
    ids.push_back(party.id);
    if (party.golden_party_id && index_of.contains(*party.golden_party_id)) {
      links.push_back({pair_of(party.id, *party.golden_party_id), kStandingLinkProbability});
    }
  }
  auto rows = store_model::ReadMatchPairsOf(connection, ids);
  if (!rows.ok()) return rows.status();
  for (const MatchPairRow& row : *rows) {
    if (!index_of.contains(row.left_party_id) || !index_of.contains(row.right_party_id)) continue;
    const matching::CandidatePair pair = pair_of(row.left_party_id, row.right_party_id);
    if (row.decision == "link") links.push_back({pair, Reviewed(row) ? kStandingLinkProbability : row.probability});
    if (row.decision == "no_link" && Reviewed(row)) never.push_back(pair);
  }
  return sdk::Status::Ok();
}

// Clusters the links among the parties `arrived` affects and applies their golden records: the events appended.
sdk::Result<std::size_t> JoinGoldenRecords(odbc::Connection& connection, const odbc::OutboxTurn& turn, PartyPool& pool,
                                           const std::vector<std::int64_t>& arrived,
                                           const std::vector<std::string>& source_priority) {
  auto affected = AffectedParties(connection, pool, arrived);
  if (!affected.ok()) return affected.status();
  std::vector<PartyProfile> parties;
  std::vector<matching::PreparedRecord> records;
  std::map<std::int64_t, std::uint32_t> index_of;
  for (std::int64_t id : *affected) {
    index_of.emplace(id, static_cast<std::uint32_t>(parties.size()));
    parties.push_back(pool.Profile(id));
    records.push_back(pool.Record(id));
  }
  std::vector<matching::ScoredLink> links;
  std::vector<matching::CandidatePair> never;
  HUB_RETURN_IF_ERROR(LinksAmong(connection, parties, index_of, links, never));
  if (links.empty()) return std::size_t{0};  // no record holds any of them, none is made
  const matching::Clusters clusters = matching::ClusterLinks(records, std::move(links), never);
  auto applied =
      store_model::ApplyGoldenRecords(connection, turn, parties, GoldenRecordsOf(clusters, parties, source_priority),
                                      store_model::GoldenScope::kTheseParties);
  if (!applied.ok()) return applied.status();
  return applied->events;
}

}  // namespace

std::vector<std::uint64_t> KeyHashesOf(const matching::PreparedRecord& record) {
  std::vector<std::uint64_t> hashes;
  for (const matching::BlockingKeyHash& key : matching::BlockingKeyHashes(record)) hashes.push_back(key.hash);
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

sdk::Result<std::shared_ptr<ArrivalMatcher>> ArrivalMatcher::Create(matching::MatcherConfig matcher, Logger log) {
  auto normalizer = matching::TextNormalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  return std::shared_ptr<ArrivalMatcher>(new ArrivalMatcher(matcher, std::move(log), std::move(*normalizer)));
}

sdk::Result<std::shared_ptr<const ArrivalMatcher::KeptModel>> ArrivalMatcher::Model(
    odbc::Connection& connection) const {
  auto newest = store_model::NewestMatchModelId(connection);
  if (!newest.ok()) return newest.status();
  if (!*newest) return std::shared_ptr<const KeptModel>();
  {
    std::lock_guard lock(mutex_);
    if (model_ != nullptr && model_->id == **newest) return model_;
  }
  auto stored = store_model::ReadNewestMatchModel(connection);
  if (!stored.ok()) return stored.status();
  if (!*stored) return std::shared_ptr<const KeptModel>();
  auto parsed = ParseArrivalModel((*stored)->model);
  if (!parsed.ok()) return parsed.status();
  auto kept = std::make_shared<KeptModel>();
  kept->id = (*stored)->id;
  kept->run.model = parsed->model;
  kept->run.frequencies = std::move(parsed->frequencies);
  kept->source_priority = std::move(parsed->source_priority);
  std::lock_guard lock(mutex_);
  model_ = kept;
  log_->info("matching on arrival under the model match job {} kept (id {})", (*stored)->job, kept->id);
  return std::shared_ptr<const KeptModel>(kept);
}

sdk::Result<store_model::ArrivalCounts> ArrivalMatcher::Arrived(odbc::Connection& connection,
                                                                const odbc::OutboxTurn& turn,
                                                                const std::vector<std::int64_t>& party_ids) const {
  store_model::ArrivalCounts counts;
  counts.parties = party_ids.size();
  if (party_ids.empty()) return counts;
  auto model = Model(connection);
  if (!model.ok()) return model.status();
  if (*model == nullptr) {
    counts.unmatched = party_ids.size();
    std::lock_guard lock(mutex_);
    if (!std::exchange(told_unmatched_, true)) {
      log_->info("parties are not matched on arrival until a match run has kept a model");
    }
    return counts;
  }
  const matching::RecordPreparers preparers{*normalizer_, matching::ChineseCompanyNameParser::Builtin(), domains_};
  PartyPool pool(connection, preparers, matcher_.config().threads);
  HUB_RETURN_IF_ERROR(pool.Load({party_ids.begin(), party_ids.end()}));
  std::vector<std::int64_t> arrived;
  for (std::int64_t id : std::set<std::int64_t>(party_ids.begin(), party_ids.end())) {
    if (pool.Holds(id)) arrived.push_back(id);
  }
  auto candidates = IndexArrivals(connection, pool, arrived, matcher_.config().blocking.max_block_size);
  if (!candidates.ok()) return candidates.status();
  std::set<std::int64_t> others;
  for (const auto& [id, of] : *candidates) {
    for (const auto& [other, beyond_pinyin] : of) others.insert(other);
  }
  HUB_RETURN_IF_ERROR(pool.Load(others));
  auto stored = store_model::ReadMatchPairsOf(connection, arrived);
  if (!stored.ok()) return stored.status();
  const PairDecisions decisions = DecidePairs(matcher_, (*model)->run, pool, *candidates, *stored);
  auto written = store_model::WriteMatchPairs(connection, decisions.stored, decisions.pairs);
  if (!written.ok()) return written.status();
  auto events = JoinGoldenRecords(connection, turn, pool, arrived, (*model)->source_priority);
  if (!events.ok()) return events.status();
  counts.pairs = decisions.decided;
  counts.links = decisions.links;
  counts.reviews = decisions.reviews;
  counts.golden_changes = *events;
  return counts;
}

}  // namespace hub::golden
