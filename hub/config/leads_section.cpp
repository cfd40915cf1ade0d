// <leads>: the rules the hub applies to every new lead, one child per concern (docs/CONFIGURATION.md#leads).
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::int64_t kMaxAmount = 1'000'000'000'000'000;  // whole currency units
constexpr std::int64_t kMaxPoints = 100;
constexpr std::int64_t kMaxScore = 4 * kMaxPoints;  // every signal's points at most

void ReadAmount(LoadContext& context, pugi::xml_node element, std::string_view name, double* out) {
  if (auto amount = ReadInteger(context, element, name, 0, kMaxAmount)) *out = static_cast<double>(*amount);
}

void ReadPoints(LoadContext& context, pugi::xml_node element, std::string_view name, int* out) {
  if (auto points = ReadInteger(context, element, name, 0, kMaxPoints)) *out = static_cast<int>(*points);
}

void ReadNames(LoadContext& context, pugi::xml_node element, std::string_view name, std::vector<std::string>* out) {
  if (auto names = ReadList(context, element, name, ',')) *out = std::move(*names);
}

// <classification>: the pyramid's thresholds and lists, then the grade's.
void ReadClassification(LoadContext& context, pugi::xml_node element, leads::ClassificationRules* out) {
  CheckShape(
      context, element,
      {.attributes = {"gold_amount", "gold_revenue", "key_industries", "key_company_words", "new_market_required",
                      "sizeable_amount", "products", "inbound_channels", "sizeable_points", "product_fit_points",
                      "reachable_points", "inbound_points", "grade_a_score", "top_reviewer"}});
  ReadAmount(context, element, "gold_amount", &out->gold_amount);
  ReadAmount(context, element, "gold_revenue", &out->gold_revenue);
  ReadNames(context, element, "key_industries", &out->key_industries);
  ReadNames(context, element, "key_company_words", &out->key_company_words);
  if (auto required = ReadBoolean(context, element, "new_market_required")) out->new_market_required = *required;
  ReadAmount(context, element, "sizeable_amount", &out->sizeable_amount);
  ReadNames(context, element, "products", &out->products);
  ReadNames(context, element, "inbound_channels", &out->inbound_channels);
  ReadPoints(context, element, "sizeable_points", &out->sizeable_points);
  ReadPoints(context, element, "product_fit_points", &out->product_fit_points);
  ReadPoints(context, element, "reachable_points", &out->reachable_points);
  ReadPoints(context, element, "inbound_points", &out->inbound_points);
  if (auto score = ReadInteger(context, element, "grade_a_score", 0, kMaxScore)) {
    out->grade_a_score = static_cast<int>(*score);
  }
  if (auto reviewer = ReadString(context, element, "top_reviewer", Presence::kOptional)) {
    if (reviewer->empty()) {
      context.Error(context.At(element.attribute("top_reviewer")),
                    "<classification> attribute 'top_reviewer' is empty: top-tier leads need a reviewer");
    } else {
      out->top_reviewer = std::move(*reviewer);
    }
  }
  if (out->gold_amount < out->sizeable_amount) {
    context.Error(context.At(element),
                  "<classification>: gold_amount is below sizeable_amount, so a gold lead's "
                  "company would not count as sizeable; raise gold_amount or lower sizeable_amount");
  }
}

}  // namespace

void ParseLeads(LoadContext& context, pugi::xml_node leads, LeadsConfig* out) {
  CheckShape(context, leads, {.children = {"classification", "funnel", "routing"}});
  if (pugi::xml_node classification = SingleChild(context, leads, "classification")) {
    ReadClassification(context, classification, &out->classification);
  }
  if (pugi::xml_node funnel = SingleChild(context, leads, "funnel")) ReadFunnel(context, funnel, &out->funnel);
  if (pugi::xml_node routing = SingleChild(context, leads, "routing")) ReadRouting(context, routing, &out->routing);
}

}  // namespace hub::config
