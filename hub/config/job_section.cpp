// <jobs>: what to sync, deliver, greet, match or alert on, through which connector, and when.
#include <span>
#include <sstream>
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::int64_t kMaxBatchSize = 100'000;
constexpr std::size_t kDeliveryBatchSize = 500;
constexpr std::size_t kCareBatchSize = 500;

// What only a delivery job may hold.
constexpr std::string_view kDeliveryAttributes[] = {"start", "lanes"};
constexpr std::string_view kDeliveryChildren[] = {"subscribe", "filter", "retry"};
// What only a customer-care job may hold.
constexpr std::string_view kCareAttributes[] = {"timezone", "days_ahead"};
constexpr std::string_view kCareChildren[] = {"birthday", "holiday"};
// What only a match job may hold.
constexpr std::string_view kMatchAttributes[] = {"on_arrival"};
constexpr std::string_view kMatchChildren[] = {"source_priority"};

// `<job name="x">` or `<job name="x" kind="delivery">` (any kind but sync named), for messages.
std::string JobTag(const std::optional<std::string>& name, JobKind kind) {
  std::string tag = "<job";
  if (name) tag += " name=\"" + *name + "\"";
  if (kind != JobKind::kSync) tag += " kind=\"" + std::string(JobKindName(kind)) + "\"";
  return tag + ">";
}

// Reports each of `attributes` and `children` on `element`: they belong to a job of kind `owner`.
void RefuseParts(LoadContext& context, pugi::xml_node element, const std::string& tag, JobKind owner,
                 std::span<const std::string_view> attributes, std::span<const std::string_view> children) {
  const std::string belongs =
      " belongs to a " + std::string(JobKindName(owner)) + " job (kind=\"" + std::string(JobKindName(owner)) + "\")";
  for (std::string_view attribute : attributes) {
    if (pugi::xml_attribute found = element.attribute(std::string(attribute).c_str())) {
      context.Error(context.At(found), tag + " attribute '" + std::string(attribute) + "'" + belongs);
    }
  }
  for (std::string_view child : children) {
    for (pugi::xml_node found : element.children(std::string(child).c_str())) {
      context.Error(context.At(found), "<" + std::string(child) + "> in " + tag + belongs);
    }
  }
}

// A sync job: its <mapping>, and none of a delivery, customer-care or match job's parts.
void ReadSyncParts(LoadContext& context, pugi::xml_node element, const std::optional<std::string>& name,
                   JobConfig* job) {
  RefuseParts(context, element, JobTag(name, job->kind), JobKind::kDelivery, kDeliveryAttributes, kDeliveryChildren);
  RefuseParts(context, element, JobTag(name, job->kind), JobKind::kCustomerCare, kCareAttributes, kCareChildren);
  RefuseParts(context, element, JobTag(name, job->kind), JobKind::kMatch, kMatchAttributes, kMatchChildren);
  // At most one mapping per entity, and one use of a set whole: the set's own entities are checked once the
  // plugins are loaded (ResolveMappingUses).
  UniqueNames entities("<mapping> for entity");
  UniqueNames whole_sets("<mapping use=...> of set");
  bool any = false;
  for (pugi::xml_node mapping : element.children("mapping")) {
    any = true;
    auto read = ReadMapping(context, mapping);
    if (!read) continue;
    bool unique = read->entity.empty() ? whole_sets.Add(context, read->use, read->location)
                                       : entities.Add(context, read->entity, read->location);
    if (unique) job->mappings.push_back(std::move(*read));
  }
  if (!any) {
    // Without a mapping the records would be read, counted and checkpointed, and stored nowhere.
    context.Error(job->location, JobTag(name, job->kind) +
                                     " has no <mapping>: say which model entity its records fill, e.g. "
                                     "<mapping entity=\"party\" id=\"id\"> with a <field> per model field, or take "
                                     "a mapping its connector ships with <mapping use=\"NAME\"/> "
                                     "(docs/CONFIGURATION.md#mapping)");
  }
}

