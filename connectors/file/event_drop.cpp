#include "file/event_drop.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <utility>

#include "file/event_line.hpp"
#include "hub/files/atomic_file.hpp"

namespace hub::file {
namespace {

// Leaves the file name well under the 255 bytes file systems allow, whatever the prefix.
constexpr std::size_t kMaxIdLength = 120;

bool Safe(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// FNV-1a: stable across runs and builds, so that a long id gives the same name on every attempt.
std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

}  // namespace

std::string DropFileName(std::string_view prefix, std::string_view first_event_id, std::size_t count) {
  std::string id;
  for (unsigned char c : first_event_id) {
    if (Safe(c)) {
      id.push_back(static_cast<char>(c));
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      id.append(escaped);
    }
  }
  if (id.size() > kMaxIdLength) {
    char hash[20];
    std::snprintf(hash, sizeof hash, "~%016llx", static_cast<unsigned long long>(Fnv1a(first_event_id)));
    id.resize(kMaxIdLength - 17);
    id.append(hash);
  }
  return std::string(prefix) + "-" + id + "-" + std::to_string(count) + ".jsonl";
}

EventDrop::EventDrop(std::filesystem::path folder, std::string prefix)
    : folder_(std::move(folder)), prefix_(std::move(prefix)) {}

sdk::Result<std::size_t> EventDrop::Write(const std::vector<sdk::OutboundEvent>& events) const {
  std::string content;
  std::size_t count = 0;
  for (const sdk::OutboundEvent& event : events) {
    sdk::Result<std::string> line = EventLine(event);
    // The events before a refused one are delivered; the refused one opens the next call, which names it.
    if (!line.ok()) {
      if (count == 0) return line.status();
      break;
    }
    content += *line;
    ++count;
  }
  if (count == 0) return std::size_t{0};
  HUB_RETURN_IF_ERROR(
      files::WriteFileAtomically(folder_, DropFileName(prefix_, events.front().event_id, count), content));
  return count;
}

sdk::Status EventDrop::CheckHealth() const {
  std::error_code error;
  if (!std::filesystem::is_directory(folder_, error)) {
    return sdk::Status::Unavailable(folder_.string() + " is not a folder (option 'events_dir')");
  }
  if (::access(folder_.c_str(), W_OK | X_OK) != 0) {
    return sdk::Status::Unavailable("cannot write into " + folder_.string() +
                                    " (option 'events_dir'): " + std::strerror(errno));
  }
  return sdk::Status::Ok();
}

}  // namespace hub::file
