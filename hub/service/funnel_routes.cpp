#include "service/funnel_routes.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "service/route_answers.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;

boost::json::value NumberOrNull(const std::optional<double>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::array StagesJson(const std::vector<StageFigures>& stages) {
  boost::json::array json;
  for (const StageFigures& stage : stages) {
    json.push_back(boost::json::object{{"stage", stage.stage},
                                       {"count", stage.count},
                                       {"expected_revenue", stage.expected_revenue.ToString()},
                                       {"weighted_revenue", stage.weighted_revenue.ToString()},
                                       {"entered", stage.entered},
                                       {"moved_on", stage.moved_on},
                                       {"conversion", NumberOrNull(stage.conversion)},
                                       {"ideal_conversion", NumberOrNull(stage.ideal_conversion)},
                                       {"dwell_days", NumberOrNull(stage.dwell_days)},
                                       {"ideal_dwell_days", NumberOrNull(stage.ideal_dwell_days)},
                                       {"stalled", stage.stalled}});
  }
  return json;
}

HttpResponse GetFunnel(odbc::Database& store, const Clock& clock, const FunnelNorms& norms) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  const TimePoint now = clock.Now();
  sdk::Result<FunnelReport> report = ComputeFunnel(lease->get(), norms, now);
  if (!report.ok()) return StoreFailure(report.status());
  boost::json::array owners;
  for (const FunnelGroup& group : report->owners) {
    owners.push_back(boost::json::object{
        {"owner", boost::json::object{{"employee_number", group.owner_employee_number}, {"name", group.owner_name}}},
        {"stages", StagesJson(group.stages)}});
  }
  boost::json::array teams;
  for (const FunnelGroup& group : report->teams) {
    teams.push_back(
        boost::json::object{{"team", boost::json::object{{"code", group.team_code}, {"name", group.team_name}}},
                            {"stages", StagesJson(group.stages)}});
  }
  boost::json::object json_norms{
      {"ideal_dwell_days", boost::json::array(norms.ideal_dwell_days.begin(), norms.ideal_dwell_days.end())},
      {"ideal_move_percent", boost::json::array(norms.ideal_move_percent.begin(), norms.ideal_move_percent.end())}};
  return HttpResponse::Json(
      200, boost::json::object{{"as_of", FormatIsoUtc(now)},
                               {"norms", std::move(json_norms)},
                               {"total", boost::json::object{{"stages", StagesJson(report->total.stages)}}},
                               {"owners", std::move(owners)},
                               {"teams", std::move(teams)}});
}

}  // namespace

sdk::Status AddFunnelRoutes(api::Router& router, odbc::Database& store, const Clock& clock, FunnelNorms norms) {
  return router.Add("GET", "/api/v1/funnel", config::Role::kRead,
                    [&store, &clock, norms](const HttpRequest&) { return GetFunnel(store, clock, norms); });
}

}  // namespace hub::service
