// The thresholds and lists the classification of a lead applies (<leads><classification>, docs/CONFIGURATION.md):
// a plain value whose defaults are the ones documented, so that a hub without a <leads> element classifies too.
#ifndef HUB_LEADS_CLASSIFICATION_RULES_HPP_
#define HUB_LEADS_CLASSIFICATION_RULES_HPP_

#include <string>
#include <vector>

namespace hub::leads {

// What Classify compares a lead with. Amounts are in the lead's own currency (no conversion); list entries
// are compared case-insensitively (ASCII) after trimming. A value type.
struct ClassificationRules {
  // Top tier ("gold"): an estimated amount at least this large brings revenue.
  double gold_amount = 500'000;
  // Top tier: a known customer whose invoiced revenue is at least this large brings revenue.
  double gold_revenue = 1'000'000;
  // Top tier: industries whose customers bring reputation (key accounts: "energy", "government" …).
  std::vector<std::string> key_industries;
  // Top tier: words of a company name that bring reputation ("集团", "group", "university" …), found anywhere
  // in the name.
  std::vector<std::string> key_company_words;
  // Top tier: a lead from an industry or a province where the store holds no customer yet opens a new market.
  // false: a new market is a gold signal of its own; true: it is required beside a revenue or reputation signal.
  bool new_market_required = false;

  // Grade: an estimated amount, or a known customer's invoiced revenue, at least this large: a sizeable company.
  double sizeable_amount = 100'000;
  // Grade: the products we sell; a lead naming one of them fits. Empty: any product named fits.
  std::vector<std::string> products;
  // Grade: the channels of an inbound inquiry or a trial user.
  std::vector<std::string> inbound_channels = {"web", "phone", "email"};
  // Grade: the points of each signal (score 0..100 with the defaults) …
  int sizeable_points = 30;
  int product_fit_points = 25;
  int reachable_points = 20;
  int inbound_points = 25;
  // … and the score from which a lead is graded A (below it B, unless C: need unclear and no way to reach it).
  int grade_a_score = 45;

  // Who reviews a top-tier lead before it is worked (its classification's review, pending).
  std::string top_reviewer = "sales_director";
};

}  // namespace hub::leads

#endif  // HUB_LEADS_CLASSIFICATION_RULES_HPP_
