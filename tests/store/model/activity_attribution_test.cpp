// An activity whose record names no party, stored through the sink on both engines, is linked to its party by
// e-mail, then domain, then phone (a key several parties share links none), says how in party_match, and
// makes once what it owes: a callback task for a missed inbound call from a known party, assigned to the
// party's owner, or a lead candidate for an unknown one (or a new address at a known customer's domain) that
// recorded a need, each with its outbox event.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;
using Fields = std::vector<std::pair<std::string, std::string>>;

class ActivityAttributionTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Store("employee", "E001", {{"employee_number", "E001"}, {"name", "王芳"}});
    Store("party", "C1",
          {{"kind", "organization"},
           {"name", "上海华腾贸易有限公司"},
           {"email", "Sales@HuaTeng.cn"},
           {"phone", "021 5080 1234"},
           {"owner_employee_number", "E001"}});
    Store("party", "C2",
          {{"kind", "organization"},
           {"name", "苏州精工机械有限公司"},
           {"website", "https://www.jinggong.cn/about"},
           {"phone", "0512 6888 1234"}});
    Store("contact", "K1",
          {{"organization_source_id", "C1"},
           {"name", "张伟"},
           {"email", "zhang.wei@huateng.cn"},
           {"mobile", "139 1234 5678"}});
    // A shared switchboard: two customers in one building give the same number.
    Store("party", "C3", {{"kind", "organization"}, {"name", "宁波海达有限公司"}, {"phone", "0574 8888 0000"}});
    Store("party", "C4", {{"kind", "organization"}, {"name", "宁波海通有限公司"}, {"phone", "0574 8888 0000"}});
  }

  // Stores the call `id` with `fields` besides kind call and its time.
  void Call(const std::string& id, Fields fields, const std::string& occurred_at = "2026-11-02T09:00:00Z") {
    fields.emplace_back("kind", "call");
    fields.emplace_back("occurred_at", occurred_at);
    Store("activity", id, fields);
  }

  std::int64_t PartyOf(const std::string& source_id) {
    return Count("SELECT record_id FROM source_links WHERE entity = 'party' AND source_id = '" + source_id + "'");
  }

  // "<party source id>/<party_match>" of activity `id`: the party as its source id, "-" for none.
  std::string Attributed(const std::string& id) {
    std::vector<odbc::Row> rows = QueryRows(
        "SELECT l.source_id, a.party_match FROM activities a "
        "JOIN source_links s ON s.entity = 'activity' AND s.record_id = a.id "
        "LEFT JOIN source_links l ON l.entity = 'party' AND l.record_id = a.party_id WHERE s.source_id = ?",
        {Value::String(id)});
    if (rows.size() != 1) return "no activity " + id;
    return (rows[0][0].is_null() ? "-" : rows[0][0].text()) + "/" + rows[0][1].text();
  }
};

TEST_P(ActivityAttributionTest, AnEmailFindsThePartyOrTheContactsOrganization) {
  Store("activity", "M1", {{"kind", "email"}, {"occurred_at", "2026-11-02T09:00:00Z"}, {"email", " SALES@huateng.cn"}});
  Store("activity", "M2",
        {{"kind", "email"}, {"occurred_at", "2026-11-02T09:00:00Z"}, {"email", "Zhang.Wei@HuaTeng.cn"}});
  EXPECT_EQ(Attributed("M1"), "C1/email");
  EXPECT_EQ(Attributed("M2"), "C1/email");
}

TEST_P(ActivityAttributionTest, ADomainFindsThePartyByItsMailDomainOrWebSite) {
  Store("activity", "M1",
        {{"kind", "email"},
         {"occurred_at", "2026-11-02T09:00:00Z"},
         {"email", "li@huateng.cn"},
         {"web_domain", "HuaTeng.cn"}});
  Store("activity", "M2", {{"kind", "email"}, {"occurred_at", "2026-11-02T09:00:00Z"}, {"web_domain", "jinggong.cn"}});
  EXPECT_EQ(Attributed("M1"), "C1/domain");
  EXPECT_EQ(Attributed("M2"), "C2/domain");
}

