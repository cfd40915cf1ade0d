// The leads' acceptance SLA as a lead_sla job runs it, on both engines: a lead whose owner let the SLA pass goes to
// the next candidate who never held it (the trace, lead.assigned with reason sla, lead.sla_missed naming the owner
// and their manager — the line manager, else their team's — whose document carries both); when nobody is left it
// stays with its owner and the manager is still told; an accepted lead, one moved past graded and one within its
// SLA are kept; an SLA of 0 is none; a hub holding the job's lease keeps the others out.
#include "service/lead_sla_jobs.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "hub/odbc/timestamp_text.hpp"
#include "service/service_store_fixture.hpp"
#include "store/model/event_documents.hpp"
#include "store/model/lead_assignments.hpp"

namespace hub::service {
namespace {

using sdk::Value;

TimePoint At(const std::string& text) {
  return TimePoint(std::chrono::milliseconds(odbc::UnixMs(*odbc::ParseTimestampText(text))));
}

Value Instant(TimePoint when) {
  return Value::Timestamp(std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count());
}

constexpr const char* kSlaJob = R"(<job name="lead_sla" kind="lead_sla" every="15m"/>)";
const TimePoint kAssigned = At("2026-11-10T00:00:00Z");

class LeadSlaJobsTest : public test::ServiceStoreTest {
 protected:
  std::shared_ptr<const HubSetup> Load(const std::string& routing = R"(<routing order="workload"/>)") {
    return LoadSetup("", kSlaJob, "<leads>" + routing + "</leads>");
  }

  void Execute(const std::string& sql, const std::vector<Value>& params = {}) {
    auto done = connection_->ExecuteUpdate(sql, params);
    ASSERT_TRUE(done.ok()) << sql << ": " << done.status().ToString();
  }

  std::int64_t Count(const std::string& sql) { return QueryValue(sql).integer(); }

  std::int64_t Employee(const std::string& number) {
    return Count("SELECT id FROM employees WHERE employee_number = '" + number + "'");
  }

  std::int64_t Lead(const std::string& company) {
    return Count("SELECT id FROM leads WHERE company_name = '" + company + "'");
  }

  // Team EAST: its manager M (who takes no leads: capacity 0), E1 (whose line manager is M), E2 (who holds an open
  // lead, L0) and E3.
  void WriteStaff() {
    Execute("INSERT INTO teams (code, name) VALUES ('EAST', 'East sales')");
    Execute(
        "INSERT INTO employees (employee_number, name, email, capacity) VALUES ('M', '赵敏', 'zhao.min@acme.cn', 0)");
    Execute(
        "INSERT INTO employees (employee_number, name, email, manager_employee_id) VALUES "
        "('E1', '王芳', 'wang.fang@acme.cn', ?)",
        {Value::Int64(Employee("M"))});
    Execute("INSERT INTO employees (employee_number, name, email) VALUES ('E2', '李强', 'li.qiang@acme.cn')");
    Execute("INSERT INTO employees (employee_number, name, email) VALUES ('E3', '孙丽', 'sun.li@acme.cn')");
    Execute(
        "INSERT INTO team_members (team_id, employee_id, role) SELECT t.id, e.id, "
        "CASE e.employee_number WHEN 'M' THEN 'manager' ELSE 'member' END FROM teams t, employees e");
    WriteLead("L0", "contacted", "E2", kAssigned);
  }

  // Lead `company` at `stage`, owned by `owner` through an intake assignment made at `assigned`.
  void WriteLead(const std::string& company, const std::string& stage, const std::string& owner, TimePoint assigned) {
    Execute("INSERT INTO leads (company_name, stage, owner_employee_id) VALUES (?, ?, ?)",
            {Value::String(company), Value::String(stage), Value::Int64(Employee(owner))});
    Execute(
        "INSERT INTO lead_assignments (lead_id, employee_id, rule, reason, trace, assigned_at) "
        "VALUES (?, ?, 'workload', 'intake', '{}', ?)",
        {Value::Int64(Lead(company)), Value::Int64(Employee(owner)), Instant(assigned)});
  }

  // The employee number of lead `company`'s owner.
  std::string Owner(const std::string& company) {
    return QueryValue(
               "SELECT e.employee_number FROM leads l JOIN employees e ON e.id = l.owner_employee_id "
               "WHERE l.company_name = ?",
               {Value::String(company)})
        .text();
  }

