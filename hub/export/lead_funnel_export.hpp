// The lead funnel as `hub export funnel` writes it: the figures of GET /api/v1/funnel (service::ComputeFunnel,
// measured against the configuration's <leads><funnel> norms), one row per group and stage.
#ifndef HUB_EXPORT_LEAD_FUNNEL_EXPORT_HPP_
#define HUB_EXPORT_LEAD_FUNNEL_EXPORT_HPP_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "export/table_writer.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/funnel_norms.hpp"

namespace hub::exporting {

// The columns of WriteLeadFunnel, in order: group (all, owner or team), owner_employee_number, team_code, stage,
// count, expected_revenue, weighted_revenue, entered, moved_on, conversion and ideal_conversion (4 places),
// dwell_days and ideal_dwell_days (2 places), stalled. A figure the report has none of is null.
std::vector<std::string> LeadFunnelColumns();

// Computes the funnel of every lead on `connection` against `norms` as of `clock`'s now — the same computation as
// GET /api/v1/funnel — and writes everyone's stages, then each owner's, then each team's, in the report's order.
// Answers the rows written. Threads: as the connection. Errors: the driver's Status, or IoError from the stream.
sdk::Result<std::uint64_t> WriteLeadFunnel(odbc::Connection& connection, const leads::FunnelNorms& norms,
                                           const Clock& clock, ExportFormat format, std::ostream& out);

}  // namespace hub::exporting

#endif  // HUB_EXPORT_LEAD_FUNNEL_EXPORT_HPP_
