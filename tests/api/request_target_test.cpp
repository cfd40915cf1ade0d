#include "api/request_target.hpp"

#include <gtest/gtest.h>

namespace hub::api {
namespace {

struct TargetCase {
  std::string target;
  std::string path;
  std::map<std::string, std::string> query;
};

TEST(RequestTarget, SplitsThePathAndDecodesTheQuery) {
  const TargetCase cases[] = {
      {"/health", "/health", {}},
      {"/a%20b?x=1", "/a%20b", {{"x", "1"}}},
      {"/c?phone=%2B49+30+1234&name=M%C3%BCller", "/c", {{"phone", "+49 30 1234"}, {"name", "M\xC3\xBCller"}}},
      {"/c?flag&empty=&x=1&x=2", "/c", {{"flag", ""}, {"empty", ""}, {"x", "2"}}},
      {"/c?&&", "/c", {}},
  };
  for (const auto& test : cases) {
    auto parsed = ParseTarget(test.target);
    ASSERT_TRUE(parsed.ok()) << test.target << ": " << parsed.status().ToString();
    EXPECT_EQ(parsed->path, test.path);
    EXPECT_EQ(parsed->query, test.query) << test.target;
  }
}

TEST(RequestTarget, RefusesWhatIsNotAnOriginFormTargetOrHasABadEscape) {
  for (const char* target : {"", "health", "http://x/health", "/a%zz", "/a%2", "/a?x=%", "/a?%4=1", "/a?x=%00"}) {
    EXPECT_FALSE(ParseTarget(target).ok()) << target;
  }
}

TEST(RequestTarget, PercentDecodeTreatsPlusAsSpaceOnlyWhenAsked) {
  EXPECT_EQ(PercentDecode("a+b%2B", true), std::optional<std::string>("a b+"));
  EXPECT_EQ(PercentDecode("a+b%2B", false), std::optional<std::string>("a+b+"));
}

}  // namespace
}  // namespace hub::api
