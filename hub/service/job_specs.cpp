#include "service/job_specs.hpp"

namespace hub::service {

std::vector<JobSpec> ScheduledJobSpecs(const HubSetup& setup, config::JobKind kind, const RunConfiguredJob& run) {
  std::vector<JobSpec> specs;
  for (const config::JobConfig& job : setup.config.jobs) {
    if (job.kind != kind) continue;
    specs.push_back(JobSpec{job.name, setup.schedules.at(job.name),
                            [run, &job](const JobRun& scheduled) { return run(job, scheduled); }});
  }
  return specs;
}

}  // namespace hub::service
