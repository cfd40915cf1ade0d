// Reading the leads' funnel facts from the store: what the funnel report and the funnel's alerts are computed
// from.
#ifndef HUB_SERVICE_FUNNEL_LEADS_HPP_
#define HUB_SERVICE_FUNNEL_LEADS_HPP_

#include <cstdint>
#include <optional>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/funnel_alerts.hpp"
#include "service/exact_decimal.hpp"

namespace hub::service {

// One lead as the funnel sees it: its facts, its estimated amount and its team.
struct FunnelLeadRow {
  leads::FunnelLead lead;
  ExactDecimal amount;
  std::optional<std::int64_t> team_id;
};

// Every lead in a funnel stage (stage, stage_entered_at, received, grade, industry, owner and its employee number,
// found_by, estimated amount, team), its stage history by time, and its latest activity on the lead or on its
// party; by lead id. Reads only. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<FunnelLeadRow>> ReadFunnelLeads(odbc::Connection& connection);

// The facts alone of `rows`, in their order. Pure function.
std::vector<leads::FunnelLead> FactsOf(const std::vector<FunnelLeadRow>& rows);

}  // namespace hub::service

#endif  // HUB_SERVICE_FUNNEL_LEADS_HPP_
