#include "matching/matcher.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <random>
#include <unordered_map>

#include "matching/parallel.hpp"

namespace hub::matching {
namespace {

TermFrequencies CountTerms(const std::vector<PreparedRecord>& records) {
  TermFrequencies frequencies;
  for (const PreparedRecord& record : records) {
    for (Field field : {Field::kName, Field::kGivenName, Field::kFamilyName, Field::kDomain}) {
      frequencies.Add(field, TermOf(record, field));
    }
  }
  return frequencies;
}

// The number of pairs blocking chose from: every two records, or every two of different sources.
double PossiblePairs(const std::vector<PreparedRecord>& records, bool across_sources_only) {
  const double n = static_cast<double>(records.size());
  if (!across_sources_only) return n * (n - 1) / 2;
  std::unordered_map<std::string, double> per_source;
  for (const PreparedRecord& record : records) ++per_source[record.source];
  double squares = 0;
  for (const auto& [source, count] : per_source) squares += count * count;
  return (n * n - squares) / 2;
}

// Seconds since `since`, and `since` moved to now.
double Lap(std::chrono::steady_clock::time_point& since) {
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - since).count();
  since = now;
  return seconds;
}

constexpr std::size_t kPairChunk = 16384;

}  // namespace

std::string_view DecisionName(Decision decision) {
  static constexpr std::array<std::string_view, 5> kNames = {"link", "review", "no_link", "related", "distinct"};
  return kNames[static_cast<int>(decision)];
}

std::vector<PatternCount> Matcher::RandomPairs(const std::vector<PreparedRecord>& records) const {
  std::vector<ComparisonVector> vectors;
  if (records.size() < 2) return {};
  std::mt19937_64 random(config_.seed);
  std::uniform_int_distribution<std::size_t> pick(0, records.size() - 1);
  // Bounded tries: in link mode with one source, no pair qualifies.
  for (std::size_t tries = 0; vectors.size() < config_.random_pairs && tries < 4 * config_.random_pairs; ++tries) {
    const std::size_t a = pick(random);
    const std::size_t b = pick(random);
    if (a == b) continue;
    if (config_.blocking.across_sources_only && records[a].source == records[b].source) continue;
    vectors.push_back(CompareRecords(records[a], records[b]));
  }
  return CountPatterns(vectors);
}

Decision Matcher::Decide(const PreparedRecord& a, const PreparedRecord& b, const ComparisonVector& levels,
                         double probability, std::string* rule) const {
  if (levels[static_cast<int>(Field::kOrganizationKey)] == Level::kDifferent) {
    if (rule != nullptr) *rule = "two different valid organization keys: two organizations";
    return Decision::kDistinct;
  }
  // A branch's name holds its parent's: the same name core is enough to relate them, whatever the score.
  const bool same_name = levels[static_cast<int>(Field::kName)] == Level::kExact;
  if (a.branch_key != b.branch_key && (same_name || probability >= config_.review_probability)) {
    if (rule != nullptr)
      *rule = "branch office (" + (a.branch.empty() ? b.branch : a.branch) +
              "): its own entity, related to its parent, never merged";
    return Decision::kRelated;
  }
  if (probability < config_.review_probability) return Decision::kNoLink;
  return probability >= config_.link_probability ? Decision::kLink : Decision::kReview;
}

MatchRun Matcher::Run(const std::vector<PreparedRecord>& records, MatchTimings* timings) const {
  return Score(records, std::nullopt, timings);
}

MatchRun Matcher::RunWithModel(const std::vector<PreparedRecord>& records, const FellegiSunterModel& model) const {
  return Score(records, model, nullptr);
}

