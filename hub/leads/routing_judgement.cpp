#include "leads/routing_judgement.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "leads/rule_text.hpp"

namespace hub::leads {
namespace {

template <typename Assess>
Judgement Each(const Pool& pool, Assess assess) {
  Judgement judgement;
  for (const RoutingCandidate* candidate : pool) judgement.assessments.push_back(assess(*candidate));
  return judgement;
}

Judgement NotApplicable(std::string why) {
  Judgement judgement;
  judgement.applies = false;
  judgement.why_not = std::move(why);
  return judgement;
}

Assessment Keep(std::string detail, long long score = 0) { return {score, std::move(detail)}; }
Assessment Drop(std::string detail) { return {std::nullopt, std::move(detail)}; }

// The speciality principles: a speciality whose code is `wanted` (the lead's industry or function).
Judgement JudgeSpeciality(const std::string& wanted, std::string_view what, const Pool& pool) {
  if (Trimmed(wanted).empty()) return NotApplicable("the lead names no " + std::string(what));
  return Each(pool, [&](const RoutingCandidate& candidate) {
    for (const CandidateSpeciality& speciality : candidate.specialities) {
      if (SameText(speciality.code, wanted)) {
        return Keep("speciality " + speciality.code + " level " + std::to_string(speciality.level));
      }
    }
    return Drop("no speciality " + wanted);
  });
}

bool HasRegion(const RoutingRequest& lead) {
  return !Trimmed(lead.country).empty() || !Trimmed(lead.province).empty() || !Trimmed(lead.city).empty();
}

// How closely `territory` covers the lead: 3 by city, 2 by province, 1 by country (its most specific place);
// 0 when it does not (a place it names differs from the lead's, or it names none).
int CoverageLevel(const CandidateTerritory& territory, const RoutingRequest& lead) {
  int level = 0;
  const std::pair<const std::string&, const std::string&> places[] = {
      {territory.country, lead.country}, {territory.province, lead.province}, {territory.city, lead.city}};
  for (int i = 0; i < 3; ++i) {
    if (Trimmed(places[i].first).empty()) continue;
    if (!SameText(places[i].first, places[i].second)) return 0;
    level = i + 1;
  }
  return level;
}

// The candidate's territory covering the lead best (the lead partner first at a level), with its score
// (level × 2, +1 for the lead partner); nullptr when none covers it.
std::pair<const CandidateTerritory*, int> BestTerritory(const RoutingCandidate& candidate, const RoutingRequest& lead) {
  std::pair<const CandidateTerritory*, int> best{nullptr, 0};
  for (const CandidateTerritory& territory : candidate.territories) {
    const int level = CoverageLevel(territory, lead);
    const int score = level * 2 + (territory.lead_partner ? 1 : 0);
    if (level > 0 && score > best.second) best = {&territory, score};
  }
  return best;
}

Judgement JudgeRegion(const RoutingRequest& lead, const Pool& pool) {
  if (!HasRegion(lead)) return NotApplicable("the lead names no country, province or city");
  static constexpr const char* kLevels[] = {"", "country", "province", "city"};
  return Each(pool, [&](const RoutingCandidate& candidate) {
    const auto [territory, score] = BestTerritory(candidate, lead);
    if (territory == nullptr) return Drop("no territory covers the lead's region");
    return Keep("territory " + territory->code + " covers its " + kLevels[score / 2] +
                    (territory->lead_partner ? " (lead partner)" : " (backup)"),
                score);
  });
}

Judgement JudgeCost(const RoutingRequest& lead, const Pool& pool, const RoutingRules& rules) {
  if (!lead.estimated_amount || *lead.estimated_amount <= 0) return NotApplicable("the lead estimates no amount");
  if (!HasRegion(lead)) return NotApplicable("the lead names no region to reach");
  const double budget = rules.cost_percent * *lead.estimated_amount / 100;
  return Each(pool, [&](const RoutingCandidate& candidate) {
    if (BestTerritory(candidate, lead).first != nullptr) return Keep("local: no travel cost");
    const std::string cost = "remote cost " + Shown(rules.remote_cost);
    if (rules.remote_cost <= budget) return Keep(cost + " <= " + Shown(budget));
    return Drop(cost + " > cost_percent of the amount " + Shown(budget));
  });
}

bool IsKeyAccount(const RoutingRequest& lead, const RoutingRules& rules) {
  return lead.premium || FindEqual(rules.key_account_industries, lead.industry) != nullptr;
}

int BestLevel(const RoutingCandidate& candidate) {
  int best = 0;
  for (const CandidateSpeciality& speciality : candidate.specialities) best = std::max(best, speciality.level);
  return best;
}

// The strongest team among `pool`: the highest mean best speciality level, then more candidates, then the lower
// id; nullopt when nobody in the pool has a team.
std::optional<std::int64_t> StrongestTeam(const Pool& pool) {
  std::map<std::int64_t, std::pair<int, int>> teams;  // id → (sum of best levels, candidates)
  for (const RoutingCandidate* candidate : pool) {
    if (!candidate->team_id) continue;
    auto& [levels, members] = teams[*candidate->team_id];
    levels += BestLevel(*candidate);
    ++members;
  }
  std::optional<std::int64_t> strongest;
  std::pair<int, int> best{0, 0};
  for (const auto& [id, team] : teams) {
    // a/b > c/d ⇔ a·d > c·b for positive counts; the map's order makes the lower id win a full tie.
    const long long mine = static_cast<long long>(team.first) * best.second;
    const long long theirs = static_cast<long long>(best.first) * team.second;
    if (!strongest || mine > theirs || (mine == theirs && team.second > best.second)) {
      strongest = id;
      best = team;
    }
  }
  return strongest;
}

Judgement JudgeKeyAccount(const RoutingRequest& lead, const Pool& pool, const RoutingRules& rules) {
  if (!IsKeyAccount(lead, rules)) return NotApplicable("neither a top-tier lead nor a key-account industry");
  if (!Trimmed(rules.key_account_team).empty()) {
    return Each(pool, [&](const RoutingCandidate& candidate) {
      if (SameText(candidate.team_code, rules.key_account_team))
        return Keep("in key-account team " + candidate.team_code);
      return Drop("not in key-account team " + rules.key_account_team);
    });
  }
  const std::optional<std::int64_t> strongest = StrongestTeam(pool);
  return Each(pool, [&](const RoutingCandidate& candidate) {
    if (strongest && candidate.team_id == strongest) return Keep("in the strongest team " + candidate.team_code);
    return Drop("not in the strongest team");
  });
}

Judgement JudgeFamiliarity(const RoutingRequest& lead, const Pool& pool) {
  if (lead.familiar.empty()) return NotApplicable("nobody has dealt with the lead's customer");
  return Each(pool, [&](const RoutingCandidate& candidate) {
    for (std::size_t rank = 0; rank < lead.familiar.size(); ++rank) {
      if (lead.familiar[rank] == candidate.employee_id) {
        return Keep(rank == 0 ? "dealt with the customer (closest)" : "dealt with the customer",
                    -static_cast<long long>(rank));
      }
    }
    return Drop("never dealt with the customer");
  });
}

Judgement JudgeTopPerformers(const RoutingRequest& lead, const Pool& pool) {
  if (!lead.premium) return NotApplicable("not a premium (top-tier) lead");
  return Each(pool, [](const RoutingCandidate& candidate) {
    return Keep(std::to_string(candidate.signings) + " signings", candidate.signings);
  });
}

Judgement JudgeWorkload(const Pool& pool) {
  return Each(pool, [](const RoutingCandidate& candidate) {
    // Fewer holdings first; at equal holdings, fewer given today (a day's intake never reaches a million).
    return Keep(std::to_string(candidate.open_holdings) + " open holdings, " + std::to_string(candidate.intake_today) +
                    " given today",
                -(static_cast<long long>(candidate.open_holdings) * 1'000'000 + candidate.intake_today));
  });
}

}  // namespace

Judgement JudgeAvailability(const Pool& pool) {
  return Each(pool, [](const RoutingCandidate& candidate) {
    if (candidate.busy) return Drop("busy: another lead is being given to them at this moment");
    switch (candidate.availability) {
      case Availability::kActive:
        return Keep("active");
      case Availability::kOnLeave:
        return Drop("on leave");
      case Availability::kLeft:
        break;
    }
    return Drop("left");
  });
}

Judgement JudgeQuota(const Pool& pool, const RoutingRules& rules) {
  return Each(pool, [&](const RoutingCandidate& candidate) {
    const int quota = candidate.capacity.value_or(rules.default_quota);
    const std::string held = "holds " + std::to_string(candidate.open_holdings) + " of " + std::to_string(quota);
    return candidate.open_holdings < quota ? Keep(held) : Drop(held);
  });
}

Judgement JudgeDailyCap(const Pool& pool, const RoutingRules& rules) {
  if (rules.daily_cap <= 0) return NotApplicable("no daily cap");
  return Each(pool, [&](const RoutingCandidate& candidate) {
    const std::string given =
        "given " + std::to_string(candidate.intake_today) + " of " + std::to_string(rules.daily_cap) + " today";
    return candidate.intake_today < rules.daily_cap ? Keep(given) : Drop(given);
  });
}

Judgement JudgeFinder(const RoutingRequest& lead, const Pool& pool, const RoutingRules& rules) {
  if (!rules.finder_first) return NotApplicable("the finder rule is off");
  if (!lead.found_by) return NotApplicable("no salesperson found the lead");
  for (const RoutingCandidate* candidate : pool) {
    if (candidate->employee_id != *lead.found_by) continue;
    return Each(pool, [&](const RoutingCandidate& other) {
      return other.employee_id == *lead.found_by ? Keep("found the lead") : Drop("the lead's finder takes it");
    });
  }
  return NotApplicable("the finder " + std::to_string(*lead.found_by) + " is not in the running");
}

Judgement JudgePrinciple(Principle principle, const RoutingRequest& lead, const Pool& pool, const RoutingRules& rules) {
  switch (principle) {
    case Principle::kIndustry:
      return JudgeSpeciality(lead.industry, "industry", pool);
    case Principle::kFunction:
      return JudgeSpeciality(lead.business_function, "business function", pool);
    case Principle::kRegion:
      return JudgeRegion(lead, pool);
    case Principle::kCost:
      return JudgeCost(lead, pool, rules);
    case Principle::kKeyAccount:
      return JudgeKeyAccount(lead, pool, rules);
    case Principle::kFamiliarity:
      return JudgeFamiliarity(lead, pool);
    case Principle::kTopPerformers:
      return JudgeTopPerformers(lead, pool);
    case Principle::kWorkload:
      break;
  }
  return JudgeWorkload(pool);
}

}  // namespace hub::leads
