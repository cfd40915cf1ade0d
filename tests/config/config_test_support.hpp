// Helpers shared by the configuration tests: a scratch folder and an injected environment.
#ifndef HUB_TESTS_CONFIG_CONFIG_TEST_SUPPORT_HPP_
#define HUB_TESTS_CONFIG_CONFIG_TEST_SUPPORT_HPP_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include "config/secret_resolver.hpp"

namespace hub::config::testing {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hub_config_test_XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `content` to `relative` (creating its folders) and returns the file's absolute path.
  std::filesystem::path Write(const std::filesystem::path& relative, const std::string& content) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path path_;
};

// An environment holding exactly `variables`.
inline EnvLookup FakeEnv(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace hub::config::testing

#endif  // HUB_TESTS_CONFIG_CONFIG_TEST_SUPPORT_HPP_
