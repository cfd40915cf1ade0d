// The scheduler's view of one kind of job: a spec per configured job of that kind, on its schedule.
#ifndef HUB_SERVICE_JOB_SPECS_HPP_
#define HUB_SERVICE_JOB_SPECS_HPP_

#include <functional>
#include <vector>

#include "config/hub_config.hpp"
#include "runtime/scheduler.hpp"
#include "service/hub_setup.hpp"

namespace hub::service {

// Runs one job of a kind: the job's configuration and the scheduler's run.
using RunConfiguredJob = std::function<JobOutcome(const config::JobConfig& job, const JobRun& run)>;

// One spec per job of `kind` in `setup`, in configuration order, on the job's schedule, each running `run`.
// The specs refer to `setup`'s job configurations: `run` must keep `setup` alive (the jobs classes capture
// themselves, which hold it).
std::vector<JobSpec> ScheduledJobSpecs(const HubSetup& setup, config::JobKind kind, const RunConfiguredJob& run);

}  // namespace hub::service

#endif  // HUB_SERVICE_JOB_SPECS_HPP_
