#include "hub/sdk/options.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hub::sdk {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;

TEST(ParseDuration, AcceptsEveryUnitAndBareMilliseconds) {
  struct Case {
    const char* text;
    milliseconds expected;
  };
  const Case kCases[] = {
      {"250ms", milliseconds(250)},    {"30s", milliseconds(30'000)},    {"5m", milliseconds(300'000)},
      {"2h", milliseconds(7'200'000)}, {"1d", milliseconds(86'400'000)}, {"1500", milliseconds(1500)},
      {"0", milliseconds(0)},          {"0s", milliseconds(0)},
  };
  for (const Case& c : kCases) {
    Result<milliseconds> parsed = ParseDuration(c.text);
    ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.status().ToString();
    EXPECT_EQ(*parsed, c.expected) << c.text;
  }
}

TEST(ParseDuration, RefusesWhatIsNotADurationNamingTheText) {
  struct Case {
    const char* text;
    const char* reason;
  };
  const Case kCases[] = {
      {"", "is not a duration"},       {"soon", "is not a duration"},  {"-5s", "is not a duration"},
      {"5x", "has an unknown unit"},   {"5 s", "has an unknown unit"}, {"5sec", "has an unknown unit"},
      {"1.5h", "has an unknown unit"}, {"5S", "has an unknown unit"},
  };
  for (const Case& c : kCases) {
    Result<milliseconds> parsed = ParseDuration(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    std::string quoted = std::string("'").append(c.text).append("' ").append(c.reason);
    EXPECT_THAT(parsed.status().message(), HasSubstr(quoted));
  }
}

Options Sample() {
  return Options({{"name", "crm"},
                  {"port", "5432"},
                  {"port_bad", "54x"},
                  {"on", "yes"},
                  {"off", "0"},
                  {"maybe", "perhaps"},
                  {"every", "5m"},
                  {"every_bad", "often"}});
}

TEST(Options, ReportsWhichKeysItHas) {
  Options options = Sample();
  EXPECT_TRUE(options.Has("name"));
  EXPECT_FALSE(options.Has("missing"));
  EXPECT_EQ(options.values().size(), 8u);
  EXPECT_TRUE(Options().values().empty());
}

TEST(Options, GetStringAnswersTheValueOrTheFallback) {
  EXPECT_EQ(Sample().GetString("name"), "crm");
  EXPECT_EQ(Sample().GetString("missing", "default"), "default");
  EXPECT_EQ(Sample().GetString("missing"), "");
}

TEST(Options, GetIntegerParsesWholeNumbersOnly) {
  EXPECT_EQ(*Sample().GetInteger("port", 0), 5432);
  EXPECT_EQ(*Sample().GetInteger("missing", 7), 7);
  Result<std::int64_t> bad = Sample().GetInteger("port_bad", 0);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "option 'port_bad': '54x' is not an integer");
}

TEST(Options, GetBoolAcceptsTheUsualSpellings) {
  struct Case {
    const char* text;
    bool expected;
  };
  const Case kCases[] = {{"true", true}, {"yes", true}, {"1", true}, {"false", false}, {"no", false}, {"0", false}};
  for (const Case& c : kCases) {
    Result<bool> value = Options({{"flag", std::string(c.text)}}).GetBool("flag", !c.expected);
    ASSERT_TRUE(value.ok()) << c.text;
    EXPECT_EQ(*value, c.expected) << c.text;
  }
  EXPECT_TRUE(*Sample().GetBool("missing", true));
  Result<bool> bad = Sample().GetBool("maybe", false);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "option 'maybe': 'perhaps' is not a boolean");
}

TEST(Options, GetDurationParsesOrFallsBack) {
  EXPECT_EQ(*Sample().GetDuration("every", milliseconds(1)), milliseconds(300'000));
  EXPECT_EQ(*Sample().GetDuration("missing", milliseconds(1)), milliseconds(1));
  EXPECT_FALSE(Sample().GetDuration("every_bad", milliseconds(1)).ok());
}

TEST(Options, GetListSplitsOnAsciiAndFullWidthCommasAndDropsBlanksAndEmptyItems) {
  const Options options({{"folders", " INBOX ,\tSales/China，销售 ,, "}, {"none", " , "}});
  EXPECT_EQ(options.GetList("folders"), (std::vector<std::string>{"INBOX", "Sales/China", "销售"}));
  EXPECT_TRUE(options.GetList("none", "INBOX").empty());
  EXPECT_EQ(options.GetList("missing", "INBOX, Sent"), (std::vector<std::string>{"INBOX", "Sent"}));
  EXPECT_TRUE(options.GetList("missing").empty());
}

TEST(InvalidOptionValue, NamesTheOptionTheValueAndWhy) {
  const Status status = InvalidOptionValue("imap_login", "oauth", "is none of auto, plain and login");
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "option 'imap_login': 'oauth' is none of auto, plain and login");
}

}  // namespace
}  // namespace hub::sdk