TEST_P(ActivityAttributionTest, APhoneFindsThePartyOrTheContactsOrganization) {
  Call("A1", {{"phone", "+86 21 5080 1234"}});
  Call("A2", {{"phone", "13912345678"}});
  EXPECT_EQ(Attributed("A1"), "C1/phone");
  EXPECT_EQ(Attributed("A2"), "C1/phone");
}

TEST_P(ActivityAttributionTest, TheFirstKeyThatFindsAPartyDecides) {
  // The sender's address is C1's, the number in the signature C2's.
  Store("activity", "M1",
        {{"kind", "email"},
         {"occurred_at", "2026-11-02T09:00:00Z"},
         {"email", "sales@huateng.cn"},
         {"phone", "0512 6888 1234"}});
  Store("activity", "M2",
        {{"kind", "email"},
         {"occurred_at", "2026-11-02T09:00:00Z"},
         {"email", "nobody@example.org"},
         {"phone", "0512 6888 1234"}});
  EXPECT_EQ(Attributed("M1"), "C1/email");
  EXPECT_EQ(Attributed("M2"), "C2/phone");
}

TEST_P(ActivityAttributionTest, AKeyOfSeveralPartiesLinksNoneAndSaysAmbiguous) {
  Call("A1", {{"phone", "0574 8888 0000"}, {"direction", "inbound"}, {"outcome", "no_answer"}, {"need", "报价"}});
  EXPECT_EQ(Attributed("A1"), "-/ambiguous");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tasks"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM lead_candidates"), 0);
}

TEST_P(ActivityAttributionTest, NoKeyOrAnUnknownOneLinksNone) {
  Call("A1", {{"phone", "0755 8877 6655"}});
  Call("A2", {{"agent_extension", "301"}});
  EXPECT_EQ(Attributed("A1"), "-/none");
  EXPECT_EQ(Attributed("A2"), "-/none");
}

TEST_P(ActivityAttributionTest, APartyTheRecordNamesIsKeptWhateverItsKeysSay) {
  Call("A1", {{"party_source_id", "C2"}, {"phone", "021 5080 1234"}});
  EXPECT_EQ(Attributed("A1"), "C2/source");
}

TEST_P(ActivityAttributionTest, AMissedCallFromAKnownPartyMakesOneCallbackForItsOwner) {
  const Fields missed = {{"phone", "021 5080 1234"}, {"direction", "inbound"}, {"outcome", "no_answer"}};
  Call("A1", missed);
  std::vector<odbc::Row> tasks = QueryRows(
      "SELECT t.kind, t.status, t.party_id, e.employee_number, t.subject, t.source_key FROM tasks t "
      "LEFT JOIN employees e ON e.id = t.assignee_employee_id");
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0][0].text() + " " + tasks[0][1].text(), "callback open");
  EXPECT_EQ(tasks[0][2].integer(), PartyOf("C1"));
  EXPECT_EQ(tasks[0][3].text(), "E001");
  EXPECT_EQ(tasks[0][4].text(), "Call back 上海华腾贸易有限公司 (+862150801234)");
  EXPECT_EQ(tasks[0][5].text(), "erp/activity/A1/callback");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE aggregate = 'task' AND kind = 'task.created'"), 1);

  // The same call again, unchanged or changed (a CDR row arriving late), owes no second callback.
  Call("A1", missed);
  Fields longer = missed;
  longer.emplace_back("duration_seconds", "40");
  Call("A1", longer);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tasks"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE aggregate = 'task'"), 1);
}

TEST_P(ActivityAttributionTest, ACallbackForAPartyWithoutOwnerIsUnassigned) {
  Call("A1", {{"phone", "0512 6888 1234"}, {"direction", "inbound"}, {"outcome", "busy"}});
  std::vector<odbc::Row> tasks = QueryRows("SELECT party_id, assignee_employee_id FROM tasks");
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0][0].integer(), PartyOf("C2"));
  EXPECT_TRUE(tasks[0][1].is_null());
}

