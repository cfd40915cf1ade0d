// Job kinds and subscriptions: a delivery job is read with every part of its subscription, a file without
// kinds loads as before, and every misuse is one error at its line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.hpp"
#include "config_test_support.hpp"

namespace hub::config {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempDir;

// A valid file with two connectors whose lines 6.. are `jobs` inside <jobs>.
std::string FileWithJobs(const std::string& jobs) {
  return "<hub>\n"
         "  <store><connection>DSN=x</connection></store>\n"
         "  <plugins dir=\".\"/>\n"
         "  <connectors><connector name=\"crm\" plugin=\"file\"/><connector name=\"erp\" "
         "plugin=\"file\"/></connectors>\n"
         "  <jobs>\n" +
         jobs + "\n  </jobs>\n</hub>\n";
}

ConfigLoadResult Load(const TempDir& dir, const std::string& text) {
  return LoadConfig(dir.Write("hub.xml", text), testing::FakeEnv({}));
}

TEST(JobKinds, ADeliveryJobIsReadWithItsWholeSubscription) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithJobs(R"(
<job name="erp_feed" kind="delivery" connector="erp" every="2s" batch_size="200" start="latest" lanes="4">
  <subscribe entity="party" kinds="party.created  party.updated"/>
  <subscribe kinds="order.created"/>
  <filter field="country" in="CN HK"/>
  <filter field="segment" equals="key account"/>
  <filter field="source_system" not_in="supply_chain edi"/>
  <subscribe entity="order" document="true"/>
  <retry max_attempts="3" backoff="250ms" max_backoff="1m"/>
</job>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const JobConfig& job = result.config->jobs.at(0);
  EXPECT_EQ(job.kind, JobKind::kDelivery);
  EXPECT_EQ(job.connector, "erp");
  EXPECT_EQ(job.batch_size, 200u);
  EXPECT_TRUE(job.mappings.empty());
  const SubscriptionConfig& subscription = job.subscription;
  ASSERT_EQ(subscription.events.size(), 3u);
  EXPECT_EQ(subscription.events[0].entity, "party");
  EXPECT_FALSE(subscription.events[0].document);
  EXPECT_EQ(subscription.events[2].entity, "order");
  EXPECT_TRUE(subscription.events[2].document);
  EXPECT_THAT(subscription.events[0].kinds, ElementsAre("party.created", "party.updated"));
  EXPECT_EQ(subscription.events[0].location.line, 8);
  EXPECT_EQ(subscription.events[1].entity, "");
  EXPECT_THAT(subscription.events[1].kinds, ElementsAre("order.created"));
  ASSERT_EQ(subscription.filters.size(), 3u);
  EXPECT_EQ(subscription.filters[0].field, "country");
  EXPECT_THAT(subscription.filters[0].values, ElementsAre("CN", "HK"));
  EXPECT_FALSE(subscription.filters[0].excluded);
  EXPECT_THAT(subscription.filters[1].values, ElementsAre("key account"));
  EXPECT_FALSE(subscription.filters[1].excluded);
  EXPECT_EQ(subscription.filters[2].field, "source_system");
  EXPECT_THAT(subscription.filters[2].values, ElementsAre("supply_chain", "edi"));
  EXPECT_TRUE(subscription.filters[2].excluded);
  EXPECT_EQ(subscription.max_attempts, 3);
  EXPECT_EQ(subscription.backoff, std::chrono::milliseconds(250));
  EXPECT_EQ(subscription.max_backoff, std::chrono::minutes(1));
  EXPECT_EQ(subscription.start, SubscriptionConfig::Start::kLatest);
  EXPECT_EQ(subscription.lanes, 4);
}

TEST(JobKinds, ADeliveryJobWithoutChildrenTakesEveryEventWithTheDefaults) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithJobs(R"(<job name="all" kind="delivery" connector="erp"/>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const JobConfig& job = result.config->jobs.at(0);
  EXPECT_EQ(job.batch_size, 500u);
  EXPECT_TRUE(job.subscription.events.empty());
  EXPECT_TRUE(job.subscription.filters.empty());
  EXPECT_EQ(job.subscription.max_attempts, 10);
  EXPECT_EQ(job.subscription.backoff, std::chrono::seconds(1));
  EXPECT_EQ(job.subscription.max_backoff, std::chrono::minutes(10));
  EXPECT_EQ(job.subscription.start, SubscriptionConfig::Start::kBeginning);
  EXPECT_EQ(job.subscription.lanes, 8);
  EXPECT_EQ(result.config->runtime.lease, std::chrono::seconds(30));
  EXPECT_EQ(result.config->runtime.outbox_retention, std::chrono::hours(24 * 7));
}

TEST(JobKinds, AJobWithoutKindIsASyncJobAsBefore) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithJobs(R"(<job name="customers" connector="crm" every="5m">
  <mapping entity="party" id="id"><field target="name" source="name"/></mapping>
</job>
<job name="explicit" kind="sync" connector="crm"><mapping entity="party"/></job>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  EXPECT_EQ(result.config->jobs.at(0).kind, JobKind::kSync);
  EXPECT_EQ(result.config->jobs.at(0).batch_size, 1000u);
  EXPECT_EQ(result.config->jobs.at(0).mappings.at(0).entity, "party");
  EXPECT_EQ(result.config->jobs.at(1).kind, JobKind::kSync);
}

TEST(JobKinds, AMatchJobHasNoConnectorAndReadsItsSourcePriority) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithJobs(R"(
<job name="match" kind="match" every="1h">
  <source_priority> erp
    crm </source_priority>
</job>
<job name="match_on_demand" kind="match" on_arrival="false"/>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const JobConfig& job = result.config->jobs.at(0);
  EXPECT_EQ(job.kind, JobKind::kMatch);
  EXPECT_EQ(JobKindName(job.kind), "match");
  EXPECT_EQ(job.connector, "");
  EXPECT_THAT(job.source_priority, ElementsAre("erp", "crm"));
  EXPECT_TRUE(job.every.has_value());
  EXPECT_TRUE(result.config->jobs.at(1).source_priority.empty());
  EXPECT_TRUE(job.on_arrival) << "matching on arrival is on by default";
  EXPECT_FALSE(result.config->jobs.at(1).on_arrival);
}

TEST(JobKinds, AFunnelAlertsJobHasANameAndASchedule) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithJobs(R"(<job name="funnel_watch" kind="funnel_alerts" every="1h"/>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const JobConfig& job = result.config->jobs.at(0);
  EXPECT_EQ(job.kind, JobKind::kFunnelAlerts);
  EXPECT_EQ(JobKindName(job.kind), "funnel_alerts");
  EXPECT_EQ(job.connector, "");
  EXPECT_TRUE(job.every.has_value());
}

TEST(JobKinds, ReadsTheLeaseAndTheOutboxRetentionOfRuntime) {
  TempDir dir;
  std::string text = FileWithJobs("");
  text.replace(text.find("  <connectors>"), 0, "  <runtime lease=\"90s\" outbox_retention=\"2d\"/>\n");
  ConfigLoadResult result = Load(dir, text);
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  EXPECT_EQ(result.config->runtime.lease, std::chrono::seconds(90));
  EXPECT_EQ(result.config->runtime.outbox_retention, std::chrono::hours(48));
}

TEST(JobKinds, ACustomerCareJobIsReadWithItsOccasionsAndNoConnector) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithJobs(R"(
<job name="greetings" kind="customer_care" cron="0 1 * * *" timezone="Asia/Shanghai" days_ahead="1">
  <birthday/>
  <holiday name="spring_festival" title="春节" calendar="chinese" month="1" day="1"/>
  <holiday name="new_year" month="1" day="1"/>
  <holiday name="anniversary" date="2027-10-01"/>
</job>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const JobConfig& job = result.config->jobs.at(0);
  EXPECT_EQ(job.kind, JobKind::kCustomerCare);
  EXPECT_EQ(JobKindName(job.kind), "customer_care");
  EXPECT_EQ(job.connector, "");
  EXPECT_EQ(job.cron, "0 1 * * *");
  EXPECT_EQ(job.batch_size, 500u);
  const CareConfig& care = job.care;
  EXPECT_TRUE(care.birthdays);
  EXPECT_EQ(care.time_zone, "Asia/Shanghai");
  EXPECT_EQ(care.days_ahead, 1);
  ASSERT_EQ(care.holidays.size(), 3u);
  EXPECT_EQ(care.holidays[0].name, "spring_festival");
  EXPECT_EQ(care.holidays[0].title, "春节");
  EXPECT_EQ(care.holidays[0].calendar, CareConfig::Holiday::Calendar::kChinese);
  EXPECT_EQ(care.holidays[0].month, 1);
  EXPECT_EQ(care.holidays[0].day, 1);
  EXPECT_EQ(care.holidays[1].title, "new_year") << "the title defaults to the name";
  EXPECT_EQ(care.holidays[1].calendar, CareConfig::Holiday::Calendar::kGregorian);
  EXPECT_EQ(care.holidays[2].date, "2027-10-01");
  EXPECT_EQ(care.holidays[2].month, 0);
}

TEST(JobKinds, ACustomerCareJobGreetsTheUtcDayByDefault) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithJobs(R"(<job name="birthdays" kind="customer_care"><birthday/></job>)"));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  EXPECT_EQ(result.config->jobs.at(0).care.time_zone, "UTC");
  EXPECT_EQ(result.config->jobs.at(0).care.days_ahead, 0);
  EXPECT_TRUE(result.config->jobs.at(0).care.holidays.empty());
}

