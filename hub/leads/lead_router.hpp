// The routing of a lead (issue 12, item 5): who among the staff HR describes gets a new lead, by the finder
// rule, the availability, quota and daily-cap gates, then the configured principles in order, and the trace
// that explains it — every candidate with the rule that eliminated it, every step with what it did.
#ifndef HUB_LEADS_LEAD_ROUTER_HPP_
#define HUB_LEADS_LEAD_ROUTER_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "leads/routing_rules.hpp"

namespace hub::leads {

// What routing reads of a lead. Empty text: not given. A value type.
struct RoutingRequest {
  std::string industry;
  std::string business_function;
  std::string country;
  std::string province;
  std::string city;
  std::optional<double> estimated_amount;
  bool premium = false;                  // a top-tier lead (classification)
  std::optional<std::int64_t> found_by;  // the salesperson who found it (leads.found_by_employee_id)
  std::vector<std::int64_t> familiar;    // who dealt with its customer, closest first (its owner, then the
                                         // owners of its open leads and opportunities)
  std::string held_back;                 // why it may not be assigned now (its customer's cooling period after an
                                         // abandonment); empty: it may
};

// A speciality of a candidate: its code (specialities.code) and level 1-5.
struct CandidateSpeciality {
  std::string code;
  int level = 1;
};

// A territory a candidate covers: where it lies (empty: any) and whether the candidate is its owner (the
// region's lead partner) rather than a backup.
struct CandidateTerritory {
  std::string code;
  std::string country;
  std::string province;
  std::string city;
  bool lead_partner = false;
};

enum class Availability { kActive, kOnLeave, kLeft };

// One person who may get the lead, as HR and the store describe them. A value type.
struct RoutingCandidate {
  std::int64_t employee_id = 0;
  std::string name;
  Availability availability = Availability::kActive;
  std::optional<std::int64_t> team_id;  // the team the person works in (the first, when several)
  std::string team_code;
  std::vector<CandidateSpeciality> specialities;
  std::vector<CandidateTerritory> territories;
  std::optional<int> capacity;  // the person's own quota; nullopt: RoutingRules::default_quota
  int open_holdings = 0;        // open leads and opportunities held (signed and abandoned ones free the slot)
  int intake_today = 0;         // leads given today
  int signings = 0;             // leads and opportunities signed
  bool busy = false;            // another writer is giving them a lead at this moment, and this one may not wait
};

// What a step of the routing did.
enum class StepOutcome {
  kApplied,        // it kept some candidates and eliminated the others (or none)
  kSkipped,        // it would have eliminated every candidate, so it was passed over
  kNotApplicable,  // the lead gives nothing it could judge by (no industry, no amount, not premium …)
  kExhausted,      // a gate eliminated every candidate: the lead stays unrouted
};

// "applied", "skipped", "not_applicable", "exhausted".
std::string_view StepOutcomeName(StepOutcome outcome);

// One step of the trace: the rule ("availability", "quota", "daily_cap", "finder", a principle's name,
// "tie_break"), what it did and why.
struct RoutingStep {
  std::string rule;
  StepOutcome outcome = StepOutcome::kApplied;
  std::string detail;
  std::size_t remaining = 0;  // candidates still in the running after it
};

// One candidate in the trace, in the order given: the rule that eliminated it (empty: it stayed to the end)
// with why, or that it won.
struct CandidateVerdict {
  std::int64_t employee_id = 0;
  std::string name;
  bool winner = false;
  std::string eliminated_by;
  std::string detail;
};

// Whom the lead goes to, and why. No owner: `reason` says why nobody could take it. A value type.
struct RoutingDecision {
  std::optional<std::int64_t> owner;
  std::optional<std::int64_t> team_id;  // the owner's team
  std::string rule;                     // the step that left the owner alone in the running
  std::string reason;
  std::vector<RoutingStep> steps;
  std::vector<CandidateVerdict> candidates;
};

// Routes `lead` among `candidates` by `rules`:
//   cooling    a lead `held_back` goes to nobody: every candidate is eliminated by "cooling" with why.
//   gates      availability (on leave, left or busy: never a candidate), quota (open holdings below the person's
//              capacity, else default_quota), daily_cap (leads given today below the cap; 0: none). A gate
//              that leaves nobody ends the routing without an owner; one candidate left wins by the gate that
//              eliminated the others ("sole_candidate" when it was alone).
//   finder     with finder_first, a lead found by a candidate still in the running goes to the finder.
//   principles in rules.principles' order, each keeping the candidates that score best by it:
//              industry / function: a speciality whose code is the lead's industry / business function;
//              region: a territory covering the lead (each of its non-empty country, province, city equal to
//                the lead's; a territory naming none covers nothing) — city before province before country,
//                and the lead partner before a backup at the same level;
//              cost: with an estimated amount, a candidate covering no territory of the lead costs
//                remote_cost, which must not exceed cost_percent % of the amount;
//              key_account: a premium lead or one of key_account_industries goes to key_account_team, or to
//                the strongest team (the highest mean of its candidates' best speciality levels; ties: more
//                candidates, then the lower team id);
//              familiarity: the candidate first in `familiar` wins outright;
//              top_performers: a premium lead goes to the most signings;
//              workload: the fewest open holdings, then the fewest given today.
//              A principle that would eliminate everyone is skipped; one with nothing to judge by does not
//              apply. Routing stops as soon as one candidate remains.
//   tie_break  among several left, the lowest employee id.
// Pure and thread-safe.
RoutingDecision Route(const RoutingRequest& lead, std::span<const RoutingCandidate> candidates,
                      const RoutingRules& rules);

}  // namespace hub::leads

#endif  // HUB_LEADS_LEAD_ROUTER_HPP_
