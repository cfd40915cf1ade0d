#include "store/model/routing_trace.hpp"

#include <boost/json/array.hpp>

namespace hub::store_model {
namespace {

boost::json::value IdOrNull(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

boost::json::value TextOrNull(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

}  // namespace

boost::json::object RoutingTraceJson(const leads::RoutingDecision& decision) {
  boost::json::array steps;
  for (const leads::RoutingStep& step : decision.steps) {
    steps.push_back(boost::json::object{{"rule", step.rule},
                                        {"outcome", leads::StepOutcomeName(step.outcome)},
                                        {"detail", step.detail},
                                        {"remaining", step.remaining}});
  }
  boost::json::array candidates;
  for (const leads::CandidateVerdict& verdict : decision.candidates) {
    candidates.push_back(boost::json::object{{"employee_id", verdict.employee_id},
                                             {"name", verdict.name},
                                             {"winner", verdict.winner},
                                             {"eliminated_by", TextOrNull(verdict.eliminated_by)},
                                             {"detail", verdict.detail}});
  }
  return boost::json::object{{"owner_employee_id", IdOrNull(decision.owner)},
                             {"team_id", IdOrNull(decision.team_id)},
                             {"rule", TextOrNull(decision.rule)},
                             {"reason", decision.reason},
                             {"steps", std::move(steps)},
                             {"candidates", std::move(candidates)}};
}

}  // namespace hub::store_model
