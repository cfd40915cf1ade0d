#include "service/lead_sla_jobs.hpp"

#include <utility>

namespace hub::service {

LeadSlaJobs::LeadSlaJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, const Clock& clock,
                         std::string lease_owner)
    : LeasedStoreJobs(
          setup, store, clock, std::move(lease_owner), config::JobKind::kLeadSla,
          [setup, &store, &clock](const config::JobConfig&) {
            return RerouteMissedLeads(store, setup->config.leads, clock);
          },
          DescribeLeadSlaCounts) {}

}  // namespace hub::service
