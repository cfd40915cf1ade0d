#include "finance/ubl_folder_options.hpp"

#include <utility>

#include "hub/files/document_folder_options.hpp"

namespace hub::finance {

using sdk::OptionType;

bool IsSystemName(std::string_view name) {
  return !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string_view::npos;
}

std::vector<sdk::OptionSpec> UblFolderOptionSpecs() {
  std::vector<sdk::OptionSpec> specs = {
      {"ubl_path", OptionType::kPath, std::nullopt, false,
       "A folder of UBL 2.1 / PEPPOL BIS 3 invoices and credit notes (one document a file), each file matching "
       "`pattern` read in name order, files dropped later on later runs; with `connection` a run reads the tables, "
       "then the folder. Unset: no folder."}};
  const std::vector<sdk::OptionSpec> folder = files::DocumentFolderOptionSpecs(
      {"UBL file read (each is read whole)",
       "malformed XML, a UBL document other than an Invoice or CreditNote, no invoice number, no customer"});
  specs.insert(specs.end(), folder.begin(), folder.end());
  specs.push_back({"ubl_system", OptionType::kString, "finance_ubl", false,
                   "The source system of the folder's records: their ids (invoice numbers, the customers' "
                   "PartyIdentification) are not the ERP's row ids, so they are kept apart from the tables' records, "
                   "and a key-set sweep of the tables never deletes them."});
  return specs;
}

sdk::Result<std::optional<UblFolder>> ParseUblFolderOptions(const sdk::Options& options) {
  if (!options.Has("ubl_path")) return std::optional<UblFolder>();
  sdk::Result<files::DocumentFolderOptions> folder = files::ParseDocumentFolderOptions(options, "ubl_path");
  if (!folder.ok()) return folder.status();
  UblFolder parsed{std::move(folder).value()};
  parsed.system = options.GetString("ubl_system", parsed.system);
  if (!IsSystemName(parsed.system)) {
    return sdk::Status::InvalidArgument("option 'ubl_system': '" + parsed.system +
                                        "' is not a system name (lowercase letters, digits and _)");
  }
  return std::optional<UblFolder>(std::move(parsed));
}

}  // namespace hub::finance
