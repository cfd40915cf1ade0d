// The configured lead_sla jobs of one configuration: their runs, leases and scheduler entries.
#ifndef HUB_SERVICE_LEAD_SLA_JOBS_HPP_
#define HUB_SERVICE_LEAD_SLA_JOBS_HPP_

#include <memory>
#include <string>

#include "common/clock.hpp"
#include "service/hub_setup.hpp"
#include "service/lead_sla_run.hpp"
#include "service/leased_store_jobs.hpp"

namespace hub::service {

// Runs the lead_sla jobs of one HubSetup (RerouteMissedLeads by the setup's <leads>, as of `clock`), each holding
// its lease and logged with its counts (LeasedStoreJobs). `store` and `clock` must outlive this object and every
// run in flight. Thread-safe.
class LeadSlaJobs : public LeasedStoreJobs<LeadSlaCounts> {
 public:
  LeadSlaJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, const Clock& clock,
              std::string lease_owner);
};

}  // namespace hub::service

#endif  // HUB_SERVICE_LEAD_SLA_JOBS_HPP_
