// Selling: leads, opportunities (whose stage changes build the stage history) and activities.
#include "model/catalog_groups.hpp"

namespace hub::model::internal {
namespace {

using enum FieldType;

// Field(name, type, required, stored in, description[, allowed values[, reference]])
constexpr FieldSpec kLead[] = {
    Field("company_name", kString, kOptional, "leads.company_name", "The company the lead is about."),
    Field("contact_name", kString, kOptional, "leads.contact_name", "The person who asked."),
    Field("phone", kString, kOptional, "leads.phone", "Phone in any common form."),
    Field("email", kString, kOptional, "leads.email", "E-mail address."),
    Field("province", kString, kOptional, "leads.province", "Province, for routing."),
    Field("city", kString, kOptional, "leads.city", "City, for routing."),
    Field("industry", kString, kOptional, "leads.industry", "Industry, for routing."),
    Field("channel", kString, kOptional, "leads.channel", "Where the lead came from.",
          "web|phone|email|trade_show|referral|partner|other"),
    Field("campaign", kString, kOptional, "leads.campaign", "Marketing campaign code."),
    Field("status", kString, kOptional, "leads.status", "Lead status (default new).",
          "new|contacted|qualified|disqualified|converted"),
    Field("owner_employee_number", kString, kOptional, "leads.owner_employee_id",
          "The owner, when the source assigned one.", "", "employee.employee_number"),
    Field("received_at", kTimestamp, kOptional, "leads.received_at", "When the lead arrived (default: when stored)."),
    Field("details", kString, kOptional, "leads.details", "Anything else, as a JSON object."),
};

constexpr FieldSpec kOpportunity[] = {
    Field("party_source_id", kString, kRequired, "opportunities.party_id", "The customer.", "", "party.source_id"),
    Field("lead_source_id", kString, kOptional, "opportunities.lead_id", "The lead it came from.", "",
          "lead.source_id"),
    Field("name", kString, kRequired, "opportunities.name", "What is being sold."),
    Field("stage", kString, kRequired, "opportunities.stage",
          "The sales stage as the source names it; a change adds a row to opportunity_stage_history."),
    Field("status", kString, kOptional, "opportunities.status", "Open, or how it ended (default open).",
          "open|won|lost"),
    Field("probability", kDecimal, kOptional, "opportunities.probability", "Chance of winning, 0 to 1."),
    Field("amount", kDecimal, kOptional, "opportunities.amount", "Expected revenue."),
    Field("currency", kString, kOptional, "opportunities.currency", "ISO 4217 currency of the amount."),
    Field("expected_close_on", kDate, kOptional, "opportunities.expected_close_on", "Expected closing date."),
    Field("owner_employee_number", kString, kOptional, "opportunities.owner_employee_id", "The owner.", "",
          "employee.employee_number"),
    Field("lost_reason", kString, kOptional, "opportunities.lost_reason", "Why it was lost."),
    Field("stage_changed_at", kTimestamp, kOptional, "opportunity_stage_history.changed_at",
          "When the current stage was entered (default: when the change is stored)."),
    Field("closed_at", kTimestamp, kOptional, "opportunities.closed_at", "When it was won or lost."),
};

constexpr FieldSpec kActivity[] = {
    Field("kind", kString, kRequired, "activities.kind", "What happened.", "call|email|visit|meeting|task|note"),
    Field("direction", kString, kOptional, "activities.direction", "Who started it.", "inbound|outbound"),
    Field("subject", kString, kOptional, "activities.subject", "Subject line or title."),
    Field("summary", kString, kOptional, "activities.summary", "What was said or done."),
    Field("party_source_id", kString, kOptional, "activities.party_id", "The customer.", "", "party.source_id"),
    Field("contact_source_id", kString, kOptional, "activities.contact_id", "The contact.", "", "contact.source_id"),
    Field("lead_source_id", kString, kOptional, "activities.lead_id", "The lead.", "", "lead.source_id"),
    Field("opportunity_source_id", kString, kOptional, "activities.opportunity_id", "The opportunity.", "",
          "opportunity.source_id"),
    Field("employee_number", kString, kOptional, "activities.employee_id", "Our employee involved.", "",
          "employee.employee_number"),
    Field("occurred_at", kTimestamp, kRequired, "activities.occurred_at", "When it happened."),
    Field("duration_seconds", kInt64, kOptional, "activities.duration_seconds", "How long it took."),
    Field("outcome", kString, kOptional, "activities.outcome", "Result code, e.g. answered, no_answer, meeting_set."),
};

constexpr EntitySpec kEntities[] = {
    {"lead", "leads", "An expression of interest not yet qualified.", kLead},
    {"opportunity", "opportunities", "A qualified chance to sell, moving through stages.", kOpportunity},
    {"activity", "activities", "A call, mail, visit or other touch point with a customer.", kActivity},
};

}  // namespace

std::span<const EntitySpec> SalesEntities() { return kEntities; }

}  // namespace hub::model::internal
