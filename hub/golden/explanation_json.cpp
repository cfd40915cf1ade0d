#include "golden/explanation_json.hpp"

#include <cmath>

#include <boost/json.hpp>

namespace hub::golden {
namespace {

// A weight as JSON: null when it is not a finite number (JSON has no infinity), so the document stays valid.
boost::json::value Number(double number) {
  return std::isfinite(number) ? boost::json::value(number) : boost::json::value(nullptr);
}

}  // namespace

std::string ExplanationJson(const matching::Explanation& explanation) {
  boost::json::array fields;
  for (const matching::FieldEvidence& evidence : explanation.score.evidence) {
    fields.push_back(boost::json::object{{"field", matching::FieldName(evidence.field)},
                                         {"level", matching::LevelName(evidence.level)},
                                         {"weight", Number(evidence.weight)},
                                         {"frequency_adjusted", evidence.frequency_adjusted}});
  }
  return boost::json::serialize(boost::json::object{{"decision", matching::DecisionName(explanation.decision)},
                                                    {"rule", explanation.rule},
                                                    {"prior", Number(explanation.score.prior_weight)},
                                                    {"total", Number(explanation.score.total_weight)},
                                                    {"probability", Number(explanation.score.probability)},
                                                    {"fields", std::move(fields)}});
}

}  // namespace hub::golden
