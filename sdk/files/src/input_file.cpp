#include "hub/files/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace hub::files {
namespace {

std::chrono::system_clock::time_point TimeOf(const struct timespec& time) {
  return std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
      std::chrono::seconds(time.tv_sec) + std::chrono::nanoseconds(time.tv_nsec)));
}

}  // namespace

sdk::Result<InputFile> InputFile::Open(const std::filesystem::path& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    const int error = errno;
    std::string message = "cannot open " + path.string() + ": " + std::strerror(error);
    if (error == ENOENT) return sdk::Status::NotFound(std::move(message));
    return sdk::Status::IoError(std::move(message));
  }
  struct stat info {};
  if (::fstat(descriptor, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(descriptor);
    return sdk::Status::IoError(path.string() + " is not a regular file");
  }
  return InputFile(path, descriptor, static_cast<std::uint64_t>(info.st_size), TimeOf(info.st_mtim),
                   TimeOf(info.st_ctim));
}

InputFile::InputFile(InputFile&& other) noexcept
    : path_(std::move(other.path_)),
      descriptor_(std::exchange(other.descriptor_, -1)),
      size_(other.size_),
      modified_(other.modified_),
      status_changed_(other.status_changed_) {}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    if (descriptor_ >= 0) ::close(descriptor_);
    path_ = std::move(other.path_);
    descriptor_ = std::exchange(other.descriptor_, -1);
    size_ = other.size_;
    modified_ = other.modified_;
    status_changed_ = other.status_changed_;
  }
  return *this;
}

InputFile::~InputFile() {
  if (descriptor_ >= 0) ::close(descriptor_);
}

sdk::Result<std::size_t> InputFile::ReadAt(std::uint64_t offset, char* dest, std::size_t count) const {
  std::size_t done = 0;
  while (done < count) {
    const ssize_t got = ::pread(descriptor_, dest + done, count - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return sdk::Status::IoError("cannot read " + path_.string() + ": " + std::strerror(errno));
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

sdk::Status InputFile::ReadAt(std::uint64_t offset, std::size_t count, std::string* out) const {
  out->resize(count);
  sdk::Result<std::size_t> got = ReadAt(offset, out->data(), count);
  if (!got.ok()) return got.status();
  out->resize(*got);
  return sdk::Status::Ok();
}

}  // namespace hub::files
