// The classification of a lead (issue 12): its tier in the customer pyramid — base (interest, no clear need:
// nurture), middle (a clear need), top ("gold": a clear need that brings revenue or reputation, or opens an
// industry or region where we have no customer yet) — its grade A/B/C from a score of the signals that make
// a lead worth working now, and the reasons, each naming the rule that fired and what it did.
#ifndef HUB_LEADS_CLASSIFICATION_HPP_
#define HUB_LEADS_CLASSIFICATION_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leads/classification_rules.hpp"

namespace hub::leads {

// What a lead says of itself, and what the store knows of it, as Classify reads it. Empty text: not given.
// A value type.
struct LeadProfile {
  std::string channel;  // web, phone, email, trade_show …
  std::string company_name;
  std::string industry;
  std::string province;
  std::string need;                        // in the lead's own words
  std::vector<std::string> products;       // of interest
  std::optional<double> estimated_amount;  // expected revenue
  bool reachable = false;                  // a phone, mobile or e-mail is given
  // The known customer's invoiced revenue (the conflict check named one); nullopt: no known customer.
  std::optional<double> customer_revenue;
  bool industry_is_new = false;  // the lead names an industry in which the store holds no customer
  bool province_is_new = false;  // the lead names a province in which the store holds no customer
};

enum class Tier { kBase, kMiddle, kTop };
enum class Grade { kA, kB, kC };

// "base", "middle", "top": the schema's values (leads.tier).
std::string_view TierName(Tier tier);
// "A", "B", "C": the schema's values (leads.grade).
std::string_view GradeName(Grade grade);

// One rule that fired: its name (a key of docs/CONFIGURATION.md#leads), what it did ("tier middle", "+20",
// "grade A") and why, with the values compared ("estimated amount 600000 >= gold_amount 500000").
struct ClassificationReason {
  std::string rule;
  std::string effect;
  std::string detail;
};

// A lead's classification. `review` names who must review it before it is worked (the top tier's
// ClassificationRules::top_reviewer); empty: no review. A value type.
struct Classification {
  Tier tier = Tier::kBase;
  Grade grade = Grade::kB;
  int score = 0;  // the sum of the grade signals' points
  std::string review;
  std::vector<ClassificationReason> reasons;  // tier rules first, then grade rules, in the order applied
};

// Classifies `lead` by `rules`:
//   tier   no need text, no product and no positive amount: base (no_clear_need). Otherwise middle
//          (clear_need), and top when a gold signal fires — gold_amount (estimated amount >= gold_amount),
//          gold_revenue (customer revenue >= gold_revenue), key_industry, key_company (a word of
//          key_company_words in the name), new_industry, new_province — the last two being the new-market
//          signals, which with new_market_required must come with one of the others (else
//          new_market_required keeps the lead middle). Top sets `review`.
//   grade  score = sizeable (the larger of amount and customer revenue >= sizeable_amount) + product_fit
//          (a product in `products`, or any product when that list is empty) + reachable + inbound (the
//          channel in inbound_channels), each adding its points. C (unclear_and_unreachable) when the need
//          is unclear and the lead cannot be reached; else A when score >= grade_a_score, else B (grade_score).
// Pure and thread-safe.
Classification Classify(const LeadProfile& lead, const ClassificationRules& rules);

}  // namespace hub::leads

#endif  // HUB_LEADS_CLASSIFICATION_HPP_
