// The review of a top-tier lead over the real server, on both engines: a top lead asks its reviewer (the active
// employee with the configured title) by lead.review_requested and waits in GET /api/v1/leads?review=pending;
// POST /api/v1/leads/{id}/review approves it once (the tier kept) or rejects it with the reason (the tier middle),
// recorded in the classification and the audit log, the owner told by lead.reviewed; an unknown lead is 404, one
// without a review or decided otherwise 409, a bad body 400 naming the fields, a reader 403.
#include "service/lead_review_routes.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <utility>

#include "common/clock.hpp"
#include "service/routes_sink_fixture.hpp"
#include "store/model/event_documents.hpp"
#include "store/model/lead_review.hpp"

namespace hub::service {
namespace {

using sdk::Value;

class LeadReviewRoutesTest : public test::RoutesSinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Store("team", "EAST", {{"code", "EAST"}, {"name", "East sales"}});
    Store("employee", "D0",
          {{"employee_number", "D0"}, {"name", "陈静"}, {"title", "Sales_Director"}, {"status", "on_leave"}});
    Store("employee", "D1",
          {{"employee_number", "D1"}, {"name", "周总"}, {"title", "Sales_Director"}, {"email", "zhou@example.cn"}});
    Store("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"team_code", "EAST"}});
    // No customer is in shipbuilding yet: a clear need there is top. A lead without a need is base.
    Store("lead", "L1", {{"company_name", "江南造船"}, {"need", "焊接机器人 12 台"}, {"industry", "shipbuilding"}});
    Store("lead", "L2", {{"company_name", "某公司"}, {"channel", "trade_show"}});
    api::Router router;
    ASSERT_TRUE(AddLeadReviewRoutes(router, *database_, clock_).ok());
    Serve(std::move(router));
  }

  std::int64_t LeadId(const std::string& company) {
    return Count("SELECT id FROM leads WHERE company_name = '" + company + "'");
  }

  hub::test::HttpResult PostReview(const std::string& company, const boost::json::object& body,
                                   const std::string& token = api::test::kOperateToken) {
    return Send("POST", "/api/v1/leads/" + std::to_string(LeadId(company)) + "/review", boost::json::serialize(body),
                token);
  }

  boost::json::value Classification(const std::string& company) {
    return boost::json::parse(
        QueryValue("SELECT classification FROM leads WHERE id = ?", {Value::Int64(LeadId(company))}).text());
  }

