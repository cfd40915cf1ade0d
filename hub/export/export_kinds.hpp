// What `hub export KIND` can write, and writing it from the store.
#ifndef HUB_EXPORT_EXPORT_KINDS_HPP_
#define HUB_EXPORT_EXPORT_KINDS_HPP_

#include <memory>
#include <span>
#include <string_view>

#include "common/clock.hpp"
#include "export/table_writer.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/sdk/status.hpp"
#include "leads/funnel_norms.hpp"

namespace hub::exporting {

// What an export is measured by besides the store: the configuration's <leads><funnel> norms and the clock
// whose now the funnel is computed at. The defaults are a hub without a <funnel> element, on the system clock.
struct ExportSettings {
  leads::FunnelNorms funnel_norms;
  std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
};

// Writes what an executed query answers as an export; answers the rows written.
using ExportWriter = sdk::Result<std::uint64_t> (*)(odbc::Statement& executed, ExportFormat format, std::ostream& out);

// Computes an export from the store itself (a report rather than a query) and writes it; answers the rows written.
using ExportReport = sdk::Result<std::uint64_t> (*)(odbc::Connection& connection, const ExportSettings& settings,
                                                    ExportFormat format, std::ostream& out);

// One kind of export: its name on the command line, and either the query (portable across the shipped dialects)
// it reads with how the answer becomes rows — as it is (`write` null) or folded (`write`) — or the report that
// computes it (`report`, `sql` empty). A constant.
struct ExportKind {
  std::string_view name;
  std::string_view description;
  std::string_view sql;
  ExportWriter write = nullptr;
  ExportReport report = nullptr;
};

// Every kind, in documentation order: customers (the golden records with their main identifiers and
// channels), matches (the pairs the matcher linked), leads, funnel (the lead funnel of GET /api/v1/funnel against
// the configured norms), opportunity_funnel (per sales stage, from the opportunities' stage history) and
// quarantine (the open entries).
std::span<const ExportKind> ExportKinds();

// The kinds' names, comma-separated in documentation order: "customers, leads, ...".
std::string ExportKindNames();

// The kind named `name`, or InvalidArgument listing the known ones.
sdk::Result<const ExportKind*> FindExportKind(std::string_view name);

// Runs the kind's query (or report, measured by `settings`) on `connection` and streams every row to a
// TableWriter of `format` on `out`. Answers the number of rows written. Errors: the driver's, or the stream's
// (IoError).
sdk::Result<std::uint64_t> WriteExport(odbc::Connection& connection, const ExportKind& kind, ExportFormat format,
                                       std::ostream& out, const ExportSettings& settings = {});

}  // namespace hub::exporting

#endif  // HUB_EXPORT_EXPORT_KINDS_HPP_
