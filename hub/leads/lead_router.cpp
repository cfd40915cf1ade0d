#include "leads/lead_router.hpp"

#include <algorithm>
#include <utility>

#include "leads/routing_judgement.hpp"

namespace hub::leads {
namespace {

// One routing in progress: the pool still in the running, and the decision with its trace.
class Routing {
 public:
  Routing(std::span<const RoutingCandidate> candidates) : candidates_(candidates) {
    for (const RoutingCandidate& candidate : candidates) {
      pool_.push_back(&candidate);
      decision_.candidates.push_back({candidate.employee_id, candidate.name, false, {}, {}});
    }
  }

  // Applies `judgement` of `rule`: a gate (not `skippable`) that leaves nobody ends the routing; a principle
  // that would leave nobody is passed over, one that leaves one candidate makes it the winner. Returns true
  // when the routing is over.
  bool Apply(std::string_view rule, const Judgement& judgement, bool skippable) {
    RoutingStep step{std::string(rule), StepOutcome::kApplied, {}, pool_.size()};
    if (!judgement.applies) {
      step.outcome = StepOutcome::kNotApplicable;
      step.detail = judgement.why_not;
      decision_.steps.push_back(std::move(step));
      return false;
    }
    const std::optional<long long> best = BestScore(judgement);
    if (!best && skippable) {
      step.outcome = StepOutcome::kSkipped;
      step.detail = "would eliminate all " + std::to_string(pool_.size()) + ": " + judgement.assessments.front().detail;
      decision_.steps.push_back(std::move(step));
      return false;
    }
    Pool kept;
    for (std::size_t i = 0; i < pool_.size(); ++i) {
      const Assessment& assessment = judgement.assessments[i];
      if (best && assessment.score == best) {
        kept.push_back(pool_[i]);
        Verdict(*pool_[i]).detail = assessment.detail;
      } else {
        Eliminate(*pool_[i], rule, assessment.detail);
      }
    }
    step.detail = "kept " + std::to_string(kept.size()) + " of " + std::to_string(pool_.size());
    if (kept.size() < pool_.size()) last_narrowing_ = rule;
    pool_ = std::move(kept);
    step.remaining = pool_.size();
    if (pool_.empty()) step.outcome = StepOutcome::kExhausted;
    decision_.steps.push_back(std::move(step));
    if (pool_.empty()) decision_.reason = "no candidate passes " + std::string(rule);
    if (!skippable) return pool_.empty();
    if (pool_.size() == 1) Win(*pool_.front(), rule);
    return pool_.size() <= 1;
  }

  // After the gates: the one candidate left wins, by the gate that eliminated the others ("sole_candidate"
  // when there was only one). Returns true when it did.
  bool WinAlone() {
    if (pool_.size() != 1) return false;
    Win(*pool_.front(), last_narrowing_.empty() ? std::string_view("sole_candidate") : last_narrowing_);
    return true;
  }

  // The lead goes to nobody, for `why`: every candidate is eliminated by "cooling".
  void HoldBack(const std::string& why) {
    for (const RoutingCandidate* candidate : pool_) Eliminate(*candidate, "cooling", why);
    decision_.steps.push_back({"cooling", StepOutcome::kExhausted, why, 0});
    decision_.reason = "cooling: " + why;
    pool_.clear();
  }

  // Among several left, the lowest employee id.
  void TieBreak() {
    const RoutingCandidate* lowest =
        *std::min_element(pool_.begin(), pool_.end(), [](auto* a, auto* b) { return a->employee_id < b->employee_id; });
    for (const RoutingCandidate* candidate : pool_) {
      if (candidate != lowest) Eliminate(*candidate, "tie_break", "a lower employee id is equal by every rule");
    }
    decision_.steps.push_back(
        {"tie_break", StepOutcome::kApplied, "the lowest employee id of " + std::to_string(pool_.size()), 1});
    pool_ = {lowest};
    Win(*lowest, "tie_break");
  }

  const Pool& pool() const { return pool_; }
  RoutingDecision Take() { return std::move(decision_); }

 private:
  static std::optional<long long> BestScore(const Judgement& judgement) {
    std::optional<long long> best;
    for (const Assessment& assessment : judgement.assessments) {
      if (assessment.score && (!best || *assessment.score > *best)) best = assessment.score;
    }
    return best;
  }

  CandidateVerdict& Verdict(const RoutingCandidate& candidate) {
    return decision_.candidates[static_cast<std::size_t>(&candidate - candidates_.data())];
  }

  void Eliminate(const RoutingCandidate& candidate, std::string_view rule, const std::string& detail) {
    CandidateVerdict& verdict = Verdict(candidate);
    verdict.eliminated_by = rule;
    verdict.detail = detail;
  }

  void Win(const RoutingCandidate& candidate, std::string_view rule) {
    CandidateVerdict& verdict = Verdict(candidate);
    verdict.winner = true;
    decision_.owner = candidate.employee_id;
    decision_.team_id = candidate.team_id;
    decision_.rule = rule;
    decision_.reason = std::string(rule) + ": " + verdict.detail;
  }

  std::span<const RoutingCandidate> candidates_;
  Pool pool_;
  std::string last_narrowing_;  // the last rule that eliminated a candidate
  RoutingDecision decision_;
};

}  // namespace

std::string_view StepOutcomeName(StepOutcome outcome) {
  switch (outcome) {
    case StepOutcome::kApplied:
      return "applied";
    case StepOutcome::kSkipped:
      return "skipped";
    case StepOutcome::kNotApplicable:
      return "not_applicable";
    case StepOutcome::kExhausted:
      break;
  }
  return "exhausted";
}

RoutingDecision Route(const RoutingRequest& lead, std::span<const RoutingCandidate> candidates,
                      const RoutingRules& rules) {
  Routing routing(candidates);
  if (candidates.empty()) {
    RoutingDecision decision = routing.Take();
    decision.reason = "no candidates";
    return decision;
  }
  if (!lead.held_back.empty()) {
    routing.HoldBack(lead.held_back);
    return routing.Take();
  }
  const bool over = routing.Apply("availability", JudgeAvailability(routing.pool()), false) ||
                    routing.Apply("quota", JudgeQuota(routing.pool(), rules), false) ||
                    routing.Apply("daily_cap", JudgeDailyCap(routing.pool(), rules), false) || routing.WinAlone() ||
                    routing.Apply("finder", JudgeFinder(lead, routing.pool(), rules), true);
  if (over) return routing.Take();
  for (const Principle principle : rules.principles) {
    if (routing.Apply(PrincipleName(principle), JudgePrinciple(principle, lead, routing.pool(), rules), true)) {
      return routing.Take();
    }
  }
  routing.TieBreak();
  return routing.Take();
}

}  // namespace hub::leads
