// The rules lead routing applies (<leads><routing>, docs/CONFIGURATION.md#leads): which principles run and in
// which order, the quotas and the daily intake cap, the key-account team and the sales-cost rule. A plain value
// whose defaults are the ones documented, so that a hub without a <leads> element routes too.
#ifndef HUB_LEADS_ROUTING_RULES_HPP_
#define HUB_LEADS_ROUTING_RULES_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub::leads {

// One routing principle (issue 12, item 5). Each narrows the candidates still in the running; see Route
// (lead_router.hpp) for what each keeps.
enum class Principle {
  kIndustry,       // a speciality matching the lead's industry
  kFunction,       // a speciality for the lead's business function
  kRegion,         // a territory covering the lead's city, province or country; its lead partner first
  kCost,           // the sales cost before signing within its share of the estimated amount
  kKeyAccount,     // a key or special account goes to the strongest team
  kFamiliarity,    // an existing customer's new need goes to whoever dealt with it
  kTopPerformers,  // a premium (top-tier) lead goes to the most signings
  kWorkload,       // the fewest open holdings
};

// The principle's name as configured and traced: "industry", "function", "region", "cost", "key_account",
// "familiarity", "top_performers", "workload".
std::string_view PrincipleName(Principle principle);

// The principle named `name` (exactly as PrincipleName writes it); nullopt for any other text.
std::optional<Principle> PrincipleNamed(std::string_view name);

// The order: industry, function, region, cost, key_account, familiarity, top_performers, workload.
std::vector<Principle> DefaultPrinciples();

// What Route applies. Text is compared case-insensitively (ASCII) after trimming. A value type.
struct RoutingRules {
  // The principles applied, in this order; one left out is not applied (`order=` in the configuration).
  std::vector<Principle> principles = DefaultPrinciples();
  // A lead found by a salesperson goes to its finder when the finder is available and within quota.
  bool finder_first = true;
  // The open leads and customers a person may hold when HR gives no capacity (employees.capacity).
  int default_quota = 30;
  // The new leads a person may be given in one day; 0: no cap.
  int daily_cap = 10;
  // The team a key account goes to (teams.code); empty: the strongest team among the candidates.
  std::string key_account_team;
  // The industries whose leads are key or special accounts (state enterprises, regional planning …), beside
  // every top-tier lead.
  std::vector<std::string> key_account_industries;
  // The cost rule: a candidate with no territory covering the lead's region costs `remote_cost` before
  // signing (travel, time), one covering it nothing; a candidate whose cost exceeds `cost_percent` % of the
  // estimated amount is eliminated. A lead without an estimated amount is not judged by cost.
  double remote_cost = 3'000;
  int cost_percent = 5;
  // The hours an owner has to accept a routed lead (POST /api/v1/leads/{id}/accept, or its stage moved past
  // graded) before a lead_sla job routes it to the next candidate and tells the owner's manager; 0: no SLA.
  int sla_hours = 24;
  // The days beyond which a leave is long (an employee on_leave whose leave ends later than this many days from
  // now, or with no end given): their open leads, opportunities and customers are handed over as a leaver's are.
  int long_leave_days = 30;
};

}  // namespace hub::leads

#endif  // HUB_LEADS_ROUTING_RULES_HPP_
