#include "hub/files/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hub::files {
namespace {

sdk::Status Failed(std::string_view what, const std::filesystem::path& file, int error) {
  return sdk::Status::IoError("cannot " + std::string(what) + " " + file.string() + ": " + std::strerror(error));
}

sdk::Status WriteAll(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return sdk::Status::IoError(std::strerror(errno));
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return sdk::Status::Ok();
}

// Writes and flushes the temporary file; on failure removes it.
sdk::Status WriteTemporary(const std::filesystem::path& temporary, std::string_view content) {
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Failed("create", temporary, errno);
  sdk::Status written = WriteAll(fd, content);
  if (written.ok() && ::fsync(fd) != 0) written = sdk::Status::IoError(std::strerror(errno));
  if (::close(fd) != 0 && written.ok()) written = sdk::Status::IoError(std::strerror(errno));
  if (written.ok()) return written;
  ::unlink(temporary.c_str());
  return sdk::Status::IoError("cannot write " + temporary.string() + ": " + written.message());
}

sdk::Status SyncFolder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Failed("open", folder, errno);
  const int synced = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return synced == 0 ? sdk::Status::Ok() : Failed("flush", folder, synced);
}

}  // namespace

std::string TemporaryNameFor(std::string_view name) {
  return "." + std::string(name) + "." + std::to_string(::getpid()) + ".tmp";
}

sdk::Status WriteFileAtomically(const std::filesystem::path& folder, const std::string& name,
                                std::string_view content) {
  struct stat status {};
  if (::stat(folder.c_str(), &status) != 0) {
    if (errno == ENOENT) return sdk::Status::Unavailable("folder " + folder.string() + " does not exist");
    return Failed("reach", folder, errno);
  }
  if (!S_ISDIR(status.st_mode)) return sdk::Status::IoError(folder.string() + " is not a folder");
  const std::filesystem::path temporary = folder / TemporaryNameFor(name);
  HUB_RETURN_IF_ERROR(WriteTemporary(temporary, content));
  const std::filesystem::path target = folder / name;
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return Failed("rename " + temporary.string() + " to", target, error);
  }
  // The file is in place; a failed flush of the folder is reported so that the caller writes it again.
  return SyncFolder(folder);
}

}  // namespace hub::files
