#include "matching/matcher.hpp"

#include <array>
#include <cstdio>
#include <random>
#include <unordered_map>

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
  if (a.branch != b.branch && (same_name || probability >= config_.review_probability)) {
    if (rule != nullptr)
      *rule = "branch office (" + (a.branch.empty() ? b.branch : a.branch) +
              "): its own entity, related to its parent, never merged";
    return Decision::kRelated;
  }
  if (probability < config_.review_probability) return Decision::kNoLink;
  return probability >= config_.link_probability ? Decision::kLink : Decision::kReview;
}

MatchRun Matcher::Run(const std::vector<PreparedRecord>& records) const { return Score(records, std::nullopt); }

MatchRun Matcher::RunWithModel(const std::vector<PreparedRecord>& records, const FellegiSunterModel& model) const {
  return Score(records, model);
}

MatchRun Matcher::Score(const std::vector<PreparedRecord>& records,
                        const std::optional<FellegiSunterModel>& fixed_model) const {
  MatchRun run;
  run.frequencies = CountTerms(records);
  const std::vector<CandidatePair> candidates = CandidatePairs(records, config_.blocking);
  std::vector<ComparisonVector> vectors;
  vectors.reserve(candidates.size());
  for (const CandidatePair& pair : candidates) {
    vectors.push_back(CompareRecords(records[pair.first], records[pair.second]));
  }
  if (fixed_model) {
    run.model = *fixed_model;
  } else {
    run.model = EstimateByEm(CountPatterns(vectors), InitialModel(RandomPairs(records)), config_.em);
    if (!config_.em.estimate_u) {
      // u came from random pairs: the weights speak of any two records, so the prior must too — the expected
      // matches among the candidates over all the pairs blocking chose from.
      const double possible = PossiblePairs(records, config_.blocking.across_sources_only);
      if (possible > 0) run.model.match_prior *= static_cast<double>(candidates.size()) / possible;
    }
  }
  run.pairs.reserve(candidates.size());
  std::vector<ScoredLink> links;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const PreparedRecord& a = records[candidates[i].first];
    const PreparedRecord& b = records[candidates[i].second];
    const double probability = ScorePair(run.model, vectors[i], a, b, &run.frequencies).probability;
    const Decision decision = Decide(a, b, vectors[i], probability, nullptr);
    run.pairs.push_back(PairDecision{candidates[i], vectors[i], probability, decision});
    if (decision == Decision::kLink) links.push_back(ScoredLink{candidates[i], probability});
  }
  run.clusters = ClusterLinks(records, std::move(links));
  return run;
}

Explanation Matcher::Explain(const MatchRun& run, const PreparedRecord& a, const PreparedRecord& b) const {
  Explanation explanation;
  const ComparisonVector levels = CompareRecords(a, b);
  explanation.score = ScorePair(run.model, levels, a, b, &run.frequencies);
  explanation.decision = Decide(a, b, levels, explanation.score.probability, &explanation.rule);
  return explanation;
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
