#include "service/ops_routes.hpp"

#include <memory>
#include <mutex>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "hub/sdk/version.hpp"
#include "plugin_host/plugin_record.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;

boost::json::value OptionalTime(const std::optional<TimePoint>& when) {
  if (!when) return nullptr;
  return boost::json::string(FormatIsoUtc(*when));
}

boost::json::object JobToJson(const JobState& state, const HubSetup& setup) {
  boost::json::object job;
  job["name"] = state.name;
  for (const config::JobConfig& configured : setup.config.jobs) {
    if (configured.name != state.name) continue;
    job["kind"] = config::JobKindName(configured.kind);
    job["connector"] = configured.connector;
  }
  job["schedule"] = state.schedule;
  job["running"] = state.running;
  job["last_start"] = OptionalTime(state.last_start);
  job["last_end"] = OptionalTime(state.last_end);
  job["next_run"] = OptionalTime(state.next_run);
  job["last_status"] = state.runs == 0 ? boost::json::value(nullptr) : boost::json::value(state.last_status.ToString());
  job["last_duration_ms"] = state.last_duration.count();
  job["runs"] = state.runs;
  job["failures"] = state.failures;
  job["skipped_overlaps"] = state.skipped_overlaps;
  job["skipped_runs"] = state.skipped_runs;
  return job;
}

// Logs the store's failures when they change (not on every poll of a load balancer), and its recovery.
class StoreHealthLog {
 public:
  explicit StoreHealthLog(Logger logger) : logger_(std::move(logger)) {}

  void Record(const sdk::Status& store) {
    std::lock_guard lock(mutex_);
    if (store.ToString() == last_.ToString()) return;
    if (store.ok()) {
      logger_->info("/health: the store answers again");
    } else {
      logger_->warn("/health: the store does not answer: {}", store.ToString());
    }
    last_ = store;
  }

 private:
  const Logger logger_;
  std::mutex mutex_;
  sdk::Status last_;  // guarded by mutex_
};

HttpResponse Health(const OpsContext& context, StoreHealthLog& log, const HttpRequest& request) {
  auto setup = context.current_setup();
  sdk::Status store = context.check_store();
  log.Record(store);
  boost::json::object body;
  body["status"] = store.ok() ? "ok" : "unavailable";
  body["store"] = store.ok() ? "ok" : "unavailable";
  if (!store.ok()) {
    // An open route: anyone may learn that the store is the trouble, only an operator what the driver said.
    body["reason"] = "store";
    if (request.HasRole(config::Role::kRead)) body["detail"] = store.message();
  }
  body["instance"] = setup->config.instance_name;
  body["version"] = HUB_SDK_VERSION;
  body["uptime_seconds"] =
      std::chrono::duration_cast<std::chrono::seconds>(context.clock.Now() - context.started).count();
  return HttpResponse::Json(store.ok() ? 200 : 503, body);
}

HttpResponse Plugins(const OpsContext& context) {
  boost::json::array plugins;
  for (const plugin_host::PluginRecord& record : context.current_setup()->plugins->Records()) {
    plugins.push_back(plugin_host::PluginRecordToJson(record));
  }
  return HttpResponse::Json(200, boost::json::object{{"plugins", std::move(plugins)}});
}

HttpResponse Jobs(const OpsContext& context) {
  auto setup = context.current_setup();
  boost::json::array jobs;
  for (const JobState& state : context.scheduler.States()) jobs.push_back(JobToJson(state, *setup));
  return HttpResponse::Json(200, boost::json::object{{"jobs", std::move(jobs)}});
}

HttpResponse RunJob(const OpsContext& context, const HttpRequest& request) {
  const std::string& name = request.params.at("name");
  switch (context.scheduler.RunNow(name)) {
    case TriggerResult::kStarted:
      return HttpResponse::Json(202, boost::json::object{{"job", name}, {"result", "started"}});
    case TriggerResult::kAlreadyRunning:
      return HttpResponse::Error(409, "already_running", "job '" + name + "' is running; try again when it ends");
    case TriggerResult::kUnknownJob:
      return HttpResponse::Error(404, "not_found", "no job named '" + name + "'");
    case TriggerResult::kStopping:
      break;
  }
  return HttpResponse::Error(503, "stopping", "the hub is stopping");
}

}  // namespace

sdk::Status AddOpsRoutes(api::Router& router, const OpsContext& context) {
  using config::Role;
  auto health_log = std::make_shared<StoreHealthLog>(context.logger);
  HUB_RETURN_IF_ERROR(router.Add(
      "GET", "/health", std::nullopt,
      [context, health_log](const HttpRequest& request) { return Health(context, *health_log, request); },
      api::UnderLoad::kServed));
  HUB_RETURN_IF_ERROR(router.Add(
      "GET", "/metrics", Role::kRead,
      [context](const HttpRequest&) {
        return HttpResponse::Text(200, context.metrics.RenderPrometheus(), "text/plain; version=0.0.4; charset=utf-8");
      },
      api::UnderLoad::kServed));
  HUB_RETURN_IF_ERROR(
      router.Add("GET", "/api/v1/plugins", Role::kRead, [context](const HttpRequest&) { return Plugins(context); }));
  HUB_RETURN_IF_ERROR(
      router.Add("GET", "/api/v1/jobs", Role::kRead, [context](const HttpRequest&) { return Jobs(context); }));
  return router.Add("POST", "/api/v1/jobs/{name}/run", Role::kOperate,
                    [context](const HttpRequest& request) { return RunJob(context, request); });
}

}  // namespace hub::service
