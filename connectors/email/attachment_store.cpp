#include "email/attachment_store.hpp"

#include <system_error>

#include "hub/files/atomic_file.hpp"

namespace hub::email {

std::filesystem::path AttachmentStore::PathOf(std::string_view sha256) const {
  return dir_ / std::string(sha256.substr(0, 2)) / std::string(sha256);
}

sdk::Status AttachmentStore::Keep(std::string_view sha256, std::string_view bytes) const {
  if (sha256.size() != 64) return sdk::Status::Internal("attachment hash '" + std::string(sha256) + "' is no SHA-256");
  const std::filesystem::path file = PathOf(sha256);
  std::error_code error;
  if (std::filesystem::exists(file, error)) return sdk::Status::Ok();
  std::filesystem::create_directories(file.parent_path(), error);
  if (error) return sdk::Status::IoError("cannot make " + file.parent_path().string() + ": " + error.message());
  return files::WriteFileAtomically(file.parent_path(), file.filename().string(), bytes);
}

}  // namespace hub::email
