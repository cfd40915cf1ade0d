// Counters, gauges and histograms, rendered in the Prometheus text exposition format (version 0.0.4).
#ifndef HUB_COMMON_METRICS_HPP_
#define HUB_COMMON_METRICS_HPP_

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hub {

// Label name/value pairs. Order does not matter: {a,b} and {b,a} name the same series.
using Labels = std::vector<std::pair<std::string, std::string>>;

// A registry of metric families, each described once (name, help, type) and then updated by name.
//
// Names must be valid Prometheus names ([a-zA-Z_:][a-zA-Z0-9_:]*; label names without ':'); they come
// from code, so they are not checked. Label values may hold any text and are escaped on output.
//
// Misuse is a programming error that never crashes: a value for an undescribed name creates the family
// on the fly (Add/Set as "untyped", Observe as a histogram with the default buckets), and a call that
// does not fit the family's type (Set or a negative Add on a counter, Observe on a counter, Add or Set on
// a histogram) is ignored. Describing an untyped family later turns it into a counter or gauge.
//
// Thread-safe: one mutex guards everything; every member may be called from any thread.
class MetricsRegistry {
 public:
  // Upper bounds suited to durations in seconds: .005 .01 .025 .05 .1 .25 .5 1 2.5 5 10 (+Inf implied).
  static const std::vector<double>& DefaultBuckets();

  // Declares a family. Describing a name again updates its help text if the type agrees; otherwise the
  // call is ignored. Histogram buckets are sorted and de-duplicated, non-finite bounds dropped (the +Inf
  // bucket is always rendered). A histogram's buckets are fixed when the family is created.
  void DescribeCounter(std::string name, std::string help);
  void DescribeGauge(std::string name, std::string help);
  void DescribeHistogram(std::string name, std::string help, std::vector<double> buckets = DefaultBuckets());

  // Adds `by` to a counter (by >= 0) or gauge (any sign) series, creating it at 0.
  void Add(std::string_view name, const Labels& labels, double by = 1);
  // Sets a gauge series.
  void Set(std::string_view name, const Labels& labels, double value);
  // Records one observation in a histogram series.
  void Observe(std::string_view name, const Labels& labels, double value);

  // The current value of a counter, gauge or untyped series; nullopt for histograms and unknown series.
  std::optional<double> Value(std::string_view name, const Labels& labels) const;

  // The whole registry in the text format: families sorted by name, each with its `# HELP` (when help
  // was given) and `# TYPE` lines once, then its series sorted by labels. Families without any series
  // are left out: Add(name, labels, 0) makes a series show as 0 before its first event.
  std::string RenderPrometheus() const;

 private:
  enum class Type { kCounter, kGauge, kHistogram, kUntyped };
  struct Series {
    double value = 0;                    // counter, gauge, untyped
    std::vector<std::uint64_t> buckets;  // histogram: observations per bucket, not cumulative; last is +Inf
    double sum = 0;
    std::uint64_t count = 0;
  };
  struct Family {
    Type type = Type::kUntyped;
    std::string help;
    std::vector<double> bounds;  // histogram bucket upper bounds, ascending, without +Inf
    std::map<Labels, Series> series;
  };

  void Describe(std::string name, std::string help, Type type, std::vector<double> bounds);
  // The family `name`, created with `type_if_new` if it does not exist yet.
  Family& FamilyLocked(std::string_view name, Type type_if_new);
  static Series& SeriesIn(Family& family, const Labels& labels);
  static const char* TypeName(Type type);
  static void RenderFamily(const std::string& name, const Family& family, std::string& out);

  mutable std::mutex mutex_;
  std::map<std::string, Family, std::less<>> families_;  // guarded by mutex_
};

}  // namespace hub

#endif  // HUB_COMMON_METRICS_HPP_