MatchRun Matcher::Score(const std::vector<PreparedRecord>& records,
                        const std::optional<FellegiSunterModel>& fixed_model, MatchTimings* timings) const {
  MatchRun run;
  MatchTimings times;
  auto lap = std::chrono::steady_clock::now();
  run.frequencies = CountTerms(records);
  {
    const std::vector<CandidatePair> candidates = CandidatePairs(records, config_.blocking, config_.threads);
    run.pairs.resize(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) run.pairs[i].pair = candidates[i];
  }
  times.blocking = Lap(lap);
  ParallelFor(run.pairs.size(), config_.threads, kPairChunk, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      run.pairs[i].levels = CompareRecords(records[run.pairs[i].pair.first], records[run.pairs[i].pair.second]);
    }
  });
  times.comparison = Lap(lap);
  if (fixed_model) {
    run.model = *fixed_model;
  } else {
    PatternCounter patterns;
    for (const PairDecision& pair : run.pairs) patterns.Add(pair.levels);
    run.model = EstimateByEm(patterns.Patterns(), InitialModel(RandomPairs(records)), config_.em);
    if (!config_.em.estimate_u) {
      // u came from random pairs: the weights speak of any two records, so the prior must too — the expected
      // matches among the candidates over all the pairs blocking chose from.
      const double possible = PossiblePairs(records, config_.blocking.across_sources_only);
      if (possible > 0) run.model.match_prior *= static_cast<double>(run.pairs.size()) / possible;
    }
  }
  times.estimation = Lap(lap);
  ParallelFor(run.pairs.size(), config_.threads, kPairChunk, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      PairDecision& pair = run.pairs[i];
      const PreparedRecord& a = records[pair.pair.first];
      const PreparedRecord& b = records[pair.pair.second];
      pair.probability = PairProbability(run.model, pair.levels, a, b, &run.frequencies);
      pair.decision = Decide(a, b, pair.levels, pair.probability, nullptr);
    }
  });
  std::vector<ScoredLink> links;
  for (const PairDecision& pair : run.pairs) {
    if (pair.decision == Decision::kLink) links.push_back(ScoredLink{pair.pair, pair.probability});
  }
  times.decision = Lap(lap);
  run.clusters = ClusterLinks(records, std::move(links));
  times.clustering = Lap(lap);
  if (timings != nullptr) *timings = times;
  return run;
}

Explanation Matcher::Explain(const MatchRun& run, const PreparedRecord& a, const PreparedRecord& b) const {
  Explanation explanation;
  const ComparisonVector levels = CompareRecords(a, b);
  explanation.score = ScorePair(run.model, levels, a, b, &run.frequencies);
  explanation.decision = Decide(a, b, levels, explanation.score.probability, &explanation.rule);
  return explanation;
}

std::vector<RecordMatch> Matcher::MatchOne(const MatchRun& run, const MatchIndex& index,
                                           const PreparedRecord& record) const {
  std::vector<RecordMatch> matches;
  for (std::uint32_t candidate : index.Candidates(record)) {
    const PreparedRecord& other = index.records()[candidate];
    RecordMatch match{candidate, CompareRecords(record, other), 0, Decision::kNoLink};
    match.probability = PairProbability(run.model, match.levels, record, other, &run.frequencies);
    match.decision = Decide(record, other, match.levels, match.probability, nullptr);
    matches.push_back(match);
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const RecordMatch& a, const RecordMatch& b) { return a.probability > b.probability; });
  return matches;
}

std::string Matcher::Describe(const Explanation& explanation) {
  std::string text = std::string(DecisionName(explanation.decision));
  if (!explanation.rule.empty()) text += " by rule: " + explanation.rule;
  char line[160];
  std::snprintf(line, sizeof line, "\n  prior %+.2f", explanation.score.prior_weight);
  text += line;
  for (const FieldEvidence& evidence : explanation.score.evidence) {
    std::snprintf(line, sizeof line, "\n  %s %s %+.2f%s", std::string(FieldName(evidence.field)).c_str(),
                  std::string(LevelName(evidence.level)).c_str(), evidence.weight,
                  evidence.frequency_adjusted ? " (frequency adjusted)" : "");
    text += line;
  }
  std::snprintf(line, sizeof line, "\n  total %+.2f bits, probability %.4f", explanation.score.total_weight,
                explanation.score.probability);
  return text + line;
}

}  // namespace hub::matching
