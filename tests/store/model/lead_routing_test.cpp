// Leads stored through the sink on both engines are routed among the staff HR describes (employees synced with
// their teams, territories and specialities): the owner, team and rule on the lead, the trace in
// lead_assignments and a "lead.assigned" event; a signed lead frees its owner's slot, a known customer's lead
// goes to whoever owns the customer (and, giving no place, by its customer's province), one of a customer in its
// cooling period to nobody, a lead naming its owner is not routed; and the candidates as read.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "common/clock.hpp"
#include "hub/odbc/transaction.hpp"
#include "store/model/owner_claim.hpp"
#include "store/model/routing_candidates.hpp"
#include "store/model/staff_cache.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using hub::test::Backend;
using sdk::Value;

class LeadRoutingTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Store("team", "EAST", {{"code", "EAST"}, {"name", "East sales"}});
    Store("territory", "ZJ", {{"code", "ZJ"}, {"name", "Zhejiang"}, {"province", "浙江"}});
    Store("territory", "SH", {{"code", "SH"}, {"name", "Shanghai"}, {"province", "上海"}});
    Store("speciality", "energy", {{"code", "energy"}, {"name", "Energy"}});
    Store("speciality", "retail", {{"code", "retail"}, {"name", "Retail"}});
    Employee("E1", {{"name", "王芳"}, {"speciality_codes", "energy:3"}, {"territory_codes", "ZJ"}, {"capacity", "1"}});
    Employee("E2", {{"name", "李强"}, {"speciality_codes", "retail"}, {"territory_codes", "SH"}});
    Employee("E3", {{"name", "赵敏"}, {"speciality_codes", "energy:5"}, {"status", "on_leave"}});
  }

  // An HR record of employee `number` in team EAST.
  void Employee(const std::string& number, std::vector<std::pair<std::string, std::string>> fields) {
    fields.emplace_back("employee_number", number);
    fields.emplace_back("team_code", "EAST");
    Store("employee", number, fields);
  }

  // "<owner's employee number>/<routing_rule>" of lead `id`; "-" for a null.
  std::string Routed(const std::string& id) {
    std::vector<odbc::Row> rows = QueryRows(
        "SELECT e.employee_number, l.routing_rule FROM leads l JOIN source_links s ON s.entity = 'lead' "
        "AND s.record_id = l.id LEFT JOIN employees e ON e.id = l.owner_employee_id WHERE s.source_id = ?",
        {Value::String(id)});
    if (rows.size() != 1) return "no lead " + id;
    return (rows[0][0].is_null() ? "-" : rows[0][0].text()) + "/" + (rows[0][1].is_null() ? "-" : rows[0][1].text());
  }

  std::int64_t LeadId(const std::string& id) {
    return Count("SELECT record_id FROM source_links WHERE entity = 'lead' AND source_id = '" + id + "'");
  }

  std::int64_t EmployeeId(const std::string& number) {
    return Count("SELECT id FROM employees WHERE employee_number = '" + number + "'");
  }

  // The staff as ReadRoutingCandidates reads them now; fails the test on error.
  std::vector<leads::RoutingCandidate> Staff() {
    sdk::Result<std::vector<leads::RoutingCandidate>> staff = ReadRoutingCandidates(*connection_);
    EXPECT_TRUE(staff.ok()) << staff.status().ToString();
    return staff.ok() ? std::move(staff).value() : std::vector<leads::RoutingCandidate>{};
  }
};

