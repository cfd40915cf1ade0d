#include "test_support.hpp"

#include <algorithm>
#include <fstream>

#include <spdlog/logger.h>

namespace hub::test {

std::filesystem::path FixturePath(std::string_view name) {
  return std::filesystem::path(HUB_TEST_PLUGIN_DIR) / ("hub_test_" + std::string(name) + ".so");
}

std::filesystem::path CopyFixture(std::string_view name, const std::filesystem::path& folder,
                                  std::string_view file_name) {
  std::filesystem::path target = folder / file_name;
  std::filesystem::copy_file(FixturePath(name), target);
  return target;
}

std::filesystem::path WriteTextFile(const std::filesystem::path& file, std::string_view content) {
  std::ofstream(file) << content;
  return file;
}

bool IsMapped(const std::filesystem::path& path) {
  std::ifstream maps("/proc/self/maps");
  std::string wanted = std::filesystem::weakly_canonical(path).string();
  for (std::string line; std::getline(maps, line);) {
    if (line.size() >= wanted.size() && line.compare(line.size() - wanted.size(), wanted.size(), wanted) == 0) {
      return true;
    }
  }
  return false;
}

CapturedLog::CapturedLog(std::string name)
    : sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(1000)),
      logger_(std::make_shared<spdlog::logger>(std::move(name), sink_)) {
  logger_->set_pattern("[%n] %l %v");
  logger_->set_level(spdlog::level::trace);
}

std::vector<std::string> CapturedLog::Lines() const { return sink_->last_formatted(); }

bool CapturedLog::Contains(std::string_view text) const {
  std::vector<std::string> lines = Lines();
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

}  // namespace hub::test
