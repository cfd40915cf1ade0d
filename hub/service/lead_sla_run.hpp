// One run of the leads' acceptance SLA: the assignments whose owner let <leads><routing sla_hours> pass found,
// each lead routed to the next candidate and the owner's manager told.
#ifndef HUB_SERVICE_LEAD_SLA_RUN_HPP_
#define HUB_SERVICE_LEAD_SLA_RUN_HPP_

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/clock.hpp"
#include "hub/sdk/status.hpp"
#include "leads/lead_rules.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// The missed assignments one run handles at most; the rest wait for the next run.
inline constexpr std::size_t kMaxSlaMissesPerRun = 500;

// What a run found and did.
struct LeadSlaCounts {
  std::int64_t missed = 0;              // assignments found past their SLA
  std::int64_t rerouted = 0;            // leads given to the next candidate
  std::int64_t kept = 0;                // leads nobody else could take (they stay with their owner)
  std::int64_t accepted_meanwhile = 0;  // accepted (or handled by another run) since they were found
};

// "missed=… rerouted=… kept=… accepted_meanwhile=…", for the log. Pure.
std::string DescribeLeadSlaCounts(const LeadSlaCounts& counts);

// Finds the assignments whose SLA passed as of `clock` (store_model::ReadMissedAssignments, cutoff now minus
// rules.routing.sla_hours, at most kMaxSlaMissesPerRun) and handles each (store_model::RerouteMissedLead) in one
// transaction holding the outbox writers' turn, so that a failed run changes nothing. sla_hours 0: nothing.
// Threads: any (a connection leased from `store`). Errors: the driver's Status.
sdk::Result<LeadSlaCounts> RerouteMissedLeads(odbc::Database& store, const leads::LeadRules& rules, const Clock& clock);

}  // namespace hub::service

#endif  // HUB_SERVICE_LEAD_SLA_RUN_HPP_