TEST_P(LeadRoutingTest, ANewLeadGetsItsOwnerTeamRuleTraceAndEvent) {
  Store("lead", "L1", {{"company_name", "浙江能源集团"}, {"industry", "energy"}, {"province", "浙江"}});
  EXPECT_EQ(Routed("L1"), "E1/industry");
  const std::int64_t lead = LeadId("L1");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads WHERE team_id = (SELECT id FROM teams WHERE code = 'EAST')"), 1);

  std::vector<odbc::Row> assignments = QueryRows(
      "SELECT employee_id, rule, reason, trace FROM lead_assignments WHERE lead_id = ?", {Value::Int64(lead)});
  ASSERT_EQ(assignments.size(), 1u);
  EXPECT_EQ(assignments[0][0].integer(), EmployeeId("E1"));
  EXPECT_EQ(assignments[0][1].text(), "industry");
  EXPECT_EQ(assignments[0][2].text(), "intake");
  const boost::json::object trace = boost::json::parse(assignments[0][3].text()).as_object();
  EXPECT_EQ(trace.at("rule").as_string(), "industry");
  const boost::json::array& candidates = trace.at("candidates").as_array();
  ASSERT_EQ(candidates.size(), 3u);  // E1, E2 and E3, in employee id order
  EXPECT_TRUE(candidates[0].as_object().at("winner").as_bool());
  EXPECT_EQ(candidates[1].as_object().at("eliminated_by").as_string(), "industry");
  EXPECT_EQ(candidates[2].as_object().at("eliminated_by").as_string(), "availability");
  EXPECT_EQ(candidates[2].as_object().at("detail").as_string(), "on leave");

  std::vector<odbc::Row> events =
      QueryRows("SELECT aggregate, aggregate_id, payload FROM outbox_events WHERE kind = 'lead.assigned'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0][0].text(), "lead");
  EXPECT_EQ(events[0][1].text(), std::to_string(lead));
  const boost::json::object payload = boost::json::parse(events[0][2].text()).as_object();
  EXPECT_EQ(payload.at("owner_employee_id").as_int64(), EmployeeId("E1"));
  EXPECT_EQ(payload.at("rule").as_string(), "industry");
}

TEST_P(LeadRoutingTest, ACallFromAnUnknownLandlineIsRoutedByTheRegionOfItsAreaCode) {
  Store("activity", "CALL-1",
        {{"kind", "call"},
         {"direction", "inbound"},
         {"phone", "021 6888 1234"},
         {"outcome", "answered"},
         {"occurred_at", "2026-11-02T01:00:00Z"},
         {"need", "询价：货架 40 组"}});
  std::vector<odbc::Row> leads = QueryRows(
      "SELECT l.province, l.city, e.employee_number, l.routing_rule FROM leads l "
      "LEFT JOIN employees e ON e.id = l.owner_employee_id");
  ASSERT_EQ(leads.size(), 1u) << "the unknown caller's need is a lead";
  EXPECT_EQ(leads[0][0].text(), "上海") << "the area code 21 is Shanghai's";
  EXPECT_EQ(leads[0][1].text(), "上海");
  EXPECT_EQ(leads[0][2].text(), "E2") << "the owner of territory SH";
  EXPECT_EQ(leads[0][3].text(), "region");
}

TEST_P(LeadRoutingTest, AnOwnerAtQuotaIsPassedOverUntilASigningFreesTheSlot) {
  Store("lead", "L1", {{"industry", "energy"}});
  ASSERT_EQ(Routed("L1"), "E1/industry");
  Store("lead", "L2", {{"industry", "energy"}});  // E1 holds its capacity of 1: industry would leave nobody
  EXPECT_EQ(Routed("L2"), "E2/quota");
  Store("lead", "L1", {{"industry", "energy"}, {"stage", "signed"}});
  Store("lead", "L3", {{"industry", "energy"}});
  EXPECT_EQ(Routed("L3"), "E1/industry");
  Store("lead", "L3", {{"industry", "energy"}, {"stage", "abandoned"}});
  Store("lead", "L4", {{"industry", "energy"}});
  EXPECT_EQ(Routed("L4"), "E1/industry");
}

TEST_P(LeadRoutingTest, AKnownCustomersLeadGoesToItsOwner) {
  Store("party", "C1",
        {{"kind", "organization"},
         {"name", "上海华腾贸易有限公司"},
         {"email", "sales@huateng.cn"},
         {"owner_employee_number", "E2"}});
  Store("lead", "L0", {{"industry", "retail"}});  // E2 holds more than E1 now: workload alone would pick E1
  Store("lead", "L1", {{"company_name", "上海华腾贸易有限公司"}, {"email", "Sales@HuaTeng.cn"}});
  EXPECT_EQ(Routed("L1"), "E2/familiarity");
}

TEST_P(LeadRoutingTest, AKnownCustomersLeadThatGivesNoPlaceIsRoutedByItsCustomersProvince) {
  Store("party", "C1",
        {{"kind", "organization"},
         {"name", "上海华腾贸易有限公司"},
         {"email", "sales@huateng.cn"},
         {"province", "上海"}});
  Store("lead", "L1", {{"email", "sales@huateng.cn"}});
  EXPECT_EQ(Routed("L1"), "E2/region");
  Store("lead", "L2", {{"email", "sales@huateng.cn"}, {"province", "浙江"}});  // its own place wins
  EXPECT_EQ(Routed("L2"), "E1/region");
}

TEST_P(LeadRoutingTest, ACustomerInItsCoolingPeriodAfterAnAbandonmentIsAssignedToNobody) {
  Store("party", "C1", {{"kind", "organization"}, {"name", "上海华腾贸易有限公司"}, {"email", "sales@huateng.cn"}});
  Store("lead", "L0", {{"company_name", "上海华腾贸易有限公司"}, {"email", "sales@huateng.cn"}});
  ASSERT_NE(Routed("L0").substr(0, 2), "-/");
  Store("lead", "L0",
        {{"company_name", "上海华腾贸易有限公司"}, {"email", "sales@huateng.cn"}, {"stage", "abandoned"}});
  Store("lead", "L1", {{"company_name", "上海华腾贸易有限公司"}, {"email", "Sales@HuaTeng.cn"}});
  EXPECT_EQ(Routed("L1"), "-/-");
  std::vector<odbc::Row> trace =
      QueryRows("SELECT trace FROM lead_assignments WHERE lead_id = ?", {Value::Int64(LeadId("L1"))});
  ASSERT_EQ(trace.size(), 1u);
  EXPECT_EQ(boost::json::parse(trace[0][0].text()).at("reason"),
            "cooling: its customer's lead was abandoned within cooling_days 90");
}

TEST_P(LeadRoutingTest, ALeadThatNamesItsOwnerOrIsStoredAgainIsNotRouted) {
  Store("lead", "L1", {{"industry", "energy"}, {"owner_employee_number", "E2"}});
  EXPECT_EQ(Routed("L1"), "E2/-");
  Store("lead", "L2", {{"industry", "retail"}});
  Store("lead", "L2", {{"industry", "energy"}});
  EXPECT_EQ(Routed("L2"), "E2/industry");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM lead_assignments"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'lead.assigned'"), 1);
}

