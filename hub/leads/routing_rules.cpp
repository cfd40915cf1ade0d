#include "leads/routing_rules.hpp"

#include <utility>

namespace hub::leads {
namespace {

constexpr std::pair<Principle, std::string_view> kNames[] = {
    {Principle::kIndustry, "industry"},
    {Principle::kFunction, "function"},
    {Principle::kRegion, "region"},
    {Principle::kCost, "cost"},
    {Principle::kKeyAccount, "key_account"},
    {Principle::kFamiliarity, "familiarity"},
    {Principle::kTopPerformers, "top_performers"},
    {Principle::kWorkload, "workload"},
};

}  // namespace

std::string_view PrincipleName(Principle principle) {
  for (const auto& [value, name] : kNames) {
    if (value == principle) return name;
  }
  return {};
}

std::optional<Principle> PrincipleNamed(std::string_view name) {
  for (const auto& [value, known] : kNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

std::vector<Principle> DefaultPrinciples() {
  std::vector<Principle> principles;
  for (const auto& [value, name] : kNames) principles.push_back(value);
  return principles;
}

}  // namespace hub::leads
