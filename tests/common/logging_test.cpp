#include "common/logging.hpp"

#include <gtest/gtest.h>

namespace hub {
namespace {

TEST(ParseLogLevel, AcceptsEachDocumentedLevel) {
  const std::pair<const char*, spdlog::level::level_enum> kCases[] = {
      {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug}, {"info", spdlog::level::info},
      {"warn", spdlog::level::warn},   {"error", spdlog::level::err},   {"off", spdlog::level::off}};
  for (const auto& [text, expected] : kCases) {
    auto level = spdlog::level::critical;
    EXPECT_TRUE(ParseLogLevel(text, &level)) << text;
    EXPECT_EQ(level, expected) << text;
  }
}

TEST(ParseLogLevel, RejectsUnknownTextAndLeavesTheLevelAlone) {
  for (const char* text : {"", "verbose", "INFO", "warning", "err", " info"}) {
    auto level = spdlog::level::critical;
    EXPECT_FALSE(ParseLogLevel(text, &level)) << "'" << text << "'";
    EXPECT_EQ(level, spdlog::level::critical) << "'" << text << "'";
  }
}

}  // namespace
}  // namespace hub
