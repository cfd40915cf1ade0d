// <jobs>: what to sync, from which connector, and when.
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::int64_t kMaxBatchSize = 100'000;

std::optional<JobConfig> ReadJob(LoadContext& context, pugi::xml_node element) {
  CheckShape(context, element,
             {.attributes = {"name", "connector", "cron", "every", "batch_size"}, .children = {"mapping"}});
  JobConfig job;
  job.location = context.At(element);
  auto name = ReadIdentifier(context, element, "name");
  auto connector = ReadIdentifier(context, element, "connector");
  auto cron = ReadAttribute(context, element, "cron", Presence::kOptional);
  if (cron && cron->text.empty()) context.Error(cron->location, "<job> attribute 'cron': the expression is empty");
  job.every = ReadDuration(context, element, "every");
  if (element.attribute("cron") && element.attribute("every")) {
    context.Error(job.location,
                  "<job> has both 'cron' and 'every'; give one of them, or neither to run the job "
                  "only on demand");
  }
  if (auto batch = ReadInteger(context, element, "batch_size", 1, kMaxBatchSize)) {
    job.batch_size = static_cast<std::size_t>(*batch);
  }
  if (pugi::xml_node mapping = SingleChild(context, element, "mapping")) {
    if (auto read = ReadMapping(context, mapping)) job.mapping = std::move(*read);
  } else {
    // Without a mapping the records would be read, counted and checkpointed, and stored nowhere.
    context.Error(job.location, "<job" + (name ? " name=\"" + *name + "\"" : std::string()) +
                                    "> has no <mapping>: say which model entity its records fill, e.g. "
                                    "<mapping entity=\"party\" id=\"id\"> with a <field> per model field "
                                    "(docs/CONFIGURATION.md#mapping)");
  }
  if (!name || !connector) return std::nullopt;
  job.name = std::move(*name);
  job.connector = std::move(*connector);
  if (cron) job.cron = std::move(cron->text);
  return job;
}

}  // namespace

void ParseJobs(LoadContext& context, pugi::xml_node jobs, std::vector<JobConfig>* out) {
  CheckShape(context, jobs, {.children = {"job"}});
  UniqueNames names("job name");
  for (pugi::xml_node element : jobs.children("job")) {
    auto job = ReadJob(context, element);
    if (job && names.Add(context, job->name, job->location)) out->push_back(std::move(*job));
  }
}

}  // namespace hub::config
