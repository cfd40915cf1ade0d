// The operations routes of the API: health, metrics, plugins and jobs.
#ifndef HUB_SERVICE_OPS_ROUTES_HPP_
#define HUB_SERVICE_OPS_ROUTES_HPP_

#include <functional>
#include <memory>

#include "api/router.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "common/metrics.hpp"
#include "runtime/scheduler.hpp"
#include "service/hub_setup.hpp"

namespace hub::service {

// What the operations routes read. Everything referenced must outlive the router's handlers;
// `current_setup` is called on worker threads and must be thread-safe (the setup changes on reload).
struct OpsContext {
  std::function<std::shared_ptr<const HubSetup>()> current_setup;
  Scheduler& scheduler;
  MetricsRegistry& metrics;
  const Clock& clock;
  TimePoint started;
  std::function<sdk::Status()> check_store;  // OK when the store answers; called on worker threads
  Logger logger;                             // where /health writes why the store does not answer
};

// Adds, per docs/openapi.yaml (every GET answers HEAD too):
//   GET  /health                   open      200 {"status":"ok",...}; 503 {"status":"unavailable",
//                                            "reason":"store",...} when the store does not answer, with the
//                                            store's error as "detail" for a caller with the read role
//   GET  /metrics                  read      Prometheus text
//   GET  /api/v1/plugins           read      {"plugins":[...]}
//   GET  /api/v1/jobs              read      {"jobs":[...]}
//   POST /api/v1/jobs/{name}/run   operate   202 started; 404 unknown; 409 already running; 503 stopping
// /health and /metrics are served under load (api::UnderLoad::kServed).
sdk::Status AddOpsRoutes(api::Router& router, const OpsContext& context);

}  // namespace hub::service

#endif  // HUB_SERVICE_OPS_ROUTES_HPP_