TEST_P(LeadRoutingTest, TheCandidatesCarryTheirAssignmentsHoldingsAndTodaysIntake) {
  Store("lead", "L1", {{"industry", "energy"}});
  sdk::Result<std::vector<leads::RoutingCandidate>> staff = ReadRoutingCandidates(*connection_);
  ASSERT_TRUE(staff.ok()) << staff.status().ToString();
  ASSERT_EQ(staff->size(), 3u);
  const leads::RoutingCandidate& first = staff->at(0);
  EXPECT_EQ(first.employee_id, EmployeeId("E1"));
  EXPECT_EQ(first.team_code, "EAST");
  EXPECT_EQ(first.capacity, 1);
  EXPECT_EQ(first.open_holdings, 1);
  EXPECT_EQ(first.intake_today, 1);
  EXPECT_EQ(first.signings, 0);
  ASSERT_EQ(first.specialities.size(), 1u);
  EXPECT_EQ(first.specialities[0].code, "energy");
  EXPECT_EQ(first.specialities[0].level, 3);
  ASSERT_EQ(first.territories.size(), 1u);
  EXPECT_EQ(first.territories[0].province, "浙江");
  EXPECT_TRUE(first.territories[0].lead_partner);
  EXPECT_FALSE(staff->at(1).capacity.has_value());
  EXPECT_EQ(staff->at(2).availability, leads::Availability::kOnLeave);

  Store("lead", "L1", {{"industry", "energy"}, {"stage", "signed"}});
  staff = ReadRoutingCandidates(*connection_);
  ASSERT_TRUE(staff.ok());
  EXPECT_EQ(staff->at(0).open_holdings, 0);
  EXPECT_EQ(staff->at(0).signings, 1);
}

