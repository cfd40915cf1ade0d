#include "common/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace hub {
namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

// Go-style float text as Prometheus expects: "+Inf", "-Inf", "NaN", integers without a fraction.
std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::trunc(value) && std::fabs(value) < kMaxExactInteger) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

std::string EscapeHelp(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeLabelValue(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"') {
      out += "\\\"";
    } else {
      out += EscapeHelp(std::string_view(&c, 1));
    }
  }
  return out;
}

// `{a="1",b="2"}`, with `extra` (the histogram's le) last; empty when there are no labels at all.
std::string RenderLabels(const Labels& labels, const std::pair<std::string, std::string>* extra = nullptr) {
  if (labels.empty() && extra == nullptr) return "";
  std::string out = "{";
  auto append = [&out](const std::pair<std::string, std::string>& label) {
    if (out.size() > 1) out += ',';
    out += label.first + "=\"" + EscapeLabelValue(label.second) + "\"";
  };
  for (const auto& label : labels) append(label);
  if (extra != nullptr) append(*extra);
  return out + "}";
}

Labels Canonical(const Labels& labels) {
  Labels sorted = labels;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

std::vector<double> NormalizedBounds(std::vector<double> bounds) {
  std::erase_if(bounds, [](double bound) { return !std::isfinite(bound); });
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  return bounds;
}

}  // namespace

const std::vector<double>& MetricsRegistry::DefaultBuckets() {
  static const std::vector<double> kBuckets = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};
  return kBuckets;
}

void MetricsRegistry::DescribeCounter(std::string name, std::string help) {
  Describe(std::move(name), std::move(help), Type::kCounter, {});
}

void MetricsRegistry::DescribeGauge(std::string name, std::string help) {
  Describe(std::move(name), std::move(help), Type::kGauge, {});
}

void MetricsRegistry::DescribeHistogram(std::string name, std::string help, std::vector<double> buckets) {
  Describe(std::move(name), std::move(help), Type::kHistogram, NormalizedBounds(std::move(buckets)));
}

void MetricsRegistry::Describe(std::string name, std::string help, Type type, std::vector<double> bounds) {
  std::lock_guard lock(mutex_);
  auto [it, added] = families_.try_emplace(std::move(name));
  Family& family = it->second;
  const bool compatible = added || family.type == type || (family.type == Type::kUntyped && type != Type::kHistogram);
  if (!compatible) return;
  family.type = type;
  family.help = std::move(help);
  if (added) family.bounds = std::move(bounds);
}

MetricsRegistry::Family& MetricsRegistry::FamilyLocked(std::string_view name, Type type_if_new) {
  auto it = families_.find(name);
  if (it == families_.end()) {
    it = families_.try_emplace(std::string(name)).first;
    it->second.type = type_if_new;
    if (type_if_new == Type::kHistogram) it->second.bounds = DefaultBuckets();
  }
  return it->second;
}

MetricsRegistry::Series& MetricsRegistry::SeriesIn(Family& family, const Labels& labels) {
  auto [it, added] = family.series.try_emplace(Canonical(labels));
  if (added && family.type == Type::kHistogram) it->second.buckets.assign(family.bounds.size() + 1, 0);
  return it->second;
}

void MetricsRegistry::Add(std::string_view name, const Labels& labels, double by) {
  std::lock_guard lock(mutex_);
  Family& family = FamilyLocked(name, Type::kUntyped);
  if (family.type == Type::kHistogram || (family.type == Type::kCounter && !(by >= 0))) return;
  SeriesIn(family, labels).value += by;
}

void MetricsRegistry::Set(std::string_view name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  Family& family = FamilyLocked(name, Type::kUntyped);
  if (family.type != Type::kGauge && family.type != Type::kUntyped) return;
  SeriesIn(family, labels).value = value;
}

void MetricsRegistry::Observe(std::string_view name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  Family& family = FamilyLocked(name, Type::kHistogram);
  if (family.type != Type::kHistogram) return;
  Series& series = SeriesIn(family, labels);
  // The first bucket whose upper bound is >= value; the last one is +Inf, where NaN goes too.
  const auto& bounds = family.bounds;
  const auto bucket =
      std::isnan(value)
          ? bounds.size()
          : static_cast<std::size_t>(std::lower_bound(bounds.begin(), bounds.end(), value) - bounds.begin());
  ++series.buckets[bucket];
  series.sum += value;
  ++series.count;
}

std::optional<double> MetricsRegistry::Value(std::string_view name, const Labels& labels) const {
  std::lock_guard lock(mutex_);
  auto family = families_.find(name);
  if (family == families_.end() || family->second.type == Type::kHistogram) return std::nullopt;
  auto series = family->second.series.find(Canonical(labels));
  if (series == family->second.series.end()) return std::nullopt;
  return series->second.value;
}

std::string MetricsRegistry::RenderPrometheus() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, family] : families_) {
    if (!family.series.empty()) RenderFamily(name, family, out);
  }
  return out;
}

const char* MetricsRegistry::TypeName(Type type) {
  switch (type) {
    case Type::kCounter:
      return "counter";
    case Type::kGauge:
      return "gauge";
    case Type::kHistogram:
      return "histogram";
    case Type::kUntyped:
      return "untyped";
  }
  return "untyped";
}

void MetricsRegistry::RenderFamily(const std::string& name, const Family& family, std::string& out) {
  if (!family.help.empty()) out += "# HELP " + name + " " + EscapeHelp(family.help) + "\n";
  out += "# TYPE " + name + " " + TypeName(family.type) + "\n";
  for (const auto& [labels, series] : family.series) {
    if (family.type != Type::kHistogram) {
      out += name + RenderLabels(labels) + " " + FormatValue(series.value) + "\n";
      continue;
    }
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < series.buckets.size(); ++i) {
      cumulative += series.buckets[i];
      const std::pair<std::string, std::string> le{"le",
                                                   i < family.bounds.size() ? FormatValue(family.bounds[i]) : "+Inf"};
      out += name + "_bucket" + RenderLabels(labels, &le) + " " + std::to_string(cumulative) + "\n";
    }
    out += name + "_sum" + RenderLabels(labels) + " " + FormatValue(series.sum) + "\n";
    out += name + "_count" + RenderLabels(labels) + " " + std::to_string(series.count) + "\n";
  }
}

}  // namespace hub
