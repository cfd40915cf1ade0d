#include "leads/funnel_alerts.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>

#include "common/time_format.hpp"

namespace hub::leads {
namespace {

constexpr double kMsPerDay = 86'400'000.0;
constexpr std::size_t kAbandoned = kFunnelStages.size() - 1;

double DaysBetween(std::int64_t from_ms, std::int64_t to_ms) {
  return static_cast<double>(to_ms - from_ms) / kMsPerDay;
}

std::string IsoOf(std::int64_t ms) { return FormatIsoUtc(TimePoint(std::chrono::milliseconds(ms))); }

std::optional<int> StepOf(std::size_t stage) {
  return stage < kFunnelStages.size() ? FunnelStep(kFunnelStages[stage]) : std::nullopt;
}

// The furthest step the lead reached, in its history or now; -1 for none.
int Furthest(const FunnelLead& lead) {
  int furthest = StepOf(lead.stage).value_or(-1);
  for (const StageEntry& entry : lead.history) furthest = std::max(furthest, StepOf(entry.stage).value_or(-1));
  return furthest;
}

bool EnteredSigned(const FunnelLead& lead) {
  return !lead.history.empty() && StepOf(lead.history.front().stage).value_or(-1) >= kSignedStep;
}

double Percent(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

FunnelAlert LeadAlert(AlertKind kind, const FunnelLead& lead, std::string period) {
  FunnelAlert alert;
  alert.kind = kind;
  alert.subject_type = "lead";
  alert.subject_id = lead.id;
  alert.subject = std::to_string(lead.id);
  alert.period = std::move(period);
  return alert;
}

FunnelAlert PersonAlert(AlertKind kind, const PersonFunnel& person, const std::string& month) {
  FunnelAlert alert;
  alert.kind = kind;
  alert.subject_type = "employee";
  alert.subject_id = person.employee_id;
  alert.subject = person.employee_number;
  alert.period = month;
  return alert;
}

// A lead in a stage up to signed for longer than its ideal dwell time there.
std::optional<FunnelAlert> Stalled(const FunnelLead& lead, const FunnelNorms& norms, std::int64_t now_ms) {
  const std::optional<int> step = StepOf(lead.stage);
  if (!step || *step > kSignedStep || !lead.entered_ms) return std::nullopt;
  const double days = DaysBetween(*lead.entered_ms, now_ms);
  const double ideal = norms.DwellFor(lead.grade, lead.industry)[static_cast<std::size_t>(*step)];
  if (days <= ideal) return std::nullopt;
  FunnelAlert alert =
      LeadAlert(AlertKind::kLeadStalled, lead, std::string(kFunnelStages[lead.stage]) + "@" + IsoOf(*lead.entered_ms));
  alert.figures = {{"days_in_stage", days}};
  alert.norm = "ideal_dwell_days";
  alert.norm_value = ideal;
  return alert;
}

// A lead that walked the funnel to signed more slowly than the ideal dwell times before signed together.
std::optional<FunnelAlert> CycleTooLong(const FunnelLead& lead, const FunnelNorms& norms) {
  if (lead.history.empty() || EnteredSigned(lead)) return std::nullopt;
  auto signed_entry = std::find_if(lead.history.begin(), lead.history.end(), [](const StageEntry& entry) {
    return StepOf(entry.stage).value_or(-1) >= kSignedStep;
  });
  if (signed_entry == lead.history.end()) return std::nullopt;
  const DwellDays& dwell = norms.DwellFor(lead.grade, lead.industry);
  const double ideal = std::accumulate(dwell.begin(), dwell.begin() + kSignedStep, 0.0);
  const double days = DaysBetween(lead.history.front().at_ms, signed_entry->at_ms);
  if (days <= ideal) return std::nullopt;
  FunnelAlert alert = LeadAlert(AlertKind::kCycleTooLong, lead, IsoOf(signed_entry->at_ms).substr(0, 10));
  alert.figures = {{"cycle_days", days}};
  alert.norm = "ideal_cycle_days";
  alert.norm_value = ideal;
  return alert;
}

// An owned lead before signed whose latest activity (or, without one, its arrival) is no_contact_days old.
std::optional<FunnelAlert> NoContact(const FunnelLead& lead, const FunnelNorms& norms, std::int64_t now_ms) {
  const std::optional<int> step = StepOf(lead.stage);
  if (!lead.owner_id || !step || *step > kIntentStep) return std::nullopt;
  const std::int64_t last = std::max(lead.contacted_ms.value_or(lead.created_ms), lead.created_ms);
  const double days = DaysBetween(last, now_ms);
  if (days < norms.no_contact_days) return std::nullopt;
  FunnelAlert alert = LeadAlert(AlertKind::kNoContact, lead, "since " + IsoOf(last));
  alert.figures = {{"days_without_contact", days}};
  alert.norm = "no_contact_days";
  alert.norm_value = norms.no_contact_days;
  return alert;
}

// A person's share: `part` of `whole` (figures named `part_name` of `whole_name`, and `percent_name`), judged
// against the norm `norm` of `norm_value` %.
struct Share {
  AlertKind kind;
  std::string_view whole_name, part_name, percent_name, norm;
  std::int64_t whole, part;
  int norm_value;
};

FunnelAlert ShareAlert(const Share& share, const PersonFunnel& person, const std::string& month) {
  FunnelAlert alert = PersonAlert(share.kind, person, month);
  alert.figures = {{std::string(share.whole_name), static_cast<double>(share.whole)},
                   {std::string(share.part_name), static_cast<double>(share.part)},
                   {std::string(share.percent_name), Percent(share.part, share.whole)}};
  alert.norm = std::string(share.norm);
  alert.norm_value = share.norm_value;
  return alert;
}

// Many intents (min_intents), fewer of them signed than the ideal move rate from intent/opportunity.
std::optional<FunnelAlert> IntentsNotSigning(const PersonFunnel& person, const FunnelNorms& norms,
                                             const std::string& month) {
  const Share share{
      AlertKind::kIntentsNotSigning, "intents",      "signings",      "signing_percent",
      "ideal_move_percent",          person.intents, person.signings, norms.ideal_move_percent[kIntentStep]};
  if (share.whole < norms.alerts.min_intents || share.part * 100 >= share.whole * share.norm_value) {
    return std::nullopt;
  }
  return ShareAlert(share, person, month);
}

// A share above its allowed percent, from `min_whole` on: abandoned of taken, outside signings of signings.
std::optional<FunnelAlert> ShareAbove(const Share& share, int min_whole, const PersonFunnel& person,
                                      const std::string& month) {
  if (share.whole < min_whole || share.part * 100 <= share.whole * share.norm_value) return std::nullopt;
  return ShareAlert(share, person, month);
}

std::optional<FunnelAlert> HighAbandonment(const PersonFunnel& person, const FunnelNorms& norms,
                                           const std::string& month) {
  return ShareAbove({AlertKind::kHighAbandonment, "taken", "abandoned", "abandon_percent", "max_abandon_percent",
                     person.taken, person.abandoned, norms.alerts.max_abandon_percent},
                    norms.alerts.min_taken, person, month);
}

std::optional<FunnelAlert> OutsideSignings(const PersonFunnel& person, const FunnelNorms& norms,
                                           const std::string& month) {
  return ShareAbove({AlertKind::kOutsideSignings, "signings", "outside_signings", "outside_percent",
                     "max_outside_percent", person.signings, person.outside_signings, norms.alerts.max_outside_percent},
                    norms.alerts.min_signings, person, month);
}

void Keep(std::optional<FunnelAlert> alert, std::vector<FunnelAlert>* alerts) {
  if (alert) alerts->push_back(std::move(*alert));
}

}  // namespace

std::optional<double> PersonFunnel::AbandonRatio() const {
  if (taken == 0) return std::nullopt;
  return static_cast<double>(abandoned) / static_cast<double>(taken);
}

std::vector<PersonFunnel> PersonFunnels(const std::vector<FunnelLead>& leads) {
  std::map<std::string, PersonFunnel> people;
  for (const FunnelLead& lead : leads) {
    if (!lead.owner_id) continue;
    PersonFunnel& person = people[lead.owner_number];
    person.employee_id = *lead.owner_id;
    person.employee_number = lead.owner_number;
    ++person.taken;
    const int furthest = Furthest(lead);
    if (furthest >= kIntentStep) ++person.intents;
    if (furthest >= kSignedStep) {
      ++person.signings;
      if (lead.found_by_owner || EnteredSigned(lead)) ++person.outside_signings;
    }
    if (lead.stage == kAbandoned) ++person.abandoned;
  }
  std::vector<PersonFunnel> funnels;
  for (auto& [number, person] : people) funnels.push_back(std::move(person));
  return funnels;
}

std::vector<FunnelAlert> EvaluateFunnelAlerts(const std::vector<FunnelLead>& leads, const FunnelNorms& norms,
                                              const Clock& clock) {
  const TimePoint now = clock.Now();
  const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::string month = FormatIsoUtc(now).substr(0, 7);
  const std::vector<PersonFunnel> people = PersonFunnels(leads);
  std::vector<FunnelAlert> alerts;
  for (const FunnelLead& lead : leads) Keep(Stalled(lead, norms, now_ms), &alerts);
  for (const PersonFunnel& person : people) Keep(IntentsNotSigning(person, norms, month), &alerts);
  for (const PersonFunnel& person : people) Keep(HighAbandonment(person, norms, month), &alerts);
  for (const FunnelLead& lead : leads) Keep(CycleTooLong(lead, norms), &alerts);
  for (const PersonFunnel& person : people) Keep(OutsideSignings(person, norms, month), &alerts);
  for (const FunnelLead& lead : leads) Keep(NoContact(lead, norms, now_ms), &alerts);
  return alerts;
}

}  // namespace hub::leads
