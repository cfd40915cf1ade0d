#include "hub/files/drop_ledger.hpp"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include "hub/files/atomic_file.hpp"

namespace hub::files {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLedgerFolder = ".hub_sent";

bool IsNameCharacter(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_'; }

}  // namespace

DropLedger::DropLedger(fs::path folder) : folder_(std::move(folder)) {}

bool DropLedger::Has(std::string_view key) const {
  std::error_code error;
  return fs::exists(folder_ / kLedgerFolder / LedgerEntryName(key), error);
}

sdk::Status DropLedger::Drop(std::string_view key, const std::string& name, std::string_view content,
                             std::string_view note) {
  const fs::path ledger_dir = folder_ / kLedgerFolder;
  std::error_code error;
  if (!fs::is_directory(folder_, error)) {
    return sdk::Status::Unavailable("the drop folder " + folder_.string() + " does not exist");
  }
  fs::create_directories(ledger_dir, error);
  if (error) return sdk::Status::IoError("cannot create " + ledger_dir.string() + ": " + error.message());
  HUB_RETURN_IF_ERROR(WriteFileAtomically(folder_, name, content));
  return WriteFileAtomically(ledger_dir, LedgerEntryName(key), "file: " + name + "\n" + std::string(note));
}

sdk::Status DropLedger::CheckWritable(std::string_view option) const {
  if (::access(folder_.c_str(), W_OK) != 0) {
    return sdk::Status::Unavailable(std::string(option) + " " + folder_.string() +
                                    " is not a writable folder: " + std::strerror(errno));
  }
  return sdk::Status::Ok();
}

std::string LedgerEntryName(std::string_view key) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name;
  for (char c : key) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsNameCharacter(c) || (c == '.' && !name.empty())) {
      name += c;
    } else {
      name += '%';
      name += kHex[byte >> 4];
      name += kHex[byte & 0x0F];
    }
  }
  return name;
}

std::string FileNamePart(std::string_view text) {
  std::string part;
  for (char c : text) part += IsNameCharacter(c) ? c : '_';
  return part;
}

}  // namespace hub::files
