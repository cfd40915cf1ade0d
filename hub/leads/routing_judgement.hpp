// How each rule of lead routing judges the candidates still in the running (private to lead_router.cpp): a
// score per candidate, the highest staying, or no score at all (eliminated), each with why.
#ifndef HUB_LEADS_ROUTING_JUDGEMENT_HPP_
#define HUB_LEADS_ROUTING_JUDGEMENT_HPP_

#include <optional>
#include <string>
#include <vector>

#include "leads/lead_router.hpp"

namespace hub::leads {

// One candidate by one rule: nullopt eliminates it; among the others, those with the highest score stay.
struct Assessment {
  std::optional<long long> score;
  std::string detail;
};

// A rule's judgement of the candidates in the running, in their order; `applies` false (with why_not) when
// the lead gives the rule nothing to judge by. A value type.
struct Judgement {
  bool applies = true;
  std::string why_not;
  std::vector<Assessment> assessments;
};

// The candidates in the running, in the order they were given.
using Pool = std::vector<const RoutingCandidate*>;

// The gates: who is available (active), below their quota, below the daily cap.
Judgement JudgeAvailability(const Pool& pool);
Judgement JudgeQuota(const Pool& pool, const RoutingRules& rules);
Judgement JudgeDailyCap(const Pool& pool, const RoutingRules& rules);

// The finder rule: only the finder stays.
Judgement JudgeFinder(const RoutingRequest& lead, const Pool& pool, const RoutingRules& rules);

// The principle `principle` (RoutingRules::principles), as Route documents it.
Judgement JudgePrinciple(Principle principle, const RoutingRequest& lead, const Pool& pool, const RoutingRules& rules);

}  // namespace hub::leads

#endif  // HUB_LEADS_ROUTING_JUDGEMENT_HPP_
