// A fresh folder for one test, removed with everything in it when the object goes away.
#ifndef HUB_TESTS_SUPPORT_TEMP_DIR_HPP_
#define HUB_TESTS_SUPPORT_TEMP_DIR_HPP_

#include <filesystem>
#include <string>
#include <string_view>

namespace hub::test {

// Creates a uniquely named folder under the system's temporary directory (throws std::runtime_error if it
// cannot: tests only). Not copyable.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to path()/name (replacing it; folders in `name` are created) and returns the file's
  // path. Throws std::runtime_error when it cannot (tests only).
  std::filesystem::path Write(const std::string& name, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

}  // namespace hub::test

#endif  // HUB_TESTS_SUPPORT_TEMP_DIR_HPP_
