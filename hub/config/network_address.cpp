#include "config/network_address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace hub::config {
namespace {

bool ParseIpv4(const std::string& text, in_addr* address) { return inet_pton(AF_INET, text.c_str(), address) == 1; }
bool ParseIpv6(const std::string& text, in6_addr* address) { return inet_pton(AF_INET6, text.c_str(), address) == 1; }

bool IsHostLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsHostName(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = name.find('.', start);
    if (!IsHostLabel(name.substr(start, dot == std::string_view::npos ? dot : dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool IsLoopbackAddress(std::string_view address) {
  if (EqualsIgnoringCase(address, "localhost")) return true;
  std::string text(address);
  in_addr v4{};
  if (ParseIpv4(text, &v4)) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (!ParseIpv6(text, &v6)) return false;
  if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
  return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
}

bool IsValidListenAddress(std::string_view address) {
  std::string text(address);
  in_addr v4{};
  in6_addr v6{};
  return ParseIpv4(text, &v4) || ParseIpv6(text, &v6) || IsHostName(address);
}

}  // namespace hub::config
