// Scratch folders, configurations and tokens for end-to-end tests of the `hub` binary.
#ifndef HUB_TESTS_E2E_E2E_SUPPORT_HPP_
#define HUB_TESTS_E2E_E2E_SUPPORT_HPP_

#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace hub::test {

// A fresh temporary folder holding `plugins/` with links to the file connector and the slow test plugin;
// removed with everything in it by the destructor.
class HubSandbox {
 public:
  HubSandbox();

  const std::filesystem::path& dir() const { return temp_.path(); }
  // Writes `content` to dir()/name and answers the path.
  std::filesystem::path Write(const std::string& name, const std::string& content) const;

 private:
  TempDir temp_;
};

// Lowercase hex SHA-256 of `text`, as configured for bearer tokens.
std::string Sha256Hex(const std::string& text);

// The tokens every test configuration knows.
inline constexpr const char* kReadToken = "read-token-0123456789";
inline constexpr const char* kOperateToken = "operate-token-0123456789";

// A configuration on 127.0.0.1 port 0 with both tokens, the slow connector (job `slow`, on demand) and a
// file connector over `csv_path` (job `customers`, on demand). `api_extra` goes inside <api> (e.g. <tls/>).
std::string HubConfigXml(const std::string& csv_path, const std::string& api_extra = "",
                         const std::string& slow_delay = "200ms");

}  // namespace hub::test

#endif  // HUB_TESTS_E2E_E2E_SUPPORT_HPP_