// A delivery job: its subscription, and no <mapping> nor a customer-care or match job's parts.
void ReadDeliveryParts(LoadContext& context, pugi::xml_node element, const std::optional<std::string>& name,
                       JobConfig* job) {
  for (pugi::xml_node mapping : element.children("mapping")) {
    context.Error(context.At(mapping), JobTag(name, job->kind) +
                                           " has a <mapping>, but a delivery job reads no records: it hands the "
                                           "store's events to its connector (docs/CONFIGURATION.md#subscriptions)");
  }
  RefuseParts(context, element, JobTag(name, job->kind), JobKind::kCustomerCare, kCareAttributes, kCareChildren);
  RefuseParts(context, element, JobTag(name, job->kind), JobKind::kMatch, kMatchAttributes, kMatchChildren);
  ReadSubscription(context, element, &job->subscription);
}

// A customer-care job: its occasions, and neither a mapping, a subscription nor a source priority.
void ReadCareParts(LoadContext& context, pugi::xml_node element, const std::optional<std::string>& name,
                   JobConfig* job) {
  const std::string tag = JobTag(name, job->kind);
  constexpr std::string_view kMapping[] = {"mapping"};
  RefuseParts(context, element, tag, JobKind::kSync, {}, kMapping);
  RefuseParts(context, element, tag, JobKind::kDelivery, kDeliveryAttributes, kDeliveryChildren);
  RefuseParts(context, element, tag, JobKind::kMatch, kMatchAttributes, kMatchChildren);
  ReadCare(context, element, &job->care);
}

// A match job: no connector, no mapping, no subscription, no occasions; its <source_priority>, the source
// systems in order, and on_arrival.
void ReadMatchParts(LoadContext& context, pugi::xml_node element, const std::optional<std::string>& name,
                    JobConfig* job) {
  for (std::string_view attribute : {"connector", "batch_size", "start", "lanes"}) {
    if (pugi::xml_attribute found = element.attribute(std::string(attribute).c_str())) {
      context.Error(context.At(found), JobTag(name, job->kind) + " attribute '" + std::string(attribute) +
                                           "': a match job runs over the store, through no connector");
    }
  }
  for (std::string_view child : {"mapping", "subscribe", "filter", "retry"}) {
    for (pugi::xml_node found : element.children(std::string(child).c_str())) {
      context.Error(context.At(found), "<" + std::string(child) + "> in " + JobTag(name, job->kind) +
                                           ": a match job reads the store's parties; it holds only <source_priority>");
    }
  }
  RefuseParts(context, element, JobTag(name, job->kind), JobKind::kCustomerCare, kCareAttributes, kCareChildren);
  if (auto on_arrival = ReadBoolean(context, element, "on_arrival")) job->on_arrival = *on_arrival;
  pugi::xml_node priority = SingleChild(context, element, "source_priority");
  if (!priority) return;
  CheckShape(context, priority, {.text = true});
  auto text = ReadText(context, priority);
  if (!text) return;
  UniqueNames systems("<source_priority> source system");
  std::istringstream words(text->text);
  for (std::string system; words >> system;) {
    if (systems.Add(context, system, text->location)) job->source_priority.push_back(system);
  }
}

// A job over the store whose rules are elsewhere (funnel_alerts: <leads><funnel>; lead_sla: <leads><routing>): its
// name and schedule alone; `does` says what it does, for messages.
void ReadScheduleOnlyParts(LoadContext& context, pugi::xml_node element, const std::optional<std::string>& name,
                           JobConfig* job, std::string_view does) {
  const std::string why = ": a " + std::string(JobKindName(job->kind)) + " job " + std::string(does) +
                          "; it takes only a name and a schedule";
  for (std::string_view attribute :
       {"connector", "batch_size", "start", "lanes", "timezone", "days_ahead", "on_arrival"}) {
    if (pugi::xml_attribute found = element.attribute(std::string(attribute).c_str())) {
      context.Error(context.At(found), JobTag(name, job->kind) + " attribute '" + std::string(attribute) + "'" + why);
    }
  }
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_element) {
      context.Error(context.At(child), "<" + std::string(child.name()) + "> in " + JobTag(name, job->kind) + why);
    }
  }
}

