#include "store/model/entity_behaviour.hpp"

#include <string_view>
#include <utility>
#include <vector>

#include "store/model/activity_attachments.hpp"
#include "store/model/activity_attribution.hpp"
#include "store/model/care_greetings.hpp"
#include "store/model/contact_person.hpp"
#include "store/model/employee_assignments.hpp"
#include "store/model/employee_handover.hpp"
#include "store/model/extension_chain.hpp"
#include "store/model/funnel_alerts.hpp"
#include "store/model/lead_classification.hpp"
#include "store/model/lead_intake_check.hpp"
#include "store/model/lead_review.hpp"
#include "store/model/lead_routing.hpp"
#include "store/model/lead_sla.hpp"
#include "store/model/stage_history.hpp"

namespace hub::store_model {
namespace {

// An employee's team, territories and specialities, then the handover of what they hold when HR reports them away.
std::unique_ptr<EntityExtension> MakeEmployeeExtensions(odbc::Connection& connection, References& references,
                                                        const odbc::OutboxTurn& turn, const WriteRules& rules) {
  static const SystemClock kClock;
  std::vector<std::unique_ptr<EntityExtension>> parts;
  parts.push_back(std::make_unique<EmployeeAssignments>(connection, references));
  parts.push_back(std::make_unique<EmployeeHandover>(connection, turn, rules.leads, kClock));
  return std::make_unique<ExtensionChain>(std::move(parts));
}

std::unique_ptr<EntityExtension> MakeContactPerson(odbc::Connection& connection, References&, const odbc::OutboxTurn&,
                                                   const WriteRules&) {
  return std::make_unique<ContactPerson>(connection);
}

// An activity's party and follow-ups, then its attachments.
std::unique_ptr<EntityExtension> MakeActivityExtensions(odbc::Connection& connection, References&,
                                                        const odbc::OutboxTurn& turn, const WriteRules& rules) {
  std::vector<std::unique_ptr<EntityExtension>> parts;
  parts.push_back(std::make_unique<ActivityAttribution>(connection, turn, rules));
  parts.push_back(std::make_unique<ActivityAttachments>(connection));
  return std::make_unique<ExtensionChain>(std::move(parts));
}

std::unique_ptr<EntityExtension> MakeOpportunityStages(odbc::Connection& connection, References&,
                                                       const odbc::OutboxTurn&, const WriteRules&) {
  return std::make_unique<StageHistory>(connection, kOpportunityStages);
}

// A new lead's conflict check, its classification (which reads the customer the check found), its routing (which
// reads the customer and the tier), then its funnel stages.
std::unique_ptr<EntityExtension> MakeLeadExtensions(odbc::Connection& connection, References&,
                                                    const odbc::OutboxTurn& turn, const WriteRules& rules) {
  std::vector<std::unique_ptr<EntityExtension>> parts;
  parts.push_back(std::make_unique<LeadIntakeCheck>(connection));
  parts.push_back(std::make_unique<LeadClassification>(connection, turn, rules.leads.classification));
  parts.push_back(std::make_unique<LeadRouting>(connection, turn, rules.leads, rules.staff_cache.get()));
  parts.push_back(std::make_unique<StageHistory>(connection, kLeadStages));
  return std::make_unique<ExtensionChain>(std::move(parts));
}

struct Registered {
  std::string_view entity;  // a catalog entity's name
  EntityBehaviour behaviour;
};

// Every entity not listed here is stored by the generic writer alone.
constexpr Registered kRegistry[] = {
    {"party", {WriterKind::kParty, nullptr}},
    {"employee", {WriterKind::kGeneric, &MakeEmployeeExtensions, {"status_changed", "status", "status_since"}}},
    {"contact", {WriterKind::kGeneric, &MakeContactPerson}},
    {"opportunity", {WriterKind::kGeneric, &MakeOpportunityStages}},
    {"lead", {WriterKind::kGeneric, &MakeLeadExtensions}},
    {"activity", {WriterKind::kGeneric, &MakeActivityExtensions}},
};

constexpr EntityBehaviour kGenericOnly;

// The rows the writers make of their own accord, with the changes recorded of them: no catalog entity.
constexpr std::pair<std::string_view, std::string_view> kDerivedAggregates[] = {
    {"task", "created"},  // a callback an activity owes (activity_follow_ups.hpp)
    {"task", "done"},     // settled by an answered call or a person (tasks.hpp)
    {"task", "cancelled"},
    {"lead_candidate", "created"},  // an unknown party's request
    {"intent", "created"},          // a product intent and its one follow-up (intents.hpp, intent_follow_up.hpp)
    {"intent", "suggested"},
    {"intent", "purchased"},
    {"intent", "invalid"},
    {kHandoverAggregate, kHandoverCreated},  // what a leaver handed over (leaver_handover.hpp)
    {kCareAggregate, kCareBirthday},         // a customer-care greeting (care_greetings.hpp)
    {kCareAggregate, kCareHoliday},
    // the funnel's alerts (funnel_alerts.hpp), one change per kind
    {kFunnelAlertAggregate, leads::AlertKindName(leads::AlertKind::kLeadStalled)},
    {kFunnelAlertAggregate, leads::AlertKindName(leads::AlertKind::kIntentsNotSigning)},
    {kFunnelAlertAggregate, leads::AlertKindName(leads::AlertKind::kHighAbandonment)},
    {kFunnelAlertAggregate, leads::AlertKindName(leads::AlertKind::kCycleTooLong)},
    {kFunnelAlertAggregate, leads::AlertKindName(leads::AlertKind::kOutsideSignings)},
    {kFunnelAlertAggregate, leads::AlertKindName(leads::AlertKind::kNoContact)},
};

// Changes of catalog entities that the engines over the store record beside the writers' own: a party's golden
// record, by the match job (golden_records.hpp); a lead's assignment to its owner (lead_assignments.hpp), and an
// owner's missed acceptance SLA (lead_sla.hpp), and a top-tier lead's review asked and decided (lead_review.hpp).
constexpr std::pair<std::string_view, std::string_view> kEngineChanges[] = {
    {"party", "golden_changed"},    {"lead", kLeadAssigned}, {"lead", kLeadSlaMissed},
    {"lead", kLeadReviewRequested}, {"lead", kLeadReviewed},
};

}  // namespace

const EntityBehaviour& BehaviourOf(const model::EntitySpec& entity) {
  for (const Registered& registered : kRegistry) {
    if (registered.entity == entity.name) return registered.behaviour;
  }
  return kGenericOnly;
}

std::vector<std::string> EventChangesOf(const model::EntitySpec& entity) {
  std::vector<std::string> changes = {"created", "updated", "deleted"};
  const ColumnChangeEvent& column_change = BehaviourOf(entity).column_change;
  if (!column_change.field.empty()) changes.emplace_back(column_change.change);
  return changes;
}

std::optional<std::vector<std::string>> EventChangesOfAggregate(std::string_view aggregate) {
  if (const model::EntitySpec* entity = model::FindEntity(aggregate)) {
    std::vector<std::string> changes = EventChangesOf(*entity);
    for (const auto& [name, change] : kEngineChanges) {
      if (name == aggregate) changes.emplace_back(change);
    }
    return changes;
  }
  std::vector<std::string> changes;
  for (const auto& [name, change] : kDerivedAggregates) {
    if (name == aggregate) changes.emplace_back(change);
  }
  if (changes.empty()) return std::nullopt;
  return changes;
}

}  // namespace hub::store_model
