// Customer-care runs on both engines, over contacts and persons stored through the real sink: the day's
// birthdays (29 February on 28 February of a common year, the day in the job's time zone), a Chinese New Year
// greeting to every recipient, once per occasion, person and year whatever runs again, and the days missed
// during a downtime caught up.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "care/care_run.hpp"
#include "common/clock.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::care {
namespace {

using ::testing::ElementsAre;
using Fields = std::vector<std::pair<std::string, std::string>>;

TimePoint Utc(const char* iso_day, int hour = 1, int minute = 0) {
  return ParseIsoDate(iso_day).value() + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

class CareRunTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Store("employee", "E001", {{"employee_number", "E001"}, {"name", "王芳"}, {"email", "wang.fang@acme.cn"}});
    Store("party", "C1",
          {{"kind", "organization"}, {"name", "上海华腾贸易有限公司"}, {"owner_employee_number", "E001"}});
    Store("contact", "K1",
          {{"organization_source_id", "C1"},
           {"name", "张伟"},
           {"family_name", "张"},
           {"given_name", "伟"},
           {"birthday", "1980-05-20"},
           {"email", "zhang.wei@huateng.cn"}});
    Store("contact", "K2",
          {{"organization_source_id", "C1"},
           {"name", "李娜"},
           {"birthday", "1992-02-29"},
           {"email", "li.na@huateng.cn"}});
    // No e-mail address: nobody to write to.
    Store("contact", "K3", {{"organization_source_id", "C1"}, {"name", "王强"}, {"birthday", "1985-05-20"}});
    // Left the customer: no longer greeted.
    Store("contact", "K4",
          {{"organization_source_id", "C1"},
           {"name", "赵敏"},
           {"birthday", "1990-05-20"},
           {"email", "zhao.min@huateng.cn"},
           {"status", "left"}});
    // A person who is a customer of their own.
    Store("party", "P1",
          {{"kind", "person"}, {"name", "陈静"}, {"birth_date", "1975-05-20"}, {"email", "chen.jing@example.cn"}});
  }

  CareRunResult RunAt(TimePoint now, const CarePlan& plan) {
    ManualClock clock(now);
    CareRunResult result = RunCustomerCare(
        *database_, plan, clock, [] { return sdk::Status::Ok(); }, CancellationToken());
    EXPECT_TRUE(result.status.ok()) << result.status.ToString();
    return result;
  }

  static CarePlan Birthdays(const std::string& time_zone = "UTC") {
    CarePlan plan;
    plan.job = "greetings";
    plan.birthdays = true;
    plan.time_zone = time_zone;
    return plan;
  }

  static CarePlan SpringFestival() {
    CarePlan plan;
    plan.job = "greetings";
    plan.time_zone = "Asia/Shanghai";
    Holiday holiday;
    holiday.name = "spring_festival";
    holiday.title = "春节";
    holiday.calendar = Holiday::Calendar::kChinese;
    holiday.month = 1;
    holiday.day = 1;
    plan.holidays.push_back(holiday);
    return plan;
  }

  // "<kind> <contact_name> <date>" of every greeting in the outbox, in id order.
  std::vector<std::string> Greetings() {
    std::vector<std::string> greetings;
    for (const odbc::Row& row :
         QueryRows("SELECT kind, payload FROM outbox_events WHERE aggregate = 'customer_care' ORDER BY id")) {
      const boost::json::value payload = boost::json::parse(row[1].text());
      const boost::json::object& fields = payload.at("fields").as_object();
      greetings.push_back(row[0].text() + " " + std::string(fields.at("contact_name").as_string()) + " " +
                          std::string(fields.at("date").as_string()));
    }
    return greetings;
  }
};