std::optional<JobConfig> ReadJob(LoadContext& context, pugi::xml_node element) {
  CheckShape(context, element,
             {.attributes = {"name", "kind", "connector", "cron", "every", "batch_size", "start", "lanes", "timezone",
                             "days_ahead", "on_arrival"},
              .children = {"mapping", "subscribe", "filter", "retry", "birthday", "holiday", "source_priority"}});
  JobConfig job;
  job.location = context.At(element);
  auto name = ReadIdentifier(context, element, "name");
  if (auto kind = ReadChoice(context, element, "kind",
                             {"sync", "delivery", "customer_care", "match", "funnel_alerts", "lead_sla"})) {
    if (*kind == "delivery") job.kind = JobKind::kDelivery;
    if (*kind == "customer_care") job.kind = JobKind::kCustomerCare;
    if (*kind == "match") job.kind = JobKind::kMatch;
    if (*kind == "funnel_alerts") job.kind = JobKind::kFunnelAlerts;
    if (*kind == "lead_sla") job.kind = JobKind::kLeadSla;
  }
  // A customer-care job reads and writes only the store; the delivery jobs subscribed to its events send them.
  // A match job refuses a connector among its parts (ReadMatchParts).
  const bool has_connector = job.kind == JobKind::kSync || job.kind == JobKind::kDelivery;
  std::optional<std::string> connector;
  if (has_connector) {
    connector = ReadIdentifier(context, element, "connector");
  } else if (pugi::xml_attribute found = element.attribute("connector"); found && job.kind == JobKind::kCustomerCare) {
    context.Error(context.At(found), JobTag(name, job.kind) +
                                         " has a connector, but a customer-care job only appends greeting events to "
                                         "the store: a delivery job subscribed to them sends them");
  }
  auto cron = ReadAttribute(context, element, "cron", Presence::kOptional);
  if (cron && cron->text.empty()) context.Error(cron->location, "<job> attribute 'cron': the expression is empty");
  job.every = ReadDuration(context, element, "every");
  if (element.attribute("cron") && element.attribute("every")) {
    context.Error(job.location,
                  "<job> has both 'cron' and 'every'; give one of them, or neither to run the job "
                  "only on demand");
  }
  if (job.kind == JobKind::kDelivery) job.batch_size = kDeliveryBatchSize;
  if (job.kind == JobKind::kCustomerCare) job.batch_size = kCareBatchSize;
  if (job.kind != JobKind::kMatch && job.kind != JobKind::kFunnelAlerts && job.kind != JobKind::kLeadSla) {
    if (auto batch = ReadInteger(context, element, "batch_size", 1, kMaxBatchSize)) {
      job.batch_size = static_cast<std::size_t>(*batch);
    }
  }
  switch (job.kind) {
    case JobKind::kSync:
      ReadSyncParts(context, element, name, &job);
      break;
    case JobKind::kDelivery:
      ReadDeliveryParts(context, element, name, &job);
      break;
    case JobKind::kCustomerCare:
      ReadCareParts(context, element, name, &job);
      break;
    case JobKind::kMatch:
      ReadMatchParts(context, element, name, &job);
      break;
    case JobKind::kFunnelAlerts:
      ReadScheduleOnlyParts(context, element, name, &job, "measures the store's funnel against <leads><funnel>");
      break;
    case JobKind::kLeadSla:
      ReadScheduleOnlyParts(context, element, name, &job, "routes leads again by <leads><routing>");
      break;
  }
  if (!name || (has_connector && !connector)) return std::nullopt;
  job.name = std::move(*name);
  if (connector) job.connector = std::move(*connector);
  if (cron) job.cron = std::move(cron->text);
  return job;
}

}  // namespace

std::string_view JobKindName(JobKind kind) {
  switch (kind) {
    case JobKind::kDelivery:
      return "delivery";
    case JobKind::kCustomerCare:
      return "customer_care";
    case JobKind::kMatch:
      return "match";
    case JobKind::kFunnelAlerts:
      return "funnel_alerts";
    case JobKind::kLeadSla:
      return "lead_sla";
    case JobKind::kSync:
      break;
  }
  return "sync";
}

void ParseJobs(LoadContext& context, pugi::xml_node jobs, std::vector<JobConfig>* out) {
  CheckShape(context, jobs, {.children = {"job"}});
  UniqueNames names("job name");
  for (pugi::xml_node element : jobs.children("job")) {
    auto job = ReadJob(context, element);
    if (job && names.Add(context, job->name, job->location)) out->push_back(std::move(*job));
  }
}

}  // namespace hub::config
