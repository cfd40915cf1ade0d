// The matcher (hub/matching/matcher.hpp) scored on labelled data sets, one configuration for all: FEBRL4
// (a x b link), FEBRL3 (dedupe), pyJedAI's restaurants (link), PATSTAT applicants (dedupe) and a generated
// Chinese and English company set (dedupe, match_eval_generated.hpp). For each it
// prints blocking pair completeness and reduction ratio, the pairwise precision, recall and F1 of the
// clusters, cluster B-cubed, the precision of the automatic links, the share of candidate pairs sent to
// review (and the F1 once reviewers accept the true ones), the EM iterations and the wall time.
// The CSV files are read directly, not yet through a connector. With -v, the model's m and u and the
// wrong automatic links and the first missed pairs. With --scale N (repeatable), only the generated set of
// N records: how the cost grows, phase by phase, with the peak resident memory. --threads N prepares and
// matches on N threads (default: the machine's cores). Usage: bench_match_eval [-v] [--threads N]
// [--scale N]... [DATA] (default ../shared/data, from the root).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "match_eval_data.hpp"
#include "match_eval_generated.hpp"
#include "match_eval_metrics.hpp"
#include "matching/matcher.hpp"

namespace {

using hub::bench::EvalSet;
using hub::bench::PairwiseScore;
using hub::bench::Truth;
namespace matching = hub::matching;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU seconds of the whole process (every thread) so far: on a shared machine, what the work cost.
double ProcessCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double PeakRssMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024;  // Linux: kilobytes
}

void PrintModel(const matching::FellegiSunterModel& model) {
  std::printf("  model: prior %.5f, m/u per level (exact high medium different):\n", model.match_prior);
  for (int f = 0; f < matching::kFieldCount; ++f) {
    std::printf("    %-16s", std::string(matching::FieldName(static_cast<matching::Field>(f))).c_str());
    for (int l = 1; l < matching::kLevelCount; ++l) std::printf(" %.3f/%.4f", model.m[f][l], model.u[f][l]);
    std::printf("\n");
  }
}

struct Counts {
  std::size_t candidates = 0;
  std::size_t true_candidates = 0;
  std::size_t links = 0;
  std::size_t true_links = 0;
  std::size_t review = 0;
  std::size_t true_review = 0;
};

// Latency of matching one record against the indexed set (MatchIndex + Matcher::MatchOne), each query
// prepared and matched on one thread: `queries` are records of the set itself, written as a source sends
// them, so their own entry is among their candidates.
void MeasureOneRecord(const matching::Matcher& matcher, const matching::MatchRun& run,
                      const std::vector<matching::PreparedRecord>& records,
                      const std::vector<matching::MatchRecord>& queries, const matching::RecordPreparers& preparers) {
  const auto start = std::chrono::steady_clock::now();
  const matching::MatchIndex index(records, matcher.config().blocking, matcher.config().threads);
  const double build_seconds = Seconds(start);
  std::vector<double> micros;
  std::vector<double> cpu_micros;  // the thread's CPU time: the query's cost without the waits of a busy machine
  std::size_t candidates = 0;
  std::size_t linked = 0;
  for (const matching::MatchRecord& query : queries) {
    const auto begin = std::chrono::steady_clock::now();
    const double cpu_begin = ThreadCpuSeconds();
    const std::vector<matching::RecordMatch> matches = matcher.MatchOne(run, index, PrepareRecord(query, preparers));
    cpu_micros.push_back((ThreadCpuSeconds() - cpu_begin) * 1e6);
    micros.push_back(Seconds(begin) * 1e6);
    candidates += matches.size();
    linked += !matches.empty() && matches.front().decision == matching::Decision::kLink ? 1 : 0;
  }
  std::sort(micros.begin(), micros.end());
  std::sort(cpu_micros.begin(), cpu_micros.end());
  const auto percentile = [](const std::vector<double>& sorted, double p) {
    return sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))];
  };
  std::printf(
      "  one record against the index: built in %.3f s; %zu queries, %.1f candidates each, best a link for %zu; "
      "wall p50 %.0f us, p99 %.0f us, max %.0f us; CPU p50 %.0f us, p99 %.0f us\n",
      build_seconds, micros.size(), static_cast<double>(candidates) / static_cast<double>(micros.size()), linked,
      percentile(micros, 0.5), percentile(micros, 0.99), micros.back(), percentile(cpu_micros, 0.5),
      percentile(cpu_micros, 0.99));
}

