#include "hub/files/document_folder_options.hpp"

#include <chrono>
#include <optional>

namespace hub::files {

using sdk::OptionType;

std::vector<sdk::OptionSpec> DocumentFolderOptionSpecs(const DocumentFolderTexts& texts) {
  return {
      {"pattern", OptionType::kString, "*", false,
       "Glob (`*`, `?`, `[...]`) for the names of the files to read. Names starting with a dot are ignored: "
       "write a file under such a name, then rename it."},
      {"max_file_bytes", OptionType::kInteger, "67108864", false,
       "The largest " + texts.whole_files + ". A larger one goes to `error_dir`."},
      {"archive_dir", OptionType::kPath, std::nullopt, false,
       "Where a file moves once the hub has stored all of its records. Unset: files stay, and only names "
       "sorting after the last file read are picked up."},
      {"error_dir", OptionType::kPath, std::nullopt, false,
       "Where a file that cannot be read as a whole (" + texts.bad_files +
           ") moves, with `<name>.error.txt` saying why. Unset: such a file fails the read."},
      {"settle_time", OptionType::kDuration, "1m", false,
       "A file written in place is read once its content has not changed for this long; a file moved into the "
       "folder (write elsewhere, then rename) is read at once."},
      {"final", OptionType::kBoolean, "false", false,
       "Every file is written whole before it appears (e.g. by rename): read it without waiting."},
  };
}

sdk::Result<DocumentFolderOptions> ParseDocumentFolderOptions(const sdk::Options& options,
                                                              std::string_view path_option) {
  DocumentFolderOptions folder;
  folder.folder = options.GetString(path_option);
  folder.pattern = options.GetString("pattern", "*");
  sdk::Result<std::int64_t> max_bytes = options.GetInteger("max_file_bytes", std::int64_t{64} << 20);
  if (!max_bytes.ok()) return max_bytes.status();
  if (*max_bytes <= 0) return sdk::Status::InvalidArgument("option 'max_file_bytes' must be positive");
  folder.max_file_bytes = static_cast<std::uint64_t>(*max_bytes);
  folder.archive_dir = options.GetString("archive_dir");
  folder.error_dir = options.GetString("error_dir");
  sdk::Result<bool> declared_final = options.GetBool("final", false);
  if (!declared_final.ok()) return declared_final.status();
  sdk::Result<std::chrono::milliseconds> settle = options.GetDuration("settle_time", std::chrono::minutes(1));
  if (!settle.ok()) return settle.status().WithContext("option 'settle_time'");
  folder.completeness = CompletenessRule{*declared_final, *settle};
  return folder;
}

}  // namespace hub::files
