// What `hub export KIND` can write, and writing it from the store.
#ifndef HUB_EXPORT_EXPORT_KINDS_HPP_
#define HUB_EXPORT_EXPORT_KINDS_HPP_

#include <span>
#include <string_view>

#include "export/table_writer.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/sdk/status.hpp"

namespace hub::exporting {

// Writes what an executed query answers as an export; answers the rows written.
using ExportWriter = sdk::Result<std::uint64_t> (*)(odbc::Statement& executed, ExportFormat format, std::ostream& out);

// One kind of export: its name on the command line, the query (portable across the shipped dialects) it
// reads, and how the answer becomes rows: as it is (`write` null) or folded (`write`). A constant.
struct ExportKind {
  std::string_view name;
  std::string_view description;
  std::string_view sql;
  ExportWriter write = nullptr;
};

// Every kind, in documentation order: customers (the golden records with their main identifiers and
// channels), matches (the pairs the matcher linked), leads, funnel (per sales stage, from the opportunities' stage
// history) and quarantine (the open entries).
std::span<const ExportKind> ExportKinds();

// The kinds' names, comma-separated in documentation order: "customers, leads, ...".
std::string ExportKindNames();

// The kind named `name`, or InvalidArgument listing the known ones.
sdk::Result<const ExportKind*> FindExportKind(std::string_view name);

// Runs the kind's query on `connection` and streams every row to a TableWriter of `format` on `out`.
// Answers the number of rows written. Errors: the driver's, or the stream's (IoError).
sdk::Result<std::uint64_t> WriteExport(odbc::Connection& connection, const ExportKind& kind, ExportFormat format,
                                       std::ostream& out);

}  // namespace hub::exporting

#endif  // HUB_EXPORT_EXPORT_KINDS_HPP_