// The records prepared in batches of 65 536 (each on `threads` threads); with `release`, each batch's
// texts are freed once prepared, as records streamed from a store would be, so that the raw and the
// prepared forms of the whole set are never held at once.
std::vector<matching::PreparedRecord> PrepareInBatches(std::vector<matching::MatchRecord>& raw,
                                                       const matching::RecordPreparers& preparers, unsigned threads,
                                                       bool release) {
  constexpr std::size_t kBatch = 65536;
  std::vector<matching::PreparedRecord> prepared;
  prepared.reserve(raw.size());
  for (std::size_t begin = 0; begin < raw.size(); begin += kBatch) {
    const auto from = raw.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto to = raw.begin() + static_cast<std::ptrdiff_t>(std::min(raw.size(), begin + kBatch));
    std::vector<matching::MatchRecord> batch;
    if (release) {
      batch.assign(std::make_move_iterator(from), std::make_move_iterator(to));
    } else {
      batch.assign(from, to);
    }
    for (matching::PreparedRecord& record : PrepareRecords(batch, preparers, threads)) {
      prepared.push_back(std::move(record));
    }
  }
  return prepared;
}

// Scores one set. Without `verbose`, the set's records are dropped once prepared (only the prepared
// forms and the truth are needed), as a store-backed run would hold them.
// With `queries` > 0, also how long matching one record against the indexed set takes (MeasureOneRecord).
void Evaluate(EvalSet set, const matching::RecordPreparers& preparers, bool verbose, unsigned threads,
              std::size_t queries = 0) {
  std::vector<matching::MatchRecord> sample;
  for (std::size_t i = 0; i < queries && !set.records.empty(); ++i) {
    sample.push_back(set.records[(i * 7919) % set.records.size()]);
  }
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = ProcessCpuSeconds();
  const std::vector<matching::PreparedRecord> records = PrepareInBatches(set.records, preparers, threads, !verbose);
  const double prepare_seconds = Seconds(start);
  const double prepare_cpu = ProcessCpuSeconds() - cpu_start;
  const double prepared_rss = PeakRssMegabytes();
  if (!verbose) std::vector<matching::MatchRecord>().swap(set.records);
  matching::MatcherConfig config;
  config.blocking.across_sources_only = set.link;
  config.threads = threads;
  const matching::Matcher matcher(config);
  const auto run_start = std::chrono::steady_clock::now();
  const double run_cpu_start = ProcessCpuSeconds();
  matching::MatchTimings t;
  const matching::MatchRun run = matcher.Run(records, &t);
  const double run_seconds = Seconds(run_start);
  const double run_cpu = ProcessCpuSeconds() - run_cpu_start;

  Truth truth{set.entity, {}, set.link};
  for (const auto& record : records) truth.source.push_back(record.source);
  Counts counts;
  std::vector<matching::ScoredLink> accepted;
  int missed_shown = 0;
  for (const matching::PairDecision& pair : run.pairs) {
    const bool is_true = hub::bench::IsTrue(truth, pair.pair);
    ++counts.candidates;
    counts.true_candidates += is_true ? 1 : 0;
    if (pair.decision == matching::Decision::kLink) {
      ++counts.links;
      counts.true_links += is_true ? 1 : 0;
      accepted.push_back({pair.pair, pair.probability});
      if (!is_true && verbose) {
        std::printf(
            "  wrong link %s | %s: %s\n", set.records[pair.pair.first].id.c_str(),
            set.records[pair.pair.second].id.c_str(),
            matching::Matcher::Describe(matcher.Explain(run, records[pair.pair.first], records[pair.pair.second]))
                .c_str());
      }
    } else if (is_true && pair.decision != matching::Decision::kReview && verbose && ++missed_shown <= 5) {
      std::printf("  missed %s | %s (%s | %s): %s\n", set.records[pair.pair.first].id.c_str(),
                  set.records[pair.pair.second].id.c_str(), set.records[pair.pair.first].name.c_str(),
                  set.records[pair.pair.second].name.c_str(),
                  matching::Matcher::Describe(matcher.Explain(run, records[pair.pair.first], records[pair.pair.second]))
                      .c_str());
    }
    if (pair.decision == matching::Decision::kReview) {
      ++counts.review;
      counts.true_review += is_true ? 1 : 0;
      if (is_true) accepted.push_back({pair.pair, pair.probability});
    }
  }
  const double true_pairs = hub::bench::TruePairs(truth);
  const PairwiseScore pairwise = hub::bench::ScoreClusterPairs(truth, run.clusters.cluster_of);
  const PairwiseScore bcubed = hub::bench::ScoreBCubed(truth, run.clusters.cluster_of);
  const PairwiseScore reviewed =
      hub::bench::ScoreClusterPairs(truth, matching::ClusterLinks(records, accepted).cluster_of);
  std::printf("%s (%s, %zu records, %.0f true pairs)\n", set.name.c_str(), set.link ? "link" : "dedupe", records.size(),
              true_pairs);
  std::printf("  blocking: %zu candidate pairs, pair completeness %.4f, reduction ratio %.6f\n", counts.candidates,
              counts.true_candidates / true_pairs, 1 - counts.candidates / hub::bench::PossiblePairs(truth));
  std::printf("  EM: %d iterations%s, match prior %.4f\n", run.model.iterations,
              run.model.converged ? " (converged)" : " (not converged)", run.model.match_prior);
  std::printf("  clusters pairwise: precision %.4f recall %.4f F1 %.4f; B-cubed precision %.4f recall %.4f F1 %.4f\n",
              pairwise.precision, pairwise.recall, pairwise.f1, bcubed.precision, bcubed.recall, bcubed.f1);
  std::printf(
      "  automatic links %zu, precision %.4f; review %zu = %.2f%% of candidates (%zu true); refused by "
      "constraints %zu\n",
      counts.links, counts.links ? static_cast<double>(counts.true_links) / counts.links : 1.0, counts.review,
      100.0 * counts.review / std::max<std::size_t>(counts.candidates, 1), counts.true_review,
      run.clusters.refused.size());
  std::printf("  after review (true review pairs accepted): precision %.4f recall %.4f F1 %.4f\n", reviewed.precision,
              reviewed.recall, reviewed.f1);
  std::printf(
      "  time: prepare %.3f s, match %.3f s (block %.3f, compare %.3f, EM %.3f, decide %.3f, cluster %.3f); CPU "
      "prepare %.3f s, match %.3f s; peak RSS %.0f MB once prepared, %.0f MB matched\n",
      prepare_seconds, run_seconds, t.blocking, t.comparison, t.estimation, t.decision, t.clustering, prepare_cpu,
      run_cpu, prepared_rss, PeakRssMegabytes());
  if (!sample.empty()) MeasureOneRecord(matcher, run, records, sample, preparers);
  if (verbose) PrintModel(run.model);
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::string data = "../shared/data";
  std::vector<std::size_t> scales;
  unsigned threads = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "-v") {
      verbose = true;
    } else if (std::string(argv[i]) == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (std::string(argv[i]) == "--scale" && i + 1 < argc) {
      scales.push_back(std::stoul(argv[++i]));
    } else {
      data = argv[i];
    }
  }
  auto normalizer = matching::TextNormalizer::Create();
  if (!normalizer.ok()) {
    std::fprintf(stderr, "bench_match_eval: %s\n", normalizer.status().ToString().c_str());
    return 1;
  }
  const matching::DomainKeys domains;
  const matching::RecordPreparers preparers{**normalizer, matching::ChineseCompanyNameParser::Builtin(), domains};
  try {
    if (!scales.empty()) {
      for (std::size_t size : scales) {
        const auto start = std::chrono::steady_clock::now();
        EvalSet set = hub::bench::GenerateCompanyRecords(size, 20261202);
        std::printf("generated %zu records in %.3f s\n", set.records.size(), Seconds(start));
        Evaluate(std::move(set), preparers, false, threads, 2000);
      }
      return 0;
    }
    Evaluate(hub::bench::LoadFebrl("febrl4", {data + "/febrl/dataset4a.csv", data + "/febrl/dataset4b.csv"}), preparers,
             verbose, threads);
    Evaluate(hub::bench::LoadFebrl("febrl3", {data + "/febrl/dataset3.csv"}), preparers, verbose, threads);
    Evaluate(hub::bench::LoadRestaurants(data + "/pyjedai_ccer/D1_restaurants"), preparers, verbose, threads);
    Evaluate(hub::bench::LoadPatstat(data + "/patstat_company_names"), preparers, verbose, threads);
    Evaluate(hub::bench::GenerateCompanyRecords(6000, 20261202), preparers, verbose, threads);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bench_match_eval: %s\n", error.what());
    return 1;
  }
  return 0;
}
