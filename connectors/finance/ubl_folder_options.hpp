// The finance connector's options for its folder of UBL invoices and credit notes: `ubl_path` with the
// watched folder's options as the supply_chain connector has them (files::DocumentFolderOptionSpecs), and
// `ubl_system`.
#ifndef HUB_CONNECTORS_FINANCE_UBL_FOLDER_OPTIONS_HPP_
#define HUB_CONNECTORS_FINANCE_UBL_FOLDER_OPTIONS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/files/document_source.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// The folder and the source system its records belong to. A plain value.
struct UblFolder {
  files::DocumentFolderOptions folder;
  std::string system = "finance_ubl";
};

// True for a hub source system name: lowercase letters, digits and _, at least one.
bool IsSystemName(std::string_view name);

// ubl_path, pattern, max_file_bytes, archive_dir, error_dir, settle_time, final, ubl_system. Pure.
std::vector<sdk::OptionSpec> UblFolderOptionSpecs();

// The folder when `ubl_path` is given, else nullopt. InvalidArgument naming the option for a bad value
// (files::ParseDocumentFolderOptions), or a ubl_system that is not a system name (a-z, 0-9, _).
sdk::Result<std::optional<UblFolder>> ParseUblFolderOptions(const sdk::Options& options);

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_UBL_FOLDER_OPTIONS_HPP_
