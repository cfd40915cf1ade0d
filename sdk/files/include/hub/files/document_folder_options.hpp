// The options of a watched folder of documents, declared and parsed alike by every connector that reads one
// (supply_chain's `path`, finance's `ubl_path`): pattern, max_file_bytes, archive_dir, error_dir,
// settle_time, final.
#ifndef HUB_FILES_DOCUMENT_FOLDER_OPTIONS_HPP_
#define HUB_FILES_DOCUMENT_FOLDER_OPTIONS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "hub/files/document_source.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// What the descriptions say of the connector's own formats. A plain value.
struct DocumentFolderTexts {
  // Completes "The largest …" of max_file_bytes: "EDIFACT or UBL file read (they are read whole)".
  std::string whole_files;
  // Completes "a file that cannot be read as a whole (…)" of error_dir: "malformed XML, not a UBL Invoice".
  std::string bad_files;
};

// The folder's options after the connector's path option, in this order: pattern, max_file_bytes, archive_dir,
// error_dir, settle_time, final. Pure.
std::vector<sdk::OptionSpec> DocumentFolderOptionSpecs(const DocumentFolderTexts& texts);

// The folder named by option `path_option` with the options DocumentFolderOptionSpecs declares.
// InvalidArgument naming the option for a max_file_bytes that is not positive, a bad boolean or duration.
sdk::Result<DocumentFolderOptions> ParseDocumentFolderOptions(const sdk::Options& options,
                                                              std::string_view path_option);

}  // namespace hub::files

#endif  // HUB_FILES_DOCUMENT_FOLDER_OPTIONS_HPP_
