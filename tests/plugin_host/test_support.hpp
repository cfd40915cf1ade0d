// Helpers of the plugin host tests: fixture plugins, loaded-library checks and a logger whose lines the test
// can read. Temporary folders come from support/temp_dir.hpp.
#ifndef HUB_TESTS_PLUGIN_HOST_TEST_SUPPORT_HPP_
#define HUB_TESTS_PLUGIN_HOST_TEST_SUPPORT_HPP_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/sinks/ringbuffer_sink.h>

#include "common/logging.hpp"

namespace hub::test {

// build/test_plugins/hub_test_<name>.so
std::filesystem::path FixturePath(std::string_view name);

// Copies fixture `name` into `folder` as `file_name`; answers the copy's path. Throws on failure (tests only).
std::filesystem::path CopyFixture(std::string_view name, const std::filesystem::path& folder,
                                  std::string_view file_name);

// Writes `content` to `file`; answers `file`.
std::filesystem::path WriteTextFile(const std::filesystem::path& file, std::string_view content);

// True when the library at `path` is mapped into this process (Linux: /proc/self/maps).
bool IsMapped(const std::filesystem::path& path);

// A logger named `name`, at level trace, that keeps its lines formatted "[<name>] <level> <message>".
class CapturedLog {
 public:
  explicit CapturedLog(std::string name);
  const Logger& logger() const { return logger_; }
  std::vector<std::string> Lines() const;
  bool Contains(std::string_view text) const;

 private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
  Logger logger_;
};

}  // namespace hub::test

#endif  // HUB_TESTS_PLUGIN_HOST_TEST_SUPPORT_HPP_
