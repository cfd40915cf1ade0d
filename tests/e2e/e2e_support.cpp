#include "e2e_support.hpp"

#include <openssl/evp.h>

#include <fstream>

namespace hub::test {

HubSandbox::HubSandbox() {
  std::filesystem::path plugins = dir() / "plugins";
  std::filesystem::create_directories(plugins);
  std::filesystem::create_symlink(std::filesystem::path(HUB_PLUGIN_DIR) / "hub_file.so", plugins / "hub_file.so");
  std::filesystem::create_symlink(std::filesystem::path(HUB_SLOW_PLUGIN_DIR) / "hub_slow.so", plugins / "hub_slow.so");
}

std::filesystem::path HubSandbox::Write(const std::string& name, const std::string& content) const {
  return temp_.Write(name, content);
}

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

std::string HubConfigXml(const std::string& csv_path, const std::string& api_extra, const std::string& slow_delay) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<hub name="e2e">
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins"/>
  <logging level="info"/>
  <api address="127.0.0.1" port="0" request_timeout="5s">)" +
         api_extra + R"(
    <auth>
      <token name="viewer" role="read" sha256=")" +
         Sha256Hex(kReadToken) + R"("/>
      <token name="operator" role="operate" sha256=")" +
         Sha256Hex(kOperateToken) + R"("/>
    </auth>
  </api>
  <connectors>
    <connector name="customers_csv" plugin="file"><path>)" +
         csv_path + R"(</path></connector>
    <connector name="slow_source" plugin="slow"><delay>)" +
         slow_delay + R"(</delay></connector>
  </connectors>
  <jobs>
    <job name="customers" connector="customers_csv">
      <mapping entity="party" id="id"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
    </job>
    <job name="slow" connector="slow_source" batch_size="1">
      <mapping entity="party"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
    </job>
  </jobs>
</hub>
)";
}

}  // namespace hub::test