struct KindError {
  const char* name;
  std::string jobs;  // starting at line 6
  int line;
  const char* message_part;
};

void PrintTo(const KindError& error_case, std::ostream* out) { *out << error_case.name; }

class JobKindErrors : public ::testing::TestWithParam<KindError> {};

TEST_P(JobKindErrors, ReportsExactlyOneErrorAtItsLine) {
  TempDir dir;
  ConfigLoadResult result = Load(dir, FileWithJobs(GetParam().jobs));
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.errors.size(), 1u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, GetParam().line) << result.errors[0].ToString();
  EXPECT_THAT(result.errors[0].message, HasSubstr(GetParam().message_part));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JobKindErrors,
    ::testing::Values(
        KindError{"UnknownKind",
                  "<job name=\"j\" kind=\"reminder\" connector=\"crm\"><mapping entity=\"party\"/></job>", 6,
                  "<job> attribute 'kind': 'reminder' is not one of: sync, delivery, customer_care, match"},
        KindError{"FunnelAlertsWithConnector", "<job name=\"f\" kind=\"funnel_alerts\" connector=\"crm\"/>", 6,
                  "<job name=\"f\" kind=\"funnel_alerts\"> attribute 'connector': a funnel_alerts job measures"},
        KindError{"FunnelAlertsWithBatchSize", "<job name=\"f\" kind=\"funnel_alerts\" batch_size=\"10\"/>", 6,
                  "attribute 'batch_size'"},
        KindError{"FunnelAlertsWithAChild", "<job name=\"f\" kind=\"funnel_alerts\">\n<birthday/></job>", 7,
                  "<birthday> in <job name=\"f\" kind=\"funnel_alerts\">: a funnel_alerts job"},
        KindError{"MatchWithConnector", "<job name=\"m\" kind=\"match\" connector=\"crm\"/>", 6,
                  "<job name=\"m\" kind=\"match\"> attribute 'connector': a match job runs over the store"},
        KindError{"MatchWithMapping", "<job name=\"m\" kind=\"match\">\n<mapping entity=\"party\"/></job>", 7,
                  "<mapping> in <job name=\"m\" kind=\"match\">: a match job reads the store's parties"},
        KindError{"SourcePriorityOnASyncJob",
                  "<job name=\"j\" connector=\"crm\"><mapping entity=\"party\"/>\n"
                  "<source_priority>erp</source_priority></job>",
                  7, "<source_priority> in <job name=\"j\"> belongs to a match job (kind=\"match\")"},
        KindError{"OnArrivalOnASyncJob",
                  "<job name=\"j\" connector=\"crm\" on_arrival=\"true\"><mapping entity=\"party\"/></job>", 6,
                  "<job name=\"j\"> attribute 'on_arrival' belongs to a match job (kind=\"match\")"},
        KindError{"OnArrivalNotABoolean", "<job name=\"m\" kind=\"match\" on_arrival=\"yes\"/>", 6,
                  "attribute 'on_arrival'"},
        KindError{"SourceListedTwice",
                  "<job name=\"m\" kind=\"match\">\n<source_priority>erp crm erp</source_priority></job>", 7,
                  "duplicate <source_priority> source system 'erp'"},
        KindError{"HolidayOnAMatchJob",
                  "<job name=\"m\" kind=\"match\">\n<holiday name=\"x\" month=\"1\" day=\"1\"/></job>", 7,
                  "<holiday> in <job name=\"m\" kind=\"match\"> belongs to a customer_care job"},
        KindError{"SourcePriorityOnACareJob",
                  "<job name=\"g\" kind=\"customer_care\"><birthday/>\n<source_priority>erp</source_priority></job>", 7,
                  "<source_priority> in <job name=\"g\" kind=\"customer_care\"> belongs to a match job"},
        KindError{"SourcePriorityOnADeliveryJob",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<source_priority>erp</source_priority></job>",
                  7, "<source_priority> in <job name=\"f\" kind=\"delivery\"> belongs to a match job"},
        KindError{"DeliveryWithMapping",
                  "<job name=\"feed\" kind=\"delivery\" connector=\"erp\">\n"
                  "  <mapping entity=\"party\"/>\n</job>",
                  7, "<job name=\"feed\" kind=\"delivery\"> has a <mapping>, but a delivery job reads no records"},
        KindError{"SyncWithoutMapping", "<job name=\"j\" kind=\"sync\" connector=\"crm\"/>", 6,
                  "<job name=\"j\"> has no <mapping>"},
        KindError{"SubscribeOnASyncJob",
                  "<job name=\"j\" connector=\"crm\"><mapping entity=\"party\"/>\n<subscribe entity=\"party\"/></job>",
                  7, "<subscribe> in <job name=\"j\"> belongs to a delivery job (kind=\"delivery\")"},
        KindError{"LanesOnASyncJob",
                  "<job name=\"j\" connector=\"crm\"\n lanes=\"4\"><mapping entity=\"party\"/></job>", 7,
                  "<job name=\"j\"> attribute 'lanes' belongs to a delivery job"},
        KindError{"BadKindWord",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n"
                  "<subscribe kinds=\"party.created created\"/></job>",
                  7, "'created' is not an event kind (entity.change"},
        KindError{"KindOfAnotherEntity",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n"
                  "<subscribe entity=\"party\" kinds=\"order.created\"/></job>",
                  7, "'order.created' is not an event of entity 'party'"},
        KindError{"EmptyKinds", "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<subscribe kinds=\" \"/></job>",
                  7, "<subscribe> attribute 'kinds' is empty; leave it out to receive every kind"},
        KindError{"BadEntityName",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<subscribe entity=\"Party\"/></job>", 7,
                  "'Party' is not an entity name"},
        KindError{
            "UnknownSubscribeAttribute",
            "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<subscribe entity=\"party\" kind=\"x\"/></job>", 7,
            "unknown attribute 'kind' on <subscribe>; expected: entity, kinds, document"},
        KindError{"DocumentWithoutEntity",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<subscribe kinds=\"order.created\" "
                  "document=\"true\"/></job>",
                  7, "<subscribe document=\"true\"> needs entity="},
        KindError{"DocumentNotABoolean",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<subscribe entity=\"order\" "
                  "document=\"yes\"/></job>",
                  7, "<subscribe> attribute 'document': 'yes' is not one of: true, false"},
        KindError{"FilterWithoutValues",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<filter field=\"country\"/></job>", 7,
                  "<filter> needs 'in' (values separated by spaces), 'not_in' (values it must not hold) or "
                  "'equals'"},
        KindError{"FilterWithInAndNotIn",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<filter field=\"c\" in=\"CN\" "
                  "not_in=\"HK\"/></job>",
                  7, "<filter> has both 'in' and 'not_in'; give one of them"},
        KindError{"FilterEmptyNotIn",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<filter field=\"c\" not_in=\" \"/></job>", 7,
                  "<filter> attribute 'not_in' is empty; give the values the field must not have"},
        KindError{
            "FilterWithBoth",
            "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<filter field=\"c\" in=\"CN\" equals=\"CN\"/></job>",
            7, "<filter> has both 'in' and 'equals'"},
        KindError{"FilterWithoutField",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<filter in=\"CN\"/></job>", 7,
                  "<filter> is missing the required attribute 'field'"},
        KindError{"FilterEmptyIn",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<filter field=\"c\" in=\"\"/></job>", 7,
                  "<filter> attribute 'in' is empty"},
        KindError{"TwoRetries", "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<retry/>\n<retry/></job>", 8,
                  "duplicate <retry> in <job> (first at line 7)"},
        KindError{"NoAttempts",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<retry max_attempts=\"0\"/></job>", 7,
                  "<retry> attribute 'max_attempts': '0' is not an integer from 1 to 1000"},
        KindError{
            "MaxBackoffBelowBackoff",
            "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<retry backoff=\"1m\" max_backoff=\"5s\"/></job>", 7,
            "<retry> max_backoff (5000ms) is shorter than backoff (60000ms)"},
        KindError{"BadStart", "<job name=\"f\" kind=\"delivery\" connector=\"erp\" start=\"now\"/>", 6,
                  "<job> attribute 'start': 'now' is not one of: beginning, latest"},
        KindError{"TooManyLanes", "<job name=\"f\" kind=\"delivery\" connector=\"erp\" lanes=\"1000\"/>", 6,
                  "<job> attribute 'lanes': '1000' is not an integer from 1 to 256"},
        KindError{"CareWithConnector", "<job name=\"g\" kind=\"customer_care\"\n connector=\"crm\"><birthday/></job>",
                  7,
                  "<job name=\"g\" kind=\"customer_care\"> has a connector, but a customer-care job only appends "
                  "greeting events"},
        KindError{"CareGreetingNothing", "<job name=\"g\" kind=\"customer_care\"/>", 6,
                  "<job kind=\"customer_care\"> greets nothing"},
        KindError{"CareWithMapping",
                  "<job name=\"g\" kind=\"customer_care\"><birthday/>\n<mapping entity=\"party\"/></job>", 7,
                  "<mapping> in <job name=\"g\" kind=\"customer_care\"> belongs to a sync job (kind=\"sync\")"},
        KindError{"CareWithSubscription",
                  "<job name=\"g\" kind=\"customer_care\"><birthday/>\n<subscribe entity=\"party\"/></job>", 7,
                  "<subscribe> in <job name=\"g\" kind=\"customer_care\"> belongs to a delivery job"},
        KindError{"HolidayOnADeliveryJob",
                  "<job name=\"f\" kind=\"delivery\" connector=\"erp\">\n<holiday name=\"x\" month=\"1\" "
                  "day=\"1\"/></job>",
                  7, "<holiday> in <job name=\"f\" kind=\"delivery\"> belongs to a customer_care job"},
        KindError{"TimezoneOnASyncJob",
                  "<job name=\"j\" connector=\"crm\"\n timezone=\"UTC\"><mapping entity=\"party\"/></job>", 7,
                  "<job name=\"j\"> attribute 'timezone' belongs to a customer_care job"},
        KindError{"HolidayWithoutDay",
                  "<job name=\"g\" kind=\"customer_care\">\n<holiday name=\"x\" month=\"1\"/></job>", 7,
                  "<holiday name=\"x\"> needs month= and day= (every year), or date=\"YYYY-MM-DD\" (once)"},
        KindError{"HolidayNoSuchDay",
                  "<job name=\"g\" kind=\"customer_care\">\n<holiday name=\"x\" month=\"4\" day=\"31\"/></job>", 7,
                  "<holiday name=\"x\">: month 4 has no day 31"},
        KindError{"ChineseDay31",
                  "<job name=\"g\" kind=\"customer_care\">\n<holiday name=\"x\" calendar=\"chinese\" "
                  "month=\"1\" day=\"31\"/></job>",
                  7, "<holiday> attribute 'day': '31' is not an integer from 1 to 30"},
        KindError{"HolidayBadDate",
                  "<job name=\"g\" kind=\"customer_care\">\n<holiday name=\"x\" date=\"2027-02-30\"/></job>", 7,
                  "<holiday> attribute 'date': '2027-02-30' is not a date (YYYY-MM-DD)"},
        KindError{"HolidayDateAndMonth",
                  "<job name=\"g\" kind=\"customer_care\">\n<holiday name=\"x\" date=\"2027-10-01\" "
                  "month=\"10\"/></job>",
                  7, "<holiday> has date= and month=, day= or calendar="},
        KindError{"DuplicateHoliday",
                  "<job name=\"g\" kind=\"customer_care\"><holiday name=\"x\" month=\"1\" day=\"1\"/>\n"
                  "<holiday name=\"x\" month=\"2\" day=\"1\"/></job>",
                  7, "duplicate <holiday> name 'x' (first at line 6)"},
        KindError{"TooManyDaysAhead", "<job name=\"g\" kind=\"customer_care\" days_ahead=\"31\"><birthday/></job>", 6,
                  "<job> attribute 'days_ahead': '31' is not an integer from 0 to 30"},
        KindError{"DeliveryWithUnknownConnector", "<job name=\"f\" kind=\"delivery\" connector=\"mail\"/>", 6,
                  "job 'f' names unknown connector 'mail'; defined connectors: crm, erp"}),
    [](const ::testing::TestParamInfo<KindError>& info) { return std::string(info.param.name); });

TEST(JobKinds, RefusesALeaseShorterThanASecond) {
  TempDir dir;
  std::string text = FileWithJobs("");
  text.replace(text.find("  <connectors>"), 0, "  <runtime lease=\"500ms\"/>\n");
  ConfigLoadResult result = Load(dir, text);
  ASSERT_EQ(result.errors.size(), 1u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, 4);
  EXPECT_THAT(result.errors[0].message, HasSubstr("<runtime> attribute 'lease': '500ms' is shorter than 1s"));
}

}  // namespace
}  // namespace hub::config
