// Where the email connector keeps the bytes of attachments: a content-addressed folder.
#ifndef HUB_EMAIL_ATTACHMENT_STORE_HPP_
#define HUB_EMAIL_ATTACHMENT_STORE_HPP_

#include <filesystem>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::email {

// Files named by the SHA-256 of their bytes under one folder: <dir>/<first two hex digits>/<sha256>. The same
// bytes (one attachment in many messages, or a message read twice) are one file, written once. Thread-safe
// (a file is written under a temporary name and renamed, files::WriteFileAtomically).
class AttachmentStore {
 public:
  explicit AttachmentStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Where the bytes whose SHA-256 is `sha256` (64 lower-case hex digits) are kept.
  std::filesystem::path PathOf(std::string_view sha256) const;

  // Keeps `bytes` under their `sha256` unless a file is there already, making the folders it needs. IoError
  // with the system's reason when they cannot be made or written (permissions, a full disk): the message must
  // not be counted as read then.
  sdk::Status Keep(std::string_view sha256, std::string_view bytes) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_ATTACHMENT_STORE_HPP_
