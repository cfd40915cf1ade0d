// The fixtures of tests/data/email/, read and parsed for the tests.
#ifndef HUB_TESTS_CONNECTORS_EMAIL_EMAIL_FIXTURE_HPP_
#define HUB_TESTS_CONNECTORS_EMAIL_EMAIL_FIXTURE_HPP_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "email/mime_parser.hpp"

namespace hub::email {

// The bytes of tests/data/email/<name>.
inline std::string FixtureBytes(const std::string& name) {
  std::ifstream in(std::string(HUB_SOURCE_DIR) + "/tests/data/email/" + name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// tests/data/email/<name> parsed; fails the test when it does not parse.
inline MimeMessage ParsedFixture(const std::string& name) {
  std::string bytes = FixtureBytes(name);
  EXPECT_FALSE(bytes.empty()) << name;
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(bytes);
  EXPECT_TRUE(parsed.ok()) << name << ": " << parsed.status().ToString();
  return parsed.ok() ? *parsed : MimeMessage{};
}

}  // namespace hub::email

#endif  // HUB_TESTS_CONNECTORS_EMAIL_EMAIL_FIXTURE_HPP_
