// The matcher: blocking, field comparison, Fellegi-Sunter weights learned by EM from the records' own
// candidate pairs, a decision per pair with two thresholds, and clusters of the links. One configuration
// serves every data set: the weights come from the data, the thresholds are probabilities.
#ifndef HUB_MATCHING_MATCHER_HPP_
#define HUB_MATCHING_MATCHER_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "matching/blocking.hpp"
#include "matching/clustering.hpp"
#include "matching/comparison.hpp"
#include "matching/fellegi_sunter.hpp"
#include "matching/match_index.hpp"

namespace hub::matching {

struct MatcherConfig {
  BlockingOptions blocking;
  EmOptions em;
  double link_probability = 0.95;    // at or above: linked without a person
  double review_probability = 0.5;   // at or above, under link: sent to review
  std::size_t random_pairs = 20000;  // drawn to start u
  std::uint64_t seed = 20260101;     // of the random pairs: runs are repeatable
  unsigned threads = 0;              // blocking, comparison and decisions: 0 the machine's cores
};

// kRelated: one is a branch office of the other (or two branches of one organization) and they share the
// name core or would be linked or reviewed: linked as related, never merged. kDistinct: the score does not matter, the
// records are two entities (two different valid organization keys).
enum class Decision : std::uint8_t { kLink, kReview, kNoLink, kRelated, kDistinct };

// "link", "review", "no_link", "related", "distinct".
std::string_view DecisionName(Decision decision);

struct PairDecision {
  CandidatePair pair;
  ComparisonVector levels{};
  double probability = 0;
  Decision decision = Decision::kNoLink;
};

// The wall time of each phase of one run, in seconds.
struct MatchTimings {
  double blocking = 0;    // term frequencies and candidate pairs
  double comparison = 0;  // the candidates' comparison vectors
  double estimation = 0;  // random pairs and EM
  double decision = 0;    // scores and decisions
  double clustering = 0;
};

// Everything one run learned and decided. `pairs` are the candidate pairs in CandidatePairs' order.
struct MatchRun {
  FellegiSunterModel model;
  TermFrequencies frequencies;
  std::vector<PairDecision> pairs;
  Clusters clusters;
};

// A record that arrived later, against one record of an indexed set.
struct RecordMatch {
  std::uint32_t record = 0;  // index into the indexed records
  ComparisonVector levels{};
  double probability = 0;
  Decision decision = Decision::kNoLink;
};

// A decision with its reasons: the rule that decided it (empty when the score did) and every field's level
// and weight.
struct Explanation {
  Decision decision = Decision::kNoLink;
  std::string rule;
  PairScore score;
};

// Stateless apart from its configuration: safe to share between threads.
class Matcher {
 public:
  explicit Matcher(MatcherConfig config) : config_(config) {}

  // Blocks, compares, learns the model from `records`' candidate pairs, decides and clusters; the same
  // result on any number of threads. `timings`, when given, receives each phase's wall time.
  MatchRun Run(const std::vector<PreparedRecord>& records, MatchTimings* timings = nullptr) const;

  // Run under `model` instead of one learned from `records` (the term frequencies still come from them): for
  // a store too small to learn weights from, and for tests that need weights they can reason about.
  MatchRun RunWithModel(const std::vector<PreparedRecord>& records, const FellegiSunterModel& model) const;

  // The decision of (a, b) under `run`'s model, with its explanation: what Run decided for a candidate
  // pair, and what it would decide for any other pair.
  Explanation Explain(const MatchRun& run, const PreparedRecord& a, const PreparedRecord& b) const;

  // `record` (prepared, not one of the index's records) against the records of `index` it shares a
  // blocking key with, under `run`'s model and term frequencies (a run over those records): what Run would
  // decide for each such pair, most probable first (then by index).
  std::vector<RecordMatch> MatchOne(const MatchRun& run, const MatchIndex& index, const PreparedRecord& record) const;

  // One line per field: "name exact +9.3 (frequency adjusted)", then the total and probability.
  static std::string Describe(const Explanation& explanation);

  const MatcherConfig& config() const { return config_; }

 private:
  Decision Decide(const PreparedRecord& a, const PreparedRecord& b, const ComparisonVector& levels, double probability,
                  std::string* rule) const;
  // Run's work, under `fixed_model` when given (RunWithModel) or one learned from `records`.
  MatchRun Score(const std::vector<PreparedRecord>& records, const std::optional<FellegiSunterModel>& fixed_model,
                 MatchTimings* timings) const;
  std::vector<PatternCount> RandomPairs(const std::vector<PreparedRecord>& records) const;

  MatcherConfig config_;
};

}  // namespace hub::matching

#endif  // HUB_MATCHING_MATCHER_HPP_