TEST_P(LeadRoutingTest, AClaimOnAnOwnerHoldsTheirLockSoThatAnotherWriterWaitsOrPassesThemOver) {
  if (GetParam() == Backend::kSqlite) GTEST_SKIP() << "one writer at a time: the write transaction is the lock";
  std::vector<leads::RoutingCandidate> staff = Staff();
  ASSERT_EQ(staff.size(), 3u);
  auto held = odbc::Transaction::Begin(*connection_);
  ASSERT_TRUE(held.ok());
  sdk::Result<ClaimOutcome> first = ClaimOwner(*connection_, staff[1], leads::RoutingRules{}, true);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, ClaimOutcome::kClaimed);

  std::unique_ptr<odbc::Connection> other = OpenConnection();
  ASSERT_NE(other, nullptr);
  {
    auto tx = odbc::Transaction::Begin(*other);
    ASSERT_TRUE(tx.ok());
    sdk::Result<ClaimOutcome> busy = ClaimOwner(*other, staff[1], leads::RoutingRules{}, false);
    ASSERT_TRUE(busy.ok()) << busy.status().ToString();
    EXPECT_EQ(*busy, ClaimOutcome::kBusy);
    sdk::Result<ClaimOutcome> someone_else = ClaimOwner(*other, staff[0], leads::RoutingRules{}, false);
    ASSERT_TRUE(someone_else.ok());
    EXPECT_EQ(*someone_else, ClaimOutcome::kClaimed);
  }
  ASSERT_TRUE(held->Commit().ok());
  auto tx = odbc::Transaction::Begin(*other);
  ASSERT_TRUE(tx.ok());
  sdk::Result<ClaimOutcome> free = ClaimOwner(*other, staff[1], leads::RoutingRules{}, false);
  ASSERT_TRUE(free.ok());
  EXPECT_EQ(*free, ClaimOutcome::kClaimed);
}

// As a writer whose copy of the staff is older than other writers' commits (StaffCache's): the owner it chooses is
// counted again before the lead is theirs, on both engines.
TEST_P(LeadRoutingTest, AnOwnerFilledSinceTheStaffWereReadIsCountedAgainAndTheLeadGoesToTheNext) {
  std::vector<leads::RoutingCandidate> stale = Staff();  // E1 holds nothing of its capacity of 1
  ASSERT_EQ(stale.size(), 3u);
  Store("lead", "L1", {{"industry", "energy"}});  // another writer fills E1 and commits
  ASSERT_EQ(Routed("L1"), "E1/industry");

  std::unique_ptr<odbc::Connection> other = OpenConnection();
  ASSERT_NE(other, nullptr);
  leads::RoutingRequest lead;
  lead.industry = "energy";
  {
    auto tx = odbc::Transaction::Begin(*other);
    ASSERT_TRUE(tx.ok());
    bool may_wait = true;
    sdk::Result<leads::RoutingDecision> decision =
        RouteAndClaim(*other, lead, stale, leads::RoutingRules{}, may_wait, nullptr);
    ASSERT_TRUE(decision.ok()) << decision.status().ToString();
    EXPECT_EQ(decision->owner, EmployeeId("E2"));
    EXPECT_EQ(decision->rule, "quota");
    EXPECT_EQ(stale[0].open_holdings, 1) << "E1 counted again";
    EXPECT_EQ(stale[0].intake_today, 1);
    EXPECT_EQ(may_wait, GetParam() == Backend::kSqlite)
        << "on PostgreSQL, a transaction that claimed never waits again";
  }

  leads::RoutingRules capped;
  capped.daily_cap = 1;
  std::vector<leads::RoutingCandidate> before_l2 = Staff();  // E2 given nothing today
  Store("lead", "L2", {{"industry", "retail"}});
  ASSERT_EQ(Routed("L2"), "E2/quota");  // E1 at its quota, E3 on leave
  auto tx = odbc::Transaction::Begin(*other);
  ASSERT_TRUE(tx.ok());
  lead.industry = "retail";
  bool may_wait = true;
  sdk::Result<leads::RoutingDecision> decision = RouteAndClaim(*other, lead, before_l2, capped, may_wait, nullptr);
  ASSERT_TRUE(decision.ok()) << decision.status().ToString();
  EXPECT_FALSE(decision->owner.has_value()) << "E1 at quota, E2 at the cap of 1 once counted again, E3 on leave";
  EXPECT_EQ(decision->reason, "no candidate passes daily_cap");
}