  ManualClock clock_{TimePoint(std::chrono::hours(24 * 20'000))};
};

TEST_P(LeadReviewRoutesTest, ATopLeadAsksItsReviewerAndWaitsInThePendingList) {
  std::vector<odbc::Row> asked =
      QueryRows("SELECT aggregate_id, payload FROM outbox_events WHERE kind = 'lead.review_requested'");
  ASSERT_EQ(asked.size(), 1u) << "only the top lead asks";
  EXPECT_EQ(asked[0][0].text(), std::to_string(LeadId("江南造船")));
  const boost::json::object payload = boost::json::parse(asked[0][1].text()).as_object();
  EXPECT_EQ(payload.at("reviewer"), "sales_director");
  EXPECT_EQ(payload.at("reviewer_employee_id"), Count("SELECT id FROM employees WHERE employee_number = 'D1'"))
      << "the title's holder who is not on leave";
  sdk::Result<boost::json::value> document =
      store_model::ReadEventDocument(*connection_, "lead", LeadId("江南造船"), payload);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_EQ(document->at("reviewer").at("email"), "zhou@example.cn") << "whom the mail template addresses";

  hub::test::HttpResult pending = Send("GET", "/api/v1/leads?review=pending", "", api::test::kReadToken);
  ASSERT_EQ(pending.status, 200u) << pending.body;
  const boost::json::value listed = boost::json::parse(pending.body);
  const boost::json::array& leads = listed.at("leads").as_array();
  ASSERT_EQ(leads.size(), 1u) << pending.body;
  EXPECT_EQ(leads[0].at("company_name"), "江南造船");
  EXPECT_EQ(leads[0].at("tier"), "top");
  EXPECT_EQ(leads[0].at("review"), "sales_director");
  EXPECT_EQ(leads[0].at("classification").at("review_state"), "pending");
  hub::test::HttpResult all = Send("GET", "/api/v1/leads", "", api::test::kReadToken);
  EXPECT_EQ(boost::json::parse(all.body).at("leads").as_array().size(), 2u) << all.body;
  EXPECT_EQ(Send("GET", "/api/v1/leads?review=maybe", "", api::test::kReadToken).status, 400u);
}

TEST_P(LeadReviewRoutesTest, TheReviewerIsAnEmployeeNumberElseAnHrTitleOfSomeoneAtWork) {
  const std::int64_t d1 = Count("SELECT id FROM employees WHERE employee_number = 'D1'");
  for (const auto& [named, expected] : {std::pair<std::string, std::optional<std::int64_t>>{"D1", d1},
                                        {"sales_director", d1},
                                        {"SALES_DIRECTOR", d1},
                                        {"D0", std::nullopt},
                                        {"vp_sales", std::nullopt}}) {
    sdk::Result<std::optional<std::int64_t>> reviewer = store_model::ResolveReviewer(*connection_, named);
    ASSERT_TRUE(reviewer.ok()) << reviewer.status().ToString();
    EXPECT_EQ(*reviewer, expected) << named;
  }
}

TEST_P(LeadReviewRoutesTest, AnApprovalKeepsTheTierOnceIsAuditedAndTellsTheOwner) {
  hub::test::HttpResult first = PostReview("江南造船", {{"decision", "approve"}, {"by", "周总"}, {"note", "重点客户"}});
  ASSERT_EQ(first.status, 200u) << first.body;
  const boost::json::value approved = boost::json::parse(first.body);
  EXPECT_EQ(approved.at("review_state"), "approved");
  EXPECT_EQ(approved.at("tier"), "top");
  EXPECT_EQ(approved.at("by"), "周总");
  EXPECT_TRUE(approved.at("decided_now").as_bool());
  EXPECT_EQ(approved.at("decided_at"), "2024-10-04T00:00:00.000Z");

  clock_.Advance(std::chrono::hours(1));
  hub::test::HttpResult again = PostReview("江南造船", {{"decision", "approve"}, {"by", "周总"}});
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_FALSE(boost::json::parse(again.body).at("decided_now").as_bool());
  EXPECT_EQ(boost::json::parse(again.body).at("decided_at"), approved.at("decided_at"));
  hub::test::HttpResult otherwise = PostReview("江南造船", {{"decision", "reject"}, {"by", "周总"}, {"note", "x"}});
  EXPECT_EQ(otherwise.status, 409u) << otherwise.body;

  const boost::json::value classification = Classification("江南造船");
  EXPECT_EQ(classification.at("review_state"), "approved");
  EXPECT_EQ(classification.at("review_decision").at("note"), "重点客户");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'lead review'"), 1);
  std::vector<odbc::Row> told = QueryRows("SELECT payload FROM outbox_events WHERE kind = 'lead.reviewed'");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(boost::json::parse(told[0][0].text()).at("owner_employee_id"),
            Count("SELECT id FROM employees WHERE employee_number = 'E1'"));
}

TEST_P(LeadReviewRoutesTest, ARejectionMovesTheLeadToTheMiddleTierWithItsReason) {
  hub::test::HttpResult unexplained = PostReview("江南造船", {{"decision", "reject"}, {"by", "周总"}});
  ASSERT_EQ(unexplained.status, 400u) << unexplained.body;
  EXPECT_TRUE(boost::json::parse(unexplained.body).at("error").at("fields").as_object().contains("note"));
  hub::test::HttpResult rejected =
      PostReview("江南造船", {{"decision", "reject"}, {"by", "周总"}, {"note", "只是询价，无预算"}});
  ASSERT_EQ(rejected.status, 200u) << rejected.body;
  EXPECT_EQ(boost::json::parse(rejected.body).at("tier"), "middle");
  EXPECT_EQ(boost::json::parse(rejected.body).at("tier_before"), "top");
  EXPECT_EQ(QueryValue("SELECT tier FROM leads WHERE id = ?", {Value::Int64(LeadId("江南造船"))}).text(), "middle");
  const boost::json::value classification = Classification("江南造船");
  EXPECT_EQ(classification.at("tier"), "middle");
  const boost::json::array& reasons = classification.at("reasons").as_array();
  EXPECT_EQ(reasons.back().at("rule"), "review");
  EXPECT_EQ(reasons.back().at("detail"), "rejected by 周总: 只是询价，无预算");
  hub::test::HttpResult pending = Send("GET", "/api/v1/leads?review=rejected", "", api::test::kReadToken);
  EXPECT_EQ(boost::json::parse(pending.body).at("leads").as_array().size(), 1u) << pending.body;
}

TEST_P(LeadReviewRoutesTest, FaultsAreNamed) {
  EXPECT_EQ(Send("POST", "/api/v1/leads/999999/review", R"({"decision":"approve","by":"周总"})").status, 404u);
  hub::test::HttpResult no_review = PostReview("某公司", {{"decision", "approve"}, {"by", "周总"}});
  EXPECT_EQ(no_review.status, 409u) << no_review.body;
  hub::test::HttpResult bad = PostReview("江南造船", {{"decision", "maybe"}, {"note", 3}, {"when", "now"}});
  ASSERT_EQ(bad.status, 400u) << bad.body;
  const boost::json::value refused = boost::json::parse(bad.body);
  const boost::json::object& fields = refused.at("error").at("fields").as_object();
  for (const char* field : {"decision", "by", "note", "when"}) EXPECT_TRUE(fields.contains(field)) << bad.body;
  EXPECT_EQ(PostReview("江南造船", {{"decision", "approve"}, {"by", "周总"}}, api::test::kReadToken).status, 403u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads WHERE review_state = 'pending'"), 1) << "nothing decided";
}

INSTANTIATE_TEST_SUITE_P(Engines, LeadReviewRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
