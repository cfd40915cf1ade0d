// <leads><routing>: who gets a new lead — the principles in order, the quotas, the daily cap, the key-account
// team, the cost rule, the acceptance SLA and what a long leave is (docs/CONFIGURATION.md#leads).
#include <algorithm>
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::int64_t kMaxHoldings = 100'000;
constexpr std::int64_t kMaxCost = 1'000'000'000;  // whole currency units
constexpr std::int64_t kMaxSlaHours = 24 * 366;
constexpr std::int64_t kMaxLeaveDays = 3660;

// order="industry,region,…": each a principle's name, none twice; a principle left out is not applied.
void ReadOrder(LoadContext& context, pugi::xml_node element, std::vector<leads::Principle>* out) {
  auto value = ReadAttribute(context, element, "order", Presence::kOptional);
  if (!value) return;
  auto names = SplitList(context, *value, ',', "<routing> attribute 'order'");
  if (!names) return;
  std::vector<leads::Principle> principles;
  for (const std::string& name : *names) {
    const std::optional<leads::Principle> principle = leads::PrincipleNamed(name);
    if (!principle) {
      std::vector<std::string_view> known;
      for (const leads::Principle each : leads::DefaultPrinciples()) known.push_back(leads::PrincipleName(each));
      context.Error(value->location,
                    "<routing> attribute 'order': '" + name + "' is no principle; known: " + JoinNames(known));
      return;
    }
    if (std::find(principles.begin(), principles.end(), *principle) != principles.end()) {
      context.Error(value->location, "<routing> attribute 'order': '" + name + "' is named twice");
      return;
    }
    principles.push_back(*principle);
  }
  *out = std::move(principles);
}

}  // namespace

void ReadRouting(LoadContext& context, pugi::xml_node element, leads::RoutingRules* out) {
  CheckShape(context, element,
             {.attributes = {"order", "finder_first", "default_quota", "daily_cap", "key_account_team",
                             "key_account_industries", "remote_cost", "cost_percent", "sla_hours", "long_leave_days"}});
  ReadOrder(context, element, &out->principles);
  if (auto finder_first = ReadBoolean(context, element, "finder_first")) out->finder_first = *finder_first;
  if (auto quota = ReadInteger(context, element, "default_quota", 1, kMaxHoldings)) {
    out->default_quota = static_cast<int>(*quota);
  }
  if (auto cap = ReadInteger(context, element, "daily_cap", 0, kMaxHoldings)) out->daily_cap = static_cast<int>(*cap);
  if (auto team = ReadString(context, element, "key_account_team", Presence::kOptional)) {
    out->key_account_team = std::move(*team);
  }
  if (auto industries = ReadList(context, element, "key_account_industries", ',')) {
    out->key_account_industries = std::move(*industries);
  }
  if (auto cost = ReadInteger(context, element, "remote_cost", 0, kMaxCost)) {
    out->remote_cost = static_cast<double>(*cost);
  }
  if (auto percent = ReadInteger(context, element, "cost_percent", 0, 100)) {
    out->cost_percent = static_cast<int>(*percent);
  }
  if (auto hours = ReadInteger(context, element, "sla_hours", 0, kMaxSlaHours)) {
    out->sla_hours = static_cast<int>(*hours);
  }
  if (auto days = ReadInteger(context, element, "long_leave_days", 0, kMaxLeaveDays)) {
    out->long_leave_days = static_cast<int>(*days);
  }
}

}  // namespace hub::config