  // The payloads of the outbox's events of `kind`, in order.
  std::vector<boost::json::object> Payloads(const std::string& kind) {
    std::vector<boost::json::object> payloads;
    for (const odbc::Row& row :
         QueryRows("SELECT payload FROM outbox_events WHERE kind = ? ORDER BY id", {Value::String(kind)})) {
      payloads.push_back(boost::json::parse(row[0].text()).as_object());
    }
    return payloads;
  }

  LeadSlaCounts RunAs(const std::shared_ptr<const HubSetup>& setup, const std::string& hub) {
    auto jobs = std::make_shared<LeadSlaJobs>(setup, store(), clock_, hub);
    sdk::Result<LeadSlaCounts> counts = jobs->Run("lead_sla");
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : LeadSlaCounts{};
  }

  ManualClock clock_{kAssigned + std::chrono::hours(25)};
};

TEST_P(LeadSlaJobsTest, AMissedLeadGoesToTheNextCandidateAndTheManagerIsTold) {
  auto setup = Load();
  ASSERT_NE(setup, nullptr);
  WriteStaff();
  WriteLead("L1", "graded", "E1", kAssigned);
  const LeadSlaCounts counts = RunAs(setup, "hub-a");
  EXPECT_EQ(counts.missed, 1);
  EXPECT_EQ(counts.rerouted, 1);
  EXPECT_EQ(Owner("L1"), "E3");  // E1 let it pass; E2 holds L0; M takes no leads
  EXPECT_EQ(QueryValue("SELECT routing_rule FROM leads WHERE company_name = 'L1'").text(), "workload");

  std::vector<odbc::Row> assignments =
      QueryRows("SELECT employee_id, reason, trace, sla_missed_at FROM lead_assignments WHERE lead_id = ? ORDER BY id",
                {Value::Int64(Lead("L1"))});
  ASSERT_EQ(assignments.size(), 2u);
  EXPECT_FALSE(assignments[0][3].is_null()) << "the missed assignment is claimed";
  EXPECT_EQ(assignments[1][0].integer(), Employee("E3"));
  EXPECT_EQ(assignments[1][1].text(), "sla");
  const boost::json::value trace = boost::json::parse(assignments[1][2].text());
  const boost::json::array& candidates = trace.at("candidates").as_array();
  ASSERT_EQ(candidates.size(), 3u) << "every employee but E1, who held it";
  for (const boost::json::value& candidate : candidates) {
    EXPECT_NE(candidate.at("employee_id"), Employee("E1"));
  }

  const std::vector<boost::json::object> assigned = Payloads("lead.assigned");
  ASSERT_EQ(assigned.size(), 1u);
  EXPECT_EQ(assigned[0].at("owner_employee_id"), Employee("E3"));
  EXPECT_EQ(assigned[0].at("reason"), "sla");
  const std::vector<boost::json::object> missed = Payloads("lead.sla_missed");
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].at("missed_by_employee_id"), Employee("E1"));
  EXPECT_EQ(missed[0].at("manager_employee_id"), Employee("M"));
  EXPECT_EQ(missed[0].at("owner_employee_id"), Employee("E3"));
  EXPECT_EQ(missed[0].at("sla_hours"), 24);

  // The document a delivery composes names the manager and the owner who let it pass, with their e-mail.
  sdk::Result<boost::json::value> document =
      store_model::ReadEventDocument(*connection_, "lead", Lead("L1"), missed[0]);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_EQ(document->at("manager").at("email"), "zhao.min@acme.cn");
  EXPECT_EQ(document->at("missed_by").at("name"), "王芳");
  EXPECT_EQ(document->at("owner").at("employee_number"), "E3");

  EXPECT_EQ(RunAs(setup, "hub-a").missed, 0) << "handled once";
}

