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

template <typename Numbers>
boost::json::array ArrayOf(const Numbers& numbers) {
  return boost::json::array(numbers.begin(), numbers.end());
}

boost::json::object NormsJson(const FunnelNorms& norms) {
  boost::json::array overrides;
  for (const leads::DwellOverride& override : norms.dwell_overrides) {
    overrides.push_back(boost::json::object{
        {"grade", override.grade.empty() ? boost::json::value(nullptr) : boost::json::value(override.grade)},
        {"industry", override.industry.empty() ? boost::json::value(nullptr) : boost::json::value(override.industry)},
        {"days", ArrayOf(override.days)}});
  }
  return boost::json::object{{"ideal_dwell_days", ArrayOf(norms.ideal_dwell_days)},
                             {"dwell_overrides", std::move(overrides)},
                             {"ideal_move_percent", ArrayOf(norms.ideal_move_percent)},
                             {"ideal_holdings", ArrayOf(norms.ideal_holdings)},
                             {"cooling_days", norms.cooling_days},
                             {"no_contact_days", norms.no_contact_days}};
}

boost::json::array AlertsJson(const std::vector<leads::FunnelAlert>& alerts) {
  boost::json::array json;
  for (const leads::FunnelAlert& alert : alerts) {
    boost::json::object figures;
    for (const leads::AlertFigure& figure : alert.figures) figures[figure.name] = figure.value;
    json.push_back(
        boost::json::object{{"kind", leads::AlertKindName(alert.kind)},
                            {"subject_type", alert.subject_type},
                            {"subject", alert.subject},
                            {"period", alert.period},
                            {"figures", std::move(figures)},
                            {"norm", boost::json::object{{"name", alert.norm}, {"value", alert.norm_value}}}});
  }
  return json;
}

boost::json::object OwnerJson(const FunnelGroup& group) {
  const leads::PersonFunnel person = group.person.value_or(leads::PersonFunnel{});
  return boost::json::object{{"employee_number", group.owner_employee_number},
                             {"name", group.owner_name},
                             {"taken", person.taken},
                             {"abandoned", person.abandoned},
                             {"abandon_ratio", NumberOrNull(person.AbandonRatio())}};
}

HttpResponse GetFunnel(odbc::Database& store, const Clock& clock, const FunnelNorms& norms) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  sdk::Result<FunnelReport> report = ComputeFunnel(lease->get(), norms, clock);
  if (!report.ok()) return StoreFailure(report.status());
  boost::json::array owners;
  for (const FunnelGroup& group : report->owners) {
    owners.push_back(boost::json::object{{"owner", OwnerJson(group)}, {"stages", StagesJson(group.stages)}});
  }
  boost::json::array teams;
  for (const FunnelGroup& group : report->teams) {
    teams.push_back(
        boost::json::object{{"team", boost::json::object{{"code", group.team_code}, {"name", group.team_name}}},
                            {"stages", StagesJson(group.stages)}});
  }
  return HttpResponse::Json(
      200, boost::json::object{{"as_of", FormatIsoUtc(report->as_of)},
                               {"norms", NormsJson(norms)},
                               {"total", boost::json::object{{"stages", StagesJson(report->total.stages)}}},
                               {"owners", std::move(owners)},
                               {"teams", std::move(teams)},
                               {"alerts", AlertsJson(report->alerts)}});
}

}  // namespace

sdk::Status AddFunnelRoutes(api::Router& router, odbc::Database& store, const Clock& clock, FunnelNorms norms) {
  return router.Add("GET", "/api/v1/funnel", config::Role::kRead,
                    [&store, &clock, norms](const HttpRequest&) { return GetFunnel(store, clock, norms); });
}

}  // namespace hub::service
