// POST /api/v1/leads/{id}/accept over the real server, on both engines: the owner of a routed lead accepts it once
// (a second call answers the first acceptance), which needs the operate role; an unknown lead is 404, one whose
// owner was named rather than routed 409.
#include "service/lead_accept_route.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <string>

#include "service/routes_sink_fixture.hpp"

namespace hub::service {
namespace {

class LeadAcceptRouteTest : public test::RoutesSinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Store("team", "EAST", {{"code", "EAST"}, {"name", "East sales"}});
    Store("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"team_code", "EAST"}});
    Store("lead", "L1", {{"company_name", "浙江能源集团"}});
    Store("lead", "L2", {{"company_name", "上海华腾"}, {"owner_employee_number", "E1"}});
    api::Router router;
    ASSERT_TRUE(AddLeadAcceptRoute(router, *database_).ok());
    Serve(std::move(router));
  }

  std::string AcceptTarget(const std::string& company) {
    return "/api/v1/leads/" + std::to_string(Count("SELECT id FROM leads WHERE company_name = '" + company + "'")) +
           "/accept";
  }
};

TEST_P(LeadAcceptRouteTest, TheOwnerAcceptsARoutedLeadOnce) {
  EXPECT_EQ(Send("POST", AcceptTarget("浙江能源集团"), "", api::test::kReadToken).status, 403u);
  hub::test::HttpResult first = Send("POST", AcceptTarget("浙江能源集团"));
  ASSERT_EQ(first.status, 200u) << first.body;
  const boost::json::value accepted = boost::json::parse(first.body);
  EXPECT_EQ(accepted.at("owner_employee_id"), Count("SELECT id FROM employees WHERE employee_number = 'E1'"));
  EXPECT_TRUE(accepted.at("accepted_now").as_bool());
  EXPECT_FALSE(accepted.at("accepted_at").is_null());
  EXPECT_FALSE(accepted.at("accepted_by").is_null());

  hub::test::HttpResult second = Send("POST", AcceptTarget("浙江能源集团"));
  ASSERT_EQ(second.status, 200u) << second.body;
  const boost::json::value again = boost::json::parse(second.body);
  EXPECT_FALSE(again.at("accepted_now").as_bool());
  EXPECT_EQ(again.at("accepted_at"), accepted.at("accepted_at"));
  EXPECT_EQ(again.at("assignment_id"), accepted.at("assignment_id"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM lead_assignments WHERE accepted_at IS NOT NULL"), 1);
}

TEST_P(LeadAcceptRouteTest, AnUnknownLeadIsNotFoundAndANamedOwnerHasNothingToAccept) {
  EXPECT_EQ(Send("POST", "/api/v1/leads/999999/accept").status, 404u);
  EXPECT_EQ(Send("POST", "/api/v1/leads/x/accept").status, 404u);
  hub::test::HttpResult named = Send("POST", AcceptTarget("上海华腾"));
  EXPECT_EQ(named.status, 409u) << named.body;
  EXPECT_NE(named.body.find("no assignment to accept"), std::string::npos) << named.body;
}

INSTANTIATE_TEST_SUITE_P(Engines, LeadAcceptRouteTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