TEST_P(LeadSlaJobsTest, EachOwnerWhoLetsItPassLosesItUntilNobodyIsLeftAndTheLeadStays) {
  auto setup = Load();
  ASSERT_NE(setup, nullptr);
  WriteStaff();
  WriteLead("L1", "resource", "E1", kAssigned);
  ASSERT_EQ(RunAs(setup, "hub-a").rerouted, 1);
  ASSERT_EQ(Owner("L1"), "E3");
  clock_.Advance(std::chrono::hours(25));
  ASSERT_EQ(RunAs(setup, "hub-a").rerouted, 1);
  EXPECT_EQ(Owner("L1"), "E2");
  clock_.Advance(std::chrono::hours(25));
  const LeadSlaCounts last = RunAs(setup, "hub-a");
  EXPECT_EQ(last.kept, 1);
  EXPECT_EQ(Owner("L1"), "E2") << "nobody else can take it";

  std::vector<odbc::Row> kept =
      QueryRows("SELECT employee_id, reason, trace FROM lead_assignments WHERE lead_id = ? ORDER BY id DESC",
                {Value::Int64(Lead("L1"))});
  ASSERT_EQ(kept.size(), 4u);
  EXPECT_TRUE(kept[0][0].is_null());
  EXPECT_EQ(kept[0][1].text(), "sla");
  EXPECT_EQ(boost::json::parse(kept[0][2].text()).at("reason"), "no candidate passes quota");
  const std::vector<boost::json::object> missed = Payloads("lead.sla_missed");
  ASSERT_EQ(missed.size(), 3u);
  EXPECT_EQ(missed[2].at("missed_by_employee_id"), Employee("E2"));
  EXPECT_EQ(missed[2].at("manager_employee_id"), Employee("M")) << "E2's team's manager";
  EXPECT_TRUE(missed[2].at("owner_employee_id").is_null());
  EXPECT_EQ(Payloads("lead.assigned").size(), 2u);

  clock_.Advance(std::chrono::hours(25));
  EXPECT_EQ(RunAs(setup, "hub-a").missed, 0) << "a lead nobody could take is not tried again";
}

TEST_P(LeadSlaJobsTest, AnAcceptedLeadOneMovedOnAndOneWithinItsSlaAreKept) {
  auto setup = Load();
  ASSERT_NE(setup, nullptr);
  WriteStaff();
  WriteLead("L1", "graded", "E1", kAssigned);
  WriteLead("L2", "contacted", "E1", kAssigned);
  WriteLead("L3", "graded", "E1", kAssigned + std::chrono::hours(2));
  sdk::Result<std::optional<store_model::LeadAcceptance>> accepted =
      store_model::AcceptLeadAssignment(*connection_, Lead("L1"), "wang.fang");
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  ASSERT_TRUE(accepted->has_value());
  EXPECT_TRUE((*accepted)->accepted_now);
  EXPECT_EQ((*accepted)->accepted_by, "wang.fang");
  sdk::Result<std::optional<store_model::LeadAcceptance>> again =
      store_model::AcceptLeadAssignment(*connection_, Lead("L1"), "someone.else");
  ASSERT_TRUE(again.ok() && again->has_value());
  EXPECT_FALSE((*again)->accepted_now);
  EXPECT_EQ((*again)->accepted_by, "wang.fang");
  EXPECT_EQ((*again)->accepted_at, (*accepted)->accepted_at);

  EXPECT_EQ(RunAs(setup, "hub-a").missed, 0);
  for (const char* lead : {"L1", "L2", "L3"}) EXPECT_EQ(Owner(lead), "E1") << lead;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 0);
}

TEST_P(LeadSlaJobsTest, AnSlaOfZeroHoursIsNone) {
  auto setup = Load(R"(<routing order="workload" sla_hours="0"/>)");
  ASSERT_NE(setup, nullptr);
  WriteStaff();
  WriteLead("L1", "graded", "E1", kAssigned);
  clock_.Advance(std::chrono::hours(24 * 365));
  EXPECT_EQ(RunAs(setup, "hub-a").missed, 0);
  EXPECT_EQ(Owner("L1"), "E1");
}

TEST_P(LeadSlaJobsTest, AHubHoldingTheJobsLeaseKeepsTheOthersOut) {
  auto setup = Load();
  ASSERT_NE(setup, nullptr);
  WriteStaff();
  WriteLead("L1", "graded", "E1", kAssigned);
  JobLeases holder(store(), clock_, "hub-a", std::chrono::minutes(1));
  sdk::Result<std::optional<LeaseRefusal>> taken = holder.Take("lead_sla", std::nullopt);
  ASSERT_TRUE(taken.ok() && !*taken);
  auto other = std::make_shared<LeadSlaJobs>(setup, store(), clock_, "hub-b");
  ASSERT_EQ(other->Specs().size(), 1u);
  sdk::Result<LeadSlaCounts> refused = other->Run("lead_sla");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_EQ(Owner("L1"), "E1");
  ASSERT_TRUE(holder.Release("lead_sla").ok());
  EXPECT_EQ(RunAs(setup, "hub-b").rerouted, 1);
  EXPECT_EQ(Owner("L1"), "E3");
}

INSTANTIATE_TEST_SUITE_P(Engines, LeadSlaJobsTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
