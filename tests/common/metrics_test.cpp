#include "common/metrics.hpp"

#include <limits>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace hub {
namespace {

TEST(MetricsRegistry, RendersFamiliesSortedWithHelpAndTypeOnce) {
  MetricsRegistry registry;
  registry.DescribeCounter("hub_records_synced_total", "Records written to the store.");
  registry.DescribeGauge("hub_plugins_loaded", "Plugins loaded.");
  registry.DescribeHistogram("hub_job_duration_seconds", "Job run time.", {1, 0.5});
  registry.Add("hub_records_synced_total", {{"job", "crm"}}, 3);
  registry.Add("hub_records_synced_total", {{"job", "billing"}});
  registry.Set("hub_plugins_loaded", {}, 7);
  for (double seconds : {0.25, 0.75, 3.0}) registry.Observe("hub_job_duration_seconds", {{"job", "crm"}}, seconds);

  EXPECT_EQ(registry.RenderPrometheus(),
            "# HELP hub_job_duration_seconds Job run time.\n"
            "# TYPE hub_job_duration_seconds histogram\n"
            "hub_job_duration_seconds_bucket{job=\"crm\",le=\"0.5\"} 1\n"
            "hub_job_duration_seconds_bucket{job=\"crm\",le=\"1\"} 2\n"
            "hub_job_duration_seconds_bucket{job=\"crm\",le=\"+Inf\"} 3\n"
            "hub_job_duration_seconds_sum{job=\"crm\"} 4\n"
            "hub_job_duration_seconds_count{job=\"crm\"} 3\n"
            "# HELP hub_plugins_loaded Plugins loaded.\n"
            "# TYPE hub_plugins_loaded gauge\n"
            "hub_plugins_loaded 7\n"
            "# HELP hub_records_synced_total Records written to the store.\n"
            "# TYPE hub_records_synced_total counter\n"
            "hub_records_synced_total{job=\"billing\"} 1\n"
            "hub_records_synced_total{job=\"crm\"} 3\n");
}

TEST(MetricsRegistry, EscapesLabelValuesAndHelpText) {
  MetricsRegistry registry;
  registry.DescribeGauge("g", "first line\nsecond \\ line \"quoted\"");
  registry.Set("g", {{"path", "C:\\dir \"x\"\nnext"}}, 1);
  EXPECT_EQ(registry.RenderPrometheus(),
            "# HELP g first line\\nsecond \\\\ line \"quoted\"\n"
            "# TYPE g gauge\n"
            "g{path=\"C:\\\\dir \\\"x\\\"\\nnext\"} 1\n");
}

TEST(MetricsRegistry, HistogramBucketsAreCumulativeAndInclusive) {
  MetricsRegistry registry;
  registry.DescribeHistogram("d", "");
  for (double seconds : {0.5, 0.5, 2.0, 20.0}) registry.Observe("d", {}, seconds);
  EXPECT_EQ(registry.RenderPrometheus(),
            "# TYPE d histogram\n"
            "d_bucket{le=\"0.005\"} 0\n"
            "d_bucket{le=\"0.01\"} 0\n"
            "d_bucket{le=\"0.025\"} 0\n"
            "d_bucket{le=\"0.05\"} 0\n"
            "d_bucket{le=\"0.1\"} 0\n"
            "d_bucket{le=\"0.25\"} 0\n"
            "d_bucket{le=\"0.5\"} 2\n"
            "d_bucket{le=\"1\"} 2\n"
            "d_bucket{le=\"2.5\"} 3\n"
            "d_bucket{le=\"5\"} 3\n"
            "d_bucket{le=\"10\"} 3\n"
            "d_bucket{le=\"+Inf\"} 4\n"
            "d_sum 23\n"
            "d_count 4\n");
}

TEST(MetricsRegistry, LabelOrderDoesNotMatter) {
  MetricsRegistry registry;
  registry.DescribeCounter("c", "");
  registry.Add("c", {{"b", "2"}, {"a", "1"}});
  registry.Add("c", {{"a", "1"}, {"b", "2"}});
  EXPECT_EQ(registry.Value("c", {{"b", "2"}, {"a", "1"}}), 2);
  EXPECT_EQ(registry.RenderPrometheus(), "# TYPE c counter\nc{a=\"1\",b=\"2\"} 2\n");
}

TEST(MetricsRegistry, FormatsSpecialAndFractionalValues) {
  MetricsRegistry registry;
  registry.DescribeGauge("g", "");
  registry.Set("g", {{"v", "a"}}, 0.25);
  registry.Set("g", {{"v", "b"}}, 1e20);
  registry.Set("g", {{"v", "c"}}, -std::numeric_limits<double>::infinity());
  registry.Set("g", {{"v", "d"}}, std::numeric_limits<double>::quiet_NaN());
  registry.Set("g", {{"v", "e"}}, -3);
  EXPECT_EQ(registry.RenderPrometheus(),
            "# TYPE g gauge\n"
            "g{v=\"a\"} 0.25\n"
            "g{v=\"b\"} 1e+20\n"
            "g{v=\"c\"} -Inf\n"
            "g{v=\"d\"} NaN\n"
            "g{v=\"e\"} -3\n");
}

TEST(MetricsRegistry, FamiliesWithoutSeriesAreLeftOut) {
  MetricsRegistry registry;
  registry.DescribeCounter("quiet_total", "Never incremented.");
  EXPECT_EQ(registry.RenderPrometheus(), "");
  registry.Add("quiet_total", {}, 0);
  EXPECT_EQ(registry.RenderPrometheus(),
            "# HELP quiet_total Never incremented.\n# TYPE quiet_total counter\nquiet_total 0\n");
}

TEST(MetricsRegistry, MisuseIsIgnoredOrAutoDescribedWithoutCrashing) {
  MetricsRegistry registry;
  registry.DescribeCounter("c", "");
  registry.Add("c", {}, 2);
  registry.Set("c", {}, 100);      // not a gauge
  registry.Add("c", {}, -1);       // counters never go down
  registry.Observe("c", {}, 1.0);  // not a histogram
  EXPECT_EQ(registry.Value("c", {}), 2);

  registry.Add("loose", {}, 5);         // never described: untyped
  registry.Observe("timing", {}, 0.1);  // never described: a histogram with the default buckets
  const std::string text = registry.RenderPrometheus();
  EXPECT_NE(text.find("# TYPE loose untyped\nloose 5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("timing_bucket{le=\"0.1\"} 1\n"), std::string::npos) << text;

  registry.DescribeCounter("loose", "Now described.");
  EXPECT_NE(registry.RenderPrometheus().find("# TYPE loose counter\n"), std::string::npos);
  registry.DescribeGauge("c", "wrong type");  // ignored: c stays a counter
  EXPECT_NE(registry.RenderPrometheus().find("# TYPE c counter\n"), std::string::npos);
}

TEST(MetricsRegistry, ConcurrentUpdatesFromSeveralThreadsAllCount) {
  MetricsRegistry registry;
  registry.DescribeCounter("hits_total", "");
  registry.DescribeHistogram("latency_seconds", "");
  constexpr int kThreads = 4;
  constexpr int kPerThread = 10000;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&registry] {
      for (int i = 0; i < kPerThread; ++i) {
        registry.Add("hits_total", {{"route", "/health"}});
        registry.Observe("latency_seconds", {}, 0.001);
        if (i % 100 == 0) {
          EXPECT_FALSE(registry.RenderPrometheus().empty());
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(registry.Value("hits_total", {{"route", "/health"}}), kThreads * kPerThread);
  EXPECT_NE(registry.RenderPrometheus().find("latency_seconds_count 40000\n"), std::string::npos);
}

}  // namespace
}  // namespace hub
