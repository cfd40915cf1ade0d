// What a sync run's and a match run's audit rows say about them.
#include "service/run_audit.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace hub::service {
namespace {

TEST(SyncRunAudit, CountsTheRunAndSaysHowItEnded) {
  sync::SyncRunResult result;
  result.counts.read = 7;
  result.counts.inserted = 2;
  result.counts.quarantined = 5;
  boost::json::value audit = boost::json::parse(SyncRunAuditJson(result, 1.5));
  EXPECT_EQ(audit.at("read").to_number<std::int64_t>(), 7);
  EXPECT_EQ(audit.at("inserted").to_number<std::int64_t>(), 2);
  EXPECT_EQ(audit.at("quarantined").to_number<std::int64_t>(), 5);
  EXPECT_EQ(audit.at("outcome").as_string(), "ok");
  EXPECT_DOUBLE_EQ(audit.at("seconds").as_double(), 1.5);

  result.status = sdk::Status::Cancelled("stopping");
  EXPECT_EQ(boost::json::parse(SyncRunAuditJson(result, 0)).at("outcome").as_string(), "cancelled");
  result.status = sdk::Status::Unavailable("store down");
  EXPECT_EQ(boost::json::parse(SyncRunAuditJson(result, 0)).at("outcome").as_string(),
            "failed: " + sdk::Status::Unavailable("store down").ToString());
}

TEST(MatchRunAudit, CountsTheRunAndAFailedRunSaysWhy) {
  golden::StoreMatchCounts counts;
  counts.parties = 4;
  counts.links = 1;
  counts.events = 1;
  boost::json::value audit = boost::json::parse(MatchRunAuditJson(counts, 0.25));
  EXPECT_EQ(audit.at("parties").to_number<std::int64_t>(), 4);
  EXPECT_EQ(audit.at("links").to_number<std::int64_t>(), 1);
  EXPECT_EQ(audit.at("events").to_number<std::int64_t>(), 1);
  EXPECT_EQ(audit.at("outcome").as_string(), "ok");
  const sdk::Status down = sdk::Status::Unavailable("store down");
  audit = boost::json::parse(MatchRunAuditJson(down, 0));
  EXPECT_EQ(audit.at("outcome").as_string(), "failed: " + down.ToString());
  EXPECT_EQ(audit.at("parties").to_number<std::int64_t>(), 0);
}

}  // namespace
}  // namespace hub::service