TEST_P(ActivityAttributionTest, AnAnsweredOrOutboundCallOwesNoCallback) {
  Call("A1", {{"phone", "021 5080 1234"}, {"direction", "inbound"}, {"outcome", "answered"}});
  Call("A2", {{"phone", "021 5080 1234"}, {"direction", "outbound"}, {"outcome", "no_answer"}});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tasks"), 0);
}

TEST_P(ActivityAttributionTest, AnAnsweredCallSettlesTheCallbacksOwedBeforeItOnce) {
  const Fields missed = {{"phone", "021 5080 1234"}, {"direction", "inbound"}, {"outcome", "no_answer"}};
  Call("A1", missed, "2026-11-02T09:00:00Z");
  Call("A2", {{"phone", "0512 6888 1234"}, {"direction", "inbound"}, {"outcome", "missed"}}, "2026-11-02T09:05:00Z");
  // An answered call before the missed one (a CDR file read late) settles nothing.
  Call("A0", {{"phone", "021 5080 1234"}, {"direction", "outbound"}, {"outcome", "answered"}}, "2026-11-02T08:00:00Z");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tasks WHERE status = 'open'"), 2);

  // The owner calls back and reaches C1: its callback is done at the call's time; C2's stays open.
  Call("A3", {{"phone", "+86 21 5080 1234"}, {"direction", "outbound"}, {"outcome", "answered"}},
       "2026-11-02T10:30:00Z");
  std::vector<odbc::Row> tasks = QueryRows(
      "SELECT t.source_key, t.status, a.id FROM tasks t "
      "LEFT JOIN activities a ON a.occurred_at = t.done_at AND a.outcome = 'answered' ORDER BY t.id");
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0][0].text() + " " + tasks[0][1].text(), "erp/activity/A1/callback done");
  ASSERT_FALSE(tasks[0][2].is_null()) << "done at the answered call's time";
  EXPECT_EQ(tasks[1][1].text(), "open");
  std::vector<odbc::Row> events =
      QueryRows("SELECT payload FROM outbox_events WHERE aggregate = 'task' AND kind = 'task.done'");
  ASSERT_EQ(events.size(), 1u);
  const boost::json::object payload = boost::json::parse(events[0][0].text()).as_object();
  EXPECT_EQ(payload.at("status"), "done");
  EXPECT_EQ(payload.at("done_by_activity_id"), tasks[0][2].integer());

  // The same answered call stored again, or another one, finds nothing open for C1: no second event.
  Call("A3", {{"phone", "+86 21 5080 1234"}, {"direction", "outbound"}, {"outcome", "answered"}},
       "2026-11-02T10:30:00Z");
  Call("A4", {{"phone", "021 5080 1234"}, {"direction", "inbound"}, {"outcome", "answered"}}, "2026-11-02T11:00:00Z");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'task.done'"), 1);
}