TEST_P(LeadRoutingTest, TheStaffCacheKeepsItsCopyForItsMaximumAgeWithTheLoadsRemembered) {
  ManualClock clock{TimePoint{}};
  StaffCache cache(clock, std::chrono::seconds(5));
  sdk::Result<std::vector<leads::RoutingCandidate>> staff = cache.Staff(*connection_);
  ASSERT_TRUE(staff.ok()) << staff.status().ToString();
  ASSERT_EQ(staff->size(), 3u);
  Employee("E4", {{"name", "孙丽"}, {"speciality_codes", "retail"}});
  leads::RoutingCandidate counted = staff->at(1);
  counted.open_holdings = 7;
  cache.Remember(counted);

  clock.Advance(std::chrono::seconds(4));
  staff = cache.Staff(*connection_);
  ASSERT_TRUE(staff.ok());
  ASSERT_EQ(staff->size(), 3u) << "E4 not yet: the copy is 4 s old";
  EXPECT_EQ(staff->at(1).open_holdings, 7);

  clock.Advance(std::chrono::seconds(1));
  staff = cache.Staff(*connection_);
  ASSERT_TRUE(staff.ok());
  ASSERT_EQ(staff->size(), 4u) << "read again at 5 s";
  EXPECT_EQ(staff->at(1).open_holdings, 0);
}

// While one writer reads the staff again, the others route with the copy kept instead of reading the same rows
// at once; a read that fails keeps nothing from being read again by the next writer.
TEST_P(LeadRoutingTest, OneWriterReadsTheStaffAgainWhileTheOthersUseTheCopyKept) {
  ManualClock clock{TimePoint{}};
  std::atomic<int> reads{0};
  std::promise<void> reading;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  bool fail_next = false;
  StaffCache cache(clock, std::chrono::seconds(5), [&](odbc::Connection& connection) {
    if (++reads == 2) {
      reading.set_value();
      released.wait();
    }
    if (fail_next) return sdk::Result<std::vector<leads::RoutingCandidate>>(sdk::Status::Unavailable("gone"));
    return ReadRoutingCandidates(connection);
  });
  ASSERT_TRUE(cache.Staff(*connection_).ok());
  Employee("E4", {{"name", "孙丽"}, {"speciality_codes", "retail"}});
  clock.Advance(std::chrono::seconds(6));

  std::thread refresher([&] {
    sdk::Result<std::vector<leads::RoutingCandidate>> fresh = cache.Staff(*connection_);
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(fresh->size(), 4u);
  });
  reading.get_future().wait();
  sdk::Result<std::vector<leads::RoutingCandidate>> kept = cache.Staff(*connection_);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->size(), 3u) << "the copy kept, while the other writer reads";
  EXPECT_EQ(reads, 2);
  release.set_value();
  refresher.join();

  clock.Advance(std::chrono::seconds(6));
  fail_next = true;
  EXPECT_FALSE(cache.Staff(*connection_).ok());
  fail_next = false;
  sdk::Result<std::vector<leads::RoutingCandidate>> again = cache.Staff(*connection_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(reads, 4) << "read again after the failed read";
}

INSTANTIATE_TEST_SUITE_P(Engines, LeadRoutingTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
