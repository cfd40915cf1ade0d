// A drop folder that receives each outbound document once per key: the file written atomically, then an entry
// in the folder's ledger of what was sent.
#ifndef HUB_FILES_DROP_LEDGER_HPP_
#define HUB_FILES_DROP_LEDGER_HPP_

#include <filesystem>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::files {

// The folder a connector drops outbound files into, with its ledger `<folder>/.hub_sent/<key>` (one small file
// a key, LedgerEntryName(key), saying which file was sent). A caller asks Has(key) first and, when not, writes
// with Drop: the document, then the key's entry, each with WriteFileAtomically. So a key already sent is never
// written again, and a crash between the two leaves the document without its entry: the next attempt writes it
// again — under the same name, when the name holds what makes the attempt (the event id) — and then the entry,
// so there is still one file. The ledger lives with the folder: every writer into it must share it.
// Not thread-safe: one writer at a time per key.
class DropLedger {
 public:
  explicit DropLedger(std::filesystem::path folder);

  const std::filesystem::path& folder() const { return folder_; }

  // True when `key` has an entry (was sent).
  bool Has(std::string_view key) const;

  // Writes `content` as `name` into the folder, then the entry of `key` ("file: <name>\n" and `note`).
  // Unavailable when the folder does not exist; IoError when the ledger folder cannot be made or a write fails.
  sdk::Status Drop(std::string_view key, const std::string& name, std::string_view content, std::string_view note);

  // OK when the folder exists and is writable; Unavailable naming `option` (the connector's option for it)
  // and the system's reason otherwise.
  sdk::Status CheckWritable(std::string_view option) const;

 private:
  std::filesystem::path folder_;
};

// The ledger's file name for a key: letters, digits, '-', '_' and (not first) '.' kept, other bytes %XX.
std::string LedgerEntryName(std::string_view key);

// `text` as a part of a file name: letters, digits, '-' and '_' kept, every other byte '_'.
std::string FileNamePart(std::string_view text);

}  // namespace hub::files

#endif  // HUB_FILES_DROP_LEDGER_HPP_
