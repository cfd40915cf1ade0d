#include "matching/domain_key.hpp"

#include <gtest/gtest.h>

namespace hub::matching {
namespace {

TEST(DomainKeys, GiveTheRegistrableDomainOfWebSitesAndEmails) {
  const DomainKeys keys;
  EXPECT_EQ(keys.OfWebsite("https://WWW.shop.Example.CO.UK:8443/about"), "example.co.uk");
  EXPECT_EQ(keys.OfWebsite("www.huaxin.com.cn"), "huaxin.com.cn");
  EXPECT_EQ(keys.OfEmail(" Sales@Mail.Huaxin.COM.CN "), "huaxin.com.cn");
  EXPECT_EQ(keys.OfEmail("li@huaxin.com.cn"), keys.OfWebsite("http://huaxin.com.cn/"));
  // The list's private section: each github.io site is its own registrable domain.
  EXPECT_EQ(keys.OfHost("acme.github.io"), "acme.github.io");
  EXPECT_EQ(keys.OfHost("例子.中国"), "例子.中国");
  EXPECT_EQ(keys.OfHost("shop.example.com."), "example.com");
}

TEST(DomainKeys, HaveNoneForSuffixesSingleLabelsAndAddresses) {
  const DomainKeys keys;
  EXPECT_EQ(keys.OfHost("co.uk"), std::nullopt);
  EXPECT_EQ(keys.OfHost("com.cn"), std::nullopt);
  EXPECT_EQ(keys.OfHost("localhost"), std::nullopt);
  EXPECT_EQ(keys.OfWebsite("http://192.168.1.1:8080/"), std::nullopt);
  EXPECT_EQ(keys.OfHost("::1"), std::nullopt);
  EXPECT_EQ(keys.OfHost(""), std::nullopt);
  EXPECT_EQ(keys.OfEmail("no address"), std::nullopt);
}

}  // namespace
}  // namespace hub::matching
