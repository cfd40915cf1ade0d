#include "hub/files/document_cursor.hpp"

#include <algorithm>
#include <charconv>

namespace hub::files {
namespace {

bool TakeNumber(std::string_view* text, int base, std::uint64_t* out) {
  const std::size_t bar = text->find('|');
  if (bar == std::string_view::npos) return false;
  const std::string_view part = text->substr(0, bar);
  auto [rest, error] = std::from_chars(part.data(), part.data() + part.size(), *out, base);
  if (error != std::errc() || rest != part.data() + part.size() || part.empty()) return false;
  text->remove_prefix(bar + 1);
  return true;
}

}  // namespace

std::string EncodeDocumentCursor(const DocumentCursor& cursor, std::string_view tag) {
  char hash[17];
  auto [end, error] = std::to_chars(hash, hash + sizeof(hash), cursor.fingerprint, 16);
  (void)error;
  return std::string(tag) + "|" + std::to_string(cursor.offset) + "|" + std::to_string(cursor.line) + "|" +
         std::to_string(cursor.document_index) + "|" + std::to_string(cursor.skip) + "|" + (cursor.done ? "1" : "0") +
         "|" + std::string(hash, end) + "|" + cursor.file_name;
}

sdk::Result<DocumentCursor> DecodeDocumentCursor(std::string_view text, std::string_view tag) {
  DocumentCursor cursor;
  std::uint64_t done = 0;
  std::string_view rest = text;
  const std::string prefix = std::string(tag) + "|";
  const bool ok = rest.substr(0, prefix.size()) == prefix && (rest.remove_prefix(prefix.size()), true) &&
                  TakeNumber(&rest, 10, &cursor.offset) && TakeNumber(&rest, 10, &cursor.line) &&
                  TakeNumber(&rest, 10, &cursor.document_index) && TakeNumber(&rest, 10, &cursor.skip) &&
                  TakeNumber(&rest, 10, &done) && done <= 1 && TakeNumber(&rest, 16, &cursor.fingerprint) &&
                  !rest.empty();
  if (!ok) {
    return sdk::Status::InvalidArgument("'" + std::string(text) + "' is not a folder cursor of kind " +
                                        std::string(tag));
  }
  cursor.file_name = std::string(rest);
  cursor.done = done == 1;
  return cursor;
}

std::uint64_t DocumentFingerprint(std::string_view head, std::uint64_t offset) {
  const std::uint64_t covered = std::min<std::uint64_t>({offset, kDocumentFingerprintBytes, head.size()});
  std::uint64_t hash = 1469598103934665603ULL;
  for (std::uint64_t i = 0; i < covered; ++i) {
    hash ^= static_cast<unsigned char>(head[i]);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace hub::files
