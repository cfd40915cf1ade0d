// The Fellegi-Sunter model: for each field and level, m (its probability among true matches) and u (among
// non-matches), estimated by expectation-maximization from the data's own candidate pairs, and the weight
// log2(m/u) each agreement adds to a pair's evidence. Exact agreement on a name is adjusted by how common
// that name (or domain) is (term frequency): two "Smith" prove less than two "Zwolinski".
#ifndef HUB_MATCHING_FELLEGI_SUNTER_HPP_
#define HUB_MATCHING_FELLEGI_SUNTER_HPP_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matching/comparison.hpp"

namespace hub::matching {

// m and u of every level of every field (kMissing's are unused: a missing value weighs nothing).
struct FellegiSunterModel {
  double match_prior = 0.1;  // λ: the share of true matches among the candidate pairs
  std::array<std::array<double, kLevelCount>, kFieldCount> m{};
  std::array<std::array<double, kLevelCount>, kFieldCount> u{};
  int iterations = 0;      // EM iterations run
  bool converged = false;  // the largest change of a parameter fell under EmOptions::tolerance
};

// A comparison vector and how many candidate pairs have it.
struct PatternCount {
  ComparisonVector levels{};
  std::uint64_t count = 0;
};

struct EmOptions {
  int max_iterations = 200;
  double tolerance = 1e-6;
  bool estimate_u = false;  // true: u re-estimated from the candidates too (blocking biases them)
};

// Counts comparison vectors one at a time: the distinct ones with their counts.
class PatternCounter {
 public:
  void Add(const ComparisonVector& vector);
  // In the order of their packed form (PackComparison).
  std::vector<PatternCount> Patterns() const;

 private:
  std::map<std::uint64_t, PatternCount> by_key_;
};

// The distinct comparison vectors of `vectors` with their counts.
std::vector<PatternCount> CountPatterns(const std::vector<ComparisonVector>& vectors);

// u of every level as its share among `random_pairs` (comparison vectors of pairs drawn at random, nearly
// all non-matches), smoothed so that no level has u = 0; m set to a neutral start (exact most likely).
FellegiSunterModel InitialModel(const std::vector<PatternCount>& random_pairs);

// EM from `start` on the candidate pairs' patterns: E step, each pattern's match probability; M step, m
// and u as the expected shares of each level among matches and non-matches, λ as the expected share of
// matches. Stops at `options.max_iterations` or when no parameter moves by more than the tolerance.
// Levels are smoothed (a pseudo-count) so that an unseen level never has m or u of 0. Thread-safe.
FellegiSunterModel EstimateByEm(const std::vector<PatternCount>& candidates, FellegiSunterModel start,
                                const EmOptions& options);

// How often each value of a term-frequency adjusted field (names) occurs among the records.
class TermFrequencies {
 public:
  void Add(Field field, const std::string& value);
  // The chance that another record of the field has `value`, given one has: (count(value) - 1) / (records
  // of the field - 1) — a value seen twice among n is shared with one other record, not two, so two records
  // that agree on a name no third record has prove twice as much as count / n would say; count / n for a
  // value seen once, 0 for an unknown value.
  // After Restore, a value the counts lack was seen at most once: count / n with a count of 1.
  double Frequency(Field field, const std::string& value) const;

  // How many records have a value of `field`.
  std::uint64_t Total(Field field) const { return totals_[static_cast<int>(field)]; }

  // The values of `field` seen at least `min_count` times, with their counts, in value order: what a store keeps
  // of a run's frequencies (the rare values, nearly all of them, are left out).
  std::vector<std::pair<std::string, std::uint32_t>> Common(Field field, std::uint32_t min_count) const;

  // Sets `field`'s total and the counts of its common values as Common gave them; the values not given count
  // as seen once (Frequency), so a record matched later weighs a rare name as the run would have.
  void Restore(Field field, std::uint64_t total, const std::vector<std::pair<std::string, std::uint32_t>>& common);

 private:
  std::array<std::unordered_map<std::string, std::uint32_t>, kFieldCount> counts_;
  std::array<std::uint64_t, kFieldCount> totals_{};
  bool restored_ = false;  // the counts hold only common values
};

// The fields whose exact agreement is adjusted by term frequency: name, given name, family name, and the
// domain (two addresses at qq.com or 163.com, free mail, prove less than two at one company's domain).
bool IsTermFrequencyAdjusted(Field field);

// The evidence of one field: its level and the weight, in bits (log2 of the likelihood ratio), it adds.
struct FieldEvidence {
  Field field = Field::kName;
  Level level = Level::kMissing;
  double weight = 0;
  bool frequency_adjusted = false;  // the exact weight was set by how common the agreed value is
};

// A pair's score: the prior's log-odds plus the field weights, and the probability they give.
struct PairScore {
  double prior_weight = 0;
  double total_weight = 0;
  double probability = 0;
  std::vector<FieldEvidence> evidence;  // the fields not missing, in Field order
};

// Weighs `levels` of the pair (a, b). `frequencies` (may be null) adjusts exact name agreements:
// weight log2(m_exact / f) with f the value's frequency, f kept between the frequency of a value seen once
// and m_exact / 2 (however common the value, agreeing on it is never less than one bit of evidence).
// Thread-safe.
PairScore ScorePair(const FellegiSunterModel& model, const ComparisonVector& levels, const PreparedRecord& a,
                    const PreparedRecord& b, const TermFrequencies* frequencies);

// ScorePair's probability alone, without the per-field evidence (no allocation: the matcher scores millions
// of pairs). Thread-safe.
double PairProbability(const FellegiSunterModel& model, const ComparisonVector& levels, const PreparedRecord& a,
                       const PreparedRecord& b, const TermFrequencies* frequencies);

// The value of `field` in `record` whose frequency adjusts the weight ("" for other fields).
const std::string& TermOf(const PreparedRecord& record, Field field);

}  // namespace hub::matching

#endif  // HUB_MATCHING_FELLEGI_SUNTER_HPP_