TEST_P(CareRunTest, TheDaysBirthdaysAreGreetedWithWhatTheTemplatesShow) {
  CareRunResult result = RunAt(Utc("2027-05-20"), Birthdays());
  EXPECT_EQ(result.counts.days, 1);
  EXPECT_EQ(result.counts.greetings, 2);
  EXPECT_THAT(Greetings(),
              ElementsAre("customer_care.birthday 张伟 2027-05-20", "customer_care.birthday 陈静 2027-05-20"));
  std::vector<odbc::Row> rows =
      QueryRows("SELECT aggregate_id, payload FROM outbox_events WHERE kind = 'customer_care.birthday' ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  const boost::json::object fields = boost::json::parse(rows[0][1].text()).at("fields").as_object();
  EXPECT_EQ(rows[0][0].text(), std::to_string(fields.at("party_id").as_int64()));
  EXPECT_EQ(fields.at("occasion"), "birthday");
  EXPECT_EQ(fields.at("family_name"), "张");
  EXPECT_EQ(fields.at("given_name"), "伟");
  EXPECT_EQ(fields.at("email"), "zhang.wei@huateng.cn");
  EXPECT_EQ(fields.at("birth_date"), "1980-05-20");
  EXPECT_EQ(fields.at("customer_name"), "上海华腾贸易有限公司");
  EXPECT_EQ(fields.at("owner_name"), "王芳");
  EXPECT_EQ(fields.at("owner_email"), "wang.fang@acme.cn");
  EXPECT_EQ(fields.at("year"), 2027);
  EXPECT_TRUE(fields.at("holiday").is_null());
  const boost::json::object own = boost::json::parse(rows[1][1].text()).at("fields").as_object();
  EXPECT_TRUE(own.at("customer_name").is_null()) << "a person customer works at no organization";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customer_care_sent WHERE occasion = 'birthday' AND year = 2027"), 2);
}

TEST_P(CareRunTest, ARerunOrASecondHubAddsNoSecondGreeting) {
  RunAt(Utc("2027-05-20", 1), Birthdays());
  CareRunResult again = RunAt(Utc("2027-05-20", 9), Birthdays());
  EXPECT_EQ(again.counts.greetings, 0);
  EXPECT_EQ(again.counts.already_sent, 2);
  // Another job (another hub's configuration) greeting the same birthdays finds them sent.
  CarePlan other = Birthdays();
  other.job = "greetings_b";
  EXPECT_EQ(RunAt(Utc("2027-05-20", 10), other).counts.greetings, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE aggregate = 'customer_care'"), 2);
  // The next year is another greeting.
  EXPECT_EQ(RunAt(Utc("2028-05-20"), Birthdays()).counts.greetings, 2);
}

TEST_P(CareRunTest, BornOn29FebruaryIsGreetedOn28FebruaryOfACommonYear) {
  EXPECT_THAT(RunAt(Utc("2027-02-28"), Birthdays()).counts.greetings, 1);
  EXPECT_THAT(Greetings(), ElementsAre("customer_care.birthday 李娜 2027-02-28"));
  EXPECT_EQ(RunAt(Utc("2028-02-28"), Birthdays()).counts.greetings, 0) << "2028 has a 29 February";
  EXPECT_EQ(RunAt(Utc("2028-02-29"), Birthdays()).counts.greetings, 1);
}

TEST_P(CareRunTest, TheDayIsTheLocalDayOfTheJobsTimeZone) {
  // 16:30 UTC on 19 May is 00:30 on 20 May in Shanghai.
  EXPECT_EQ(RunAt(Utc("2027-05-19", 16, 30), Birthdays("UTC")).counts.greetings, 0);
  CarePlan shanghai = Birthdays("Asia/Shanghai");
  shanghai.job = "greetings_cn";
  EXPECT_EQ(RunAt(Utc("2027-05-19", 16, 30), shanghai).counts.greetings, 2);
}

TEST_P(CareRunTest, DaysAheadGreetsBeforeTheOccasion) {
  CarePlan plan = Birthdays();
  plan.days_ahead = 1;
  EXPECT_EQ(RunAt(Utc("2027-05-19"), plan).counts.greetings, 2);
  EXPECT_THAT(Greetings(),
              ElementsAre("customer_care.birthday 张伟 2027-05-20", "customer_care.birthday 陈静 2027-05-20"));
}

TEST_P(CareRunTest, ARunAfterDowntimeCatchesUpTheDaysMissed) {
  EXPECT_EQ(RunAt(Utc("2027-05-17"), Birthdays()).counts.greetings, 0);
  // The hub was down on the 18th, 19th and 20th.
  CareRunResult result = RunAt(Utc("2027-05-21"), Birthdays());
  EXPECT_EQ(result.counts.days, 4);
  EXPECT_EQ(result.counts.greetings, 2);
  EXPECT_EQ(
      QueryRows("SELECT day_done FROM customer_care_days WHERE job = 'greetings'").at(0).at(0).text().substr(0, 10),
      "2027-05-21");
  EXPECT_EQ(RunAt(Utc("2027-05-21", 8), Birthdays()).counts.days, 1) << "a rerun greets today only";
}

TEST_P(CareRunTest, TheChineseNewYearGreetsEveryRecipientOncePerYear) {
  CarePlan plan = SpringFestival();
  EXPECT_EQ(RunAt(Utc("2027-02-05", 2), plan).counts.greetings, 0);
  CareRunResult result = RunAt(Utc("2027-02-06", 2), plan);
  EXPECT_EQ(result.counts.greetings, 3);
  EXPECT_THAT(Greetings(), ElementsAre("customer_care.holiday 张伟 2027-02-06", "customer_care.holiday 李娜 2027-02-06",
                                       "customer_care.holiday 陈静 2027-02-06"));
  const boost::json::object fields =
      boost::json::parse(QueryRows("SELECT payload FROM outbox_events WHERE aggregate = 'customer_care'")[0][0].text())
          .at("fields")
          .as_object();
  EXPECT_EQ(fields.at("holiday"), "spring_festival");
  EXPECT_EQ(fields.at("holiday_title"), "春节");
  EXPECT_EQ(RunAt(Utc("2027-02-06", 5), plan).counts.greetings, 0);
  EXPECT_EQ(RunAt(Utc("2028-01-26", 2), plan).counts.greetings, 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customer_care_sent WHERE occasion = 'holiday:spring_festival'"), 6);
}

TEST_P(CareRunTest, RecipientsAreGreetedAPageAtATime) {
  CarePlan plan = SpringFestival();
  plan.batch_size = 1;
  EXPECT_EQ(RunAt(Utc("2027-02-06", 2), plan).counts.greetings, 3);
}

TEST_P(CareRunTest, ARunStoppedHalfwayIsFinishedByTheNextWithoutASecondGreeting) {
  CarePlan plan = SpringFestival();
  plan.batch_size = 1;
  // The lease is lost before the second page (another hub took it, or the hub died): the first page stays.
  int renewals = 0;
  ManualClock clock(Utc("2027-02-06", 2));
  CareRunResult stopped = RunCustomerCare(
      *database_, plan, clock,
      [&renewals] { return ++renewals < 2 ? sdk::Status::Ok() : sdk::Status::Unavailable("the lease was taken"); },
      CancellationToken());
  EXPECT_EQ(stopped.status.code(), sdk::StatusCode::kUnavailable);
  EXPECT_EQ(stopped.counts.greetings, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM customer_care_days"), 0) << "the day is not done";
  CareRunResult resumed = RunAt(Utc("2027-02-06", 3), plan);
  EXPECT_EQ(resumed.counts.greetings, 2);
  EXPECT_EQ(resumed.counts.already_sent, 1);
  EXPECT_EQ(Greetings().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Engines, CareRunTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::care
