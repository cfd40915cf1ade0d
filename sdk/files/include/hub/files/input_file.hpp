// A file opened for positioned reads.
#ifndef HUB_FILES_INPUT_FILE_HPP_
#define HUB_FILES_INPUT_FILE_HPP_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>

#include "hub/sdk/status.hpp"

namespace hub::files {

// A regular file open for reading at any offset (pread), with its size and times as they were at open (one
// fstat, so they describe the same moment). Owns its descriptor; movable, not copyable. One thread at a
// time. Reads past the size seen at open are allowed: a file may grow while it is read.
class InputFile {
 public:
  // NotFound when there is no such file, IoError when it cannot be opened or is not a regular file.
  static sdk::Result<InputFile> Open(const std::filesystem::path& path);

  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  const std::filesystem::path& path() const { return path_; }
  // The size when the file was opened.
  std::uint64_t size() const { return size_; }
  // When its content was last written (mtime), and when its inode last changed (ctime: a write, but also a
  // rename, a chmod or a touch), as at open.
  std::chrono::system_clock::time_point modified() const { return modified_; }
  std::chrono::system_clock::time_point status_changed() const { return status_changed_; }

  // Reads up to `count` bytes at `offset` into `dest`; fewer only at the end of the file. IoError on failure.
  sdk::Result<std::size_t> ReadAt(std::uint64_t offset, char* dest, std::size_t count) const;
  // The same into a string, resized to what was read.
  sdk::Status ReadAt(std::uint64_t offset, std::size_t count, std::string* out) const;

 private:
  InputFile(std::filesystem::path path, int descriptor, std::uint64_t size,
            std::chrono::system_clock::time_point modified, std::chrono::system_clock::time_point status_changed)
      : path_(std::move(path)),
        descriptor_(descriptor),
        size_(size),
        modified_(modified),
        status_changed_(status_changed) {}

  std::filesystem::path path_;
  int descriptor_ = -1;
  std::uint64_t size_ = 0;
  std::chrono::system_clock::time_point modified_;
  std::chrono::system_clock::time_point status_changed_;
};

}  // namespace hub::files

#endif  // HUB_FILES_INPUT_FILE_HPP_
