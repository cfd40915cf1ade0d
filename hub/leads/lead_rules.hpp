// Every rule the hub applies to leads, as configured (<leads>, config::LeadsConfig): what the model layer's
// lead extensions are given (store_model::WriteRules), one member per concern.
#ifndef HUB_LEADS_LEAD_RULES_HPP_
#define HUB_LEADS_LEAD_RULES_HPP_

#include "leads/classification_rules.hpp"
#include "leads/funnel_norms.hpp"
#include "leads/routing_rules.hpp"

namespace hub::leads {

// The lead rules: a value type, default-constructed to the documented defaults.
struct LeadRules {
  ClassificationRules classification;  // <classification>: the pyramid and the grades
  FunnelNorms funnel;                  // <funnel>: the funnel's norms and the thresholds of its alerts
  RoutingRules routing;                // <routing>: who gets a new lead
};

}  // namespace hub::leads

#endif  // HUB_LEADS_LEAD_RULES_HPP_
