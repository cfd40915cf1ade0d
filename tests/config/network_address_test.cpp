#include "config/network_address.hpp"

#include <gtest/gtest.h>

namespace hub::config {
namespace {

TEST(IsLoopbackAddress, AcceptsOnlyAddressesReachableFromThisMachine) {
  for (const char* address : {"127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1", "localhost", "LocalHost"}) {
    EXPECT_TRUE(IsLoopbackAddress(address)) << address;
  }
  for (const char* address : {"0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "localhost.example.com", "", "127.0.0"}) {
    EXPECT_FALSE(IsLoopbackAddress(address)) << address;
  }
}

TEST(IsValidListenAddress, AcceptsIpLiteralsAndHostNames) {
  for (const char* address : {"0.0.0.0", "::", "fe80::1", "hub.example.com", "localhost", "my-host"}) {
    EXPECT_TRUE(IsValidListenAddress(address)) << address;
  }
  for (const char* address : {"", "two words", "-bad.example", "a..b", "host:80", "[::1]"}) {
    EXPECT_FALSE(IsValidListenAddress(address)) << address;
  }
}

}  // namespace
}  // namespace hub::config
