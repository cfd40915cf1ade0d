// The funnel's alerts: what in the leads' funnel breaks its norms (FunnelNorms) as of the clock's now, each
// naming its subject, its figures and the norm it breaks. A pure evaluator over the leads' funnel facts; the
// store reads the facts and records the alerts raised (store_model/funnel_alerts.hpp).
#ifndef HUB_LEADS_FUNNEL_ALERTS_HPP_
#define HUB_LEADS_FUNNEL_ALERTS_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "leads/funnel_norms.hpp"

namespace hub::leads {

// One row of a lead's stage history: it entered kFunnelStages[stage] at `at_ms` (Unix ms).
struct StageEntry {
  std::size_t stage = 0;
  std::int64_t at_ms = 0;
};

// What the funnel knows of one lead.
struct FunnelLead {
  std::int64_t id = 0;
  std::size_t stage = 0;                     // index in kFunnelStages
  std::optional<std::int64_t> entered_ms;    // when it entered `stage`
  std::int64_t created_ms = 0;               // when the store received it
  std::string grade, industry;               // empty when unknown
  std::optional<std::int64_t> owner_id;      // its owner's employee id
  std::string owner_number;                  // and employee number; empty without an owner
  bool found_by_owner = false;               // found by a salesperson outside the funnel (found_by set)
  std::optional<std::int64_t> contacted_ms;  // its latest activity, on the lead or on its party
  std::vector<StageEntry> history;           // by time
};

// One person's funnel: of the leads they own, how many they took, brought to an intent, signed (and how many of
// those signings came from outside the funnel) and abandoned.
struct PersonFunnel {
  std::int64_t employee_id = 0;
  std::string employee_number;
  std::int64_t taken = 0;     // leads owned, in any stage
  std::int64_t intents = 0;   // of those, the leads that reached intent/opportunity
  std::int64_t signings = 0;  // that reached signed
  // Signings from outside the funnel: leads found by a salesperson (found_by set), or whose first stage history
  // row is already signed or implemented (they entered the funnel signed).
  std::int64_t outside_signings = 0;
  std::int64_t abandoned = 0;  // in abandoned now
  // abandoned / taken; nullopt when nothing was taken.
  std::optional<double> AbandonRatio() const;
};

// The funnel facts of every owner in `leads`, by employee number. Pure function.
std::vector<PersonFunnel> PersonFunnels(const std::vector<FunnelLead>& leads);

enum class AlertKind {
  kLeadStalled,        // a lead in a stage longer than its ideal dwell time (for its grade and industry)
  kIntentsNotSigning,  // a person with many intents and fewer signings than the ideal move rate
  kHighAbandonment,    // a person who abandoned more than the allowed share of the leads taken
  kCycleTooLong,       // a signed lead whose path to signed took longer than the ideal dwell times together
  kOutsideSignings,    // a person whose signings come mostly from outside the funnel
  kNoContact,          // an owned open lead without an activity for no_contact_days
};

// "lead_stalled", "intents_not_signing", "high_abandonment", "cycle_too_long", "outside_signings",
// "no_contact": the alert's event change (funnel_alert.<name>) and the kind in GET /api/v1/funnel.
constexpr std::string_view AlertKindName(AlertKind kind) {
  switch (kind) {
    case AlertKind::kLeadStalled:
      return "lead_stalled";
    case AlertKind::kIntentsNotSigning:
      return "intents_not_signing";
    case AlertKind::kHighAbandonment:
      return "high_abandonment";
    case AlertKind::kCycleTooLong:
      return "cycle_too_long";
    case AlertKind::kOutsideSignings:
      return "outside_signings";
    case AlertKind::kNoContact:
      break;
  }
  return "no_contact";
}

// Every kind, in the order above.
inline constexpr AlertKind kAlertKinds[] = {AlertKind::kLeadStalled,     AlertKind::kIntentsNotSigning,
                                            AlertKind::kHighAbandonment, AlertKind::kCycleTooLong,
                                            AlertKind::kOutsideSignings, AlertKind::kNoContact};

// One figure of an alert ("days_in_stage": 7.5).
struct AlertFigure {
  std::string name;
  double value = 0;
};

// One alert. The same (kind, subject, period) is the same alert: it is raised once.
struct FunnelAlert {
  AlertKind kind = AlertKind::kLeadStalled;
  std::string subject_type;     // "lead" or "employee"
  std::int64_t subject_id = 0;  // the lead's id or the employee's id
  std::string subject;          // the lead's id as text, or the employee number
  // What a repeat would share: a stay ("contacted@2026-11-04T00:00:00Z"), a silent spell (its last contact), a
  // signing (its day), or for a person's alerts the month of now ("2026-11").
  std::string period;
  std::vector<AlertFigure> figures;
  std::string norm;  // the norm broken ("ideal_dwell_days", "max_abandon_percent" …)
  double norm_value = 0;
};

// The alerts of `leads` as of `clock`'s now: by kind (kAlertKinds' order), then as the leads come (lead
// alerts) or by employee number (person alerts). Pure function of its arguments and the clock's reading.
std::vector<FunnelAlert> EvaluateFunnelAlerts(const std::vector<FunnelLead>& leads, const FunnelNorms& norms,
                                              const Clock& clock);

}  // namespace hub::leads

#endif  // HUB_LEADS_FUNNEL_ALERTS_HPP_