TEST_P(ActivityAttributionTest, AnUnknownCallerWithANeedBecomesOneLeadCandidate) {
  const Fields asked = {{"phone", "0755 8877 6655"}, {"direction", "inbound"}, {"outcome", "answered"},
                        {"need", "询价：20台水泵"},  {"contact_name", "陈静"}, {"company_name", "深圳水务"}};
  Call("A1", asked);
  std::vector<odbc::Row> candidates = QueryRows(
      "SELECT channel, status, phone_e164, need, contact_name, company_name, source_key, activity_id, party_id "
      "FROM lead_candidates");
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0][0].text() + " " + candidates[0][1].text(), "phone accepted");
  EXPECT_EQ(candidates[0][2].text(), "+8675588776655");
  EXPECT_EQ(candidates[0][3].text(), "询价：20台水泵");
  EXPECT_EQ(candidates[0][4].text() + " " + candidates[0][5].text(), "陈静 深圳水务");
  EXPECT_EQ(candidates[0][6].text(), "erp/activity/A1/lead_candidate");
  EXPECT_FALSE(candidates[0][7].is_null());
  EXPECT_TRUE(candidates[0][8].is_null());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'lead_candidate.created'"), 1);

  // Accepted at once as a lead of the activity's source system, written through the model layer: the lead
  // interface checks, classifies and routes it as any other; its event comes with it.
  std::vector<odbc::Row> leads = QueryRows(
      "SELECT l.channel, l.phone_e164, l.need, l.contact_name, l.company_name, l.stage, c.lead_id, s.source_id "
      "FROM leads l JOIN lead_candidates c ON c.lead_id = l.id "
      "JOIN source_links s ON s.entity = 'lead' AND s.record_id = l.id AND s.source_system = 'erp'");
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0][0].text() + " " + leads[0][1].text(), "phone +8675588776655");
  EXPECT_EQ(leads[0][2].text() + " " + leads[0][3].text() + " " + leads[0][4].text(), "询价：20台水泵 陈静 深圳水务");
  EXPECT_EQ(leads[0][5].text(), "resource");
  EXPECT_EQ(leads[0][7].text(), "erp/activity/A1/lead_candidate");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'lead.created'"), 1);
  const boost::json::object event = boost::json::parse(QueryRows("SELECT payload FROM outbox_events WHERE kind = "
                                                                 "'lead_candidate.created'")[0][0]
                                                           .text())
                                        .as_object();
  EXPECT_EQ(event.at("status"), "accepted");
  EXPECT_EQ(event.at("lead_id"), leads[0][6].integer());

  Fields again = asked;
  again.emplace_back("duration_seconds", "205");
  Call("A1", again);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM lead_candidates"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'lead_candidate.created'"), 1);
}

TEST_P(ActivityAttributionTest, AMailFromAnUnknownSenderAskingForAQuoteBecomesALeadCandidate) {
  Store("activity", "M1",
        {{"kind", "email"},
         {"occurred_at", "2026-11-02T09:00:00Z"},
         {"email", "Buyer@Example.org"},
         {"need", "quotation for 100 sensors"}});
  std::vector<odbc::Row> candidates = QueryRows("SELECT channel, email, email_normalized FROM lead_candidates");
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0][0].text() + " " + candidates[0][1].text() + " " + candidates[0][2].text(),
            "email Buyer@Example.org buyer@example.org");
  std::vector<odbc::Row> leads = QueryRows("SELECT channel, email_normalized, need FROM leads");
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0][0].text() + " " + leads[0][1].text() + " " + leads[0][2].text(),
            "email buyer@example.org quotation for 100 sensors");
}

TEST_P(ActivityAttributionTest, ANewAddressAtAKnownCustomersDomainAskingForAQuoteBecomesItsLead) {
  Store("activity", "M1",
        {{"kind", "email"},
         {"occurred_at", "2026-11-02T09:00:00Z"},
         {"email", "li.ming@huateng.cn"},
         {"web_domain", "huateng.cn"},
         {"need", "询价：传感器 100 套"}});
  EXPECT_EQ(Attributed("M1"), "C1/domain");
  std::vector<odbc::Row> leads = QueryRows("SELECT website_host, party_id, conflict FROM leads");
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0][0].text(), "huateng.cn");
  ASSERT_FALSE(leads[0][1].is_null());
  EXPECT_EQ(leads[0][1].integer(), PartyOf("C1"));
  const boost::json::value conflict = boost::json::parse(leads[0][2].text());
  EXPECT_EQ(conflict.at("decision"), "known_customer") << leads[0][2].text();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM lead_candidates WHERE status = 'accepted'"), 1);
}

TEST_P(ActivityAttributionTest, AKnownPartysNeedMakesNoLeadCandidate) {
  Call("A1", {{"phone", "021 5080 1234"}, {"direction", "inbound"}, {"outcome", "answered"}, {"need", "再订 5 台"}});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM lead_candidates"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ActivityAttributionTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
