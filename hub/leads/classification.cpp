#include "leads/classification.hpp"

#include <algorithm>

#include "leads/rule_text.hpp"

namespace hub::leads {
namespace {

// The entry of `words` found in `text` (case-insensitive ASCII); nullptr when none is.
const std::string* FindWithin(const std::vector<std::string>& words, std::string_view text) {
  const std::string haystack = Lower(text);
  for (const std::string& word : words) {
    const std::string needle = Lower(Trimmed(word));
    if (!needle.empty() && haystack.find(needle) != std::string::npos) return &word;
  }
  return nullptr;
}

// The reason the need is clear; empty when it is not.
std::string ClearNeed(const LeadProfile& lead) {
  if (!Trimmed(lead.need).empty()) return "a need is written";
  if (!lead.products.empty()) return "products of interest are named";
  if (lead.estimated_amount && *lead.estimated_amount > 0) return "an amount is estimated";
  return {};
}

// The gold signals that fire, as reasons, split into value (revenue, reputation) and new-market ones.
struct GoldSignals {
  std::vector<ClassificationReason> value;
  std::vector<ClassificationReason> new_market;
};

GoldSignals GoldOf(const LeadProfile& lead, const ClassificationRules& rules) {
  GoldSignals gold;
  if (lead.estimated_amount && *lead.estimated_amount >= rules.gold_amount) {
    gold.value.push_back({"gold_amount", "top signal",
                          "estimated amount " + Shown(*lead.estimated_amount) + " >= " + Shown(rules.gold_amount)});
  }
  if (lead.customer_revenue && *lead.customer_revenue >= rules.gold_revenue) {
    gold.value.push_back(
        {"gold_revenue", "top signal",
         "known customer's revenue " + Shown(*lead.customer_revenue) + " >= " + Shown(rules.gold_revenue)});
  }
  if (const std::string* industry = FindEqual(rules.key_industries, lead.industry)) {
    gold.value.push_back({"key_industry", "top signal", "industry '" + *industry + "' is a key industry"});
  }
  if (const std::string* word = FindWithin(rules.key_company_words, lead.company_name)) {
    gold.value.push_back({"key_company", "top signal", "company name contains '" + *word + "'"});
  }
  if (lead.industry_is_new) {
    gold.new_market.push_back({"new_industry", "top signal", "no customer yet in industry '" + lead.industry + "'"});
  }
  if (lead.province_is_new) {
    gold.new_market.push_back({"new_province", "top signal", "no customer yet in province '" + lead.province + "'"});
  }
  return gold;
}

void AddTier(const LeadProfile& lead, const ClassificationRules& rules, Classification& out) {
  const std::string need = ClearNeed(lead);
  if (need.empty()) {
    out.tier = Tier::kBase;
    out.reasons.push_back({"no_clear_need", "tier base", "no need, product or amount given: nurture"});
    return;
  }
  out.tier = Tier::kMiddle;
  out.reasons.push_back({"clear_need", "tier middle", need});
  GoldSignals gold = GoldOf(lead, rules);
  const bool top = rules.new_market_required ? !gold.value.empty() && !gold.new_market.empty()
                                             : !gold.value.empty() || !gold.new_market.empty();
  for (auto* signals : {&gold.value, &gold.new_market}) {
    for (ClassificationReason& reason : *signals) {
      if (top) reason.effect = "tier top";
      out.reasons.push_back(std::move(reason));
    }
  }
  if (top) {
    out.tier = Tier::kTop;
    out.review = rules.top_reviewer;
  } else if (!gold.value.empty() || !gold.new_market.empty()) {
    out.reasons.push_back({"new_market_required", "tier stays middle",
                           gold.value.empty() ? "no revenue or reputation signal beside the new market"
                                              : "no new industry or province beside the revenue or reputation"});
  }
}

// The product of `lead` that fits `rules`; nullptr when none does.
const std::string* FittingProduct(const LeadProfile& lead, const ClassificationRules& rules) {
  for (const std::string& product : lead.products) {
    if (Trimmed(product).empty()) continue;
    if (rules.products.empty() || FindEqual(rules.products, product) != nullptr) return &product;
  }
  return nullptr;
}

void AddGrade(const LeadProfile& lead, const ClassificationRules& rules, Classification& out) {
  auto signal = [&out](const char* rule, int points, std::string detail) {
    out.score += points;
    out.reasons.push_back({rule, "+" + std::to_string(points), std::move(detail)});
  };
  const double size = std::max(lead.estimated_amount.value_or(0), lead.customer_revenue.value_or(0));
  if (size >= rules.sizeable_amount) {
    signal("sizeable", rules.sizeable_points,
           (lead.customer_revenue && *lead.customer_revenue >= rules.sizeable_amount ? "known customer's revenue "
                                                                                     : "estimated amount ") +
               Shown(size) + " >= " + Shown(rules.sizeable_amount));
  }
  if (const std::string* product = FittingProduct(lead, rules)) {
    signal("product_fit", rules.product_fit_points, "product '" + *product + "' is one we sell");
  }
  if (lead.reachable) signal("reachable", rules.reachable_points, "a phone, mobile or e-mail is given");
  if (const std::string* channel = FindEqual(rules.inbound_channels, lead.channel)) {
    signal("inbound", rules.inbound_points, "channel '" + *channel + "' is an inbound inquiry");
  }
  if (out.tier == Tier::kBase && !lead.reachable) {
    out.grade = Grade::kC;
    out.reasons.push_back({"unclear_and_unreachable", "grade C", "no clear need and no way to reach the lead"});
    return;
  }
  const bool a = out.score >= rules.grade_a_score;
  out.grade = a ? Grade::kA : Grade::kB;
  out.reasons.push_back(
      {"grade_score", a ? "grade A" : "grade B",
       "score " + std::to_string(out.score) + (a ? " >= " : " < ") + std::to_string(rules.grade_a_score)});
}

}  // namespace

std::string_view TierName(Tier tier) {
  switch (tier) {
    case Tier::kTop:
      return "top";
    case Tier::kMiddle:
      return "middle";
    case Tier::kBase:
      break;
  }
  return "base";
}

std::string_view GradeName(Grade grade) {
  switch (grade) {
    case Grade::kA:
      return "A";
    case Grade::kC:
      return "C";
    case Grade::kB:
      break;
  }
  return "B";
}

Classification Classify(const LeadProfile& lead, const ClassificationRules& rules) {
  Classification out;
  AddTier(lead, rules, out);
  AddGrade(lead, rules, out);
  return out;
}

}  // namespace hub::leads
