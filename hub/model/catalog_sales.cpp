// Selling: leads, opportunities (whose stage changes build the stage history) and activities.
#include "model/catalog_groups.hpp"

namespace hub::model::internal {
namespace {

using enum FieldType;

// Field(name, type, required, storage, description[, allowed values[, reference]])[.Default…]
constexpr FieldSpec kLead[] = {
    Field("company_name", kString, kOptional, Column("leads", "company_name"), "The company the lead is about."),
    Field("contact_name", kString, kOptional, Column("leads", "contact_name"), "The person who asked."),
    Field("phone", kString, kOptional, Column("leads", "phone").Derived(DerivedForm::kE164Phone, "phone_e164"),
          "Phone in any common form."),
    Field("email", kString, kOptional,
          Column("leads", "email").Derived(DerivedForm::kNormalizedEmail, "email_normalized"), "E-mail address."),
    Field("province", kString, kOptional, Column("leads", "province"), "Province, for routing."),
    Field("city", kString, kOptional, Column("leads", "city"), "City, for routing."),
    Field("industry", kString, kOptional, Column("leads", "industry"), "Industry, for routing."),
    Field("channel", kString, kOptional, Column("leads", "channel"), "Where the lead came from.",
          "web|phone|email|trade_show|referral|partner|other"),
    Field("campaign", kString, kOptional, Column("leads", "campaign"), "Marketing campaign code."),
    Field("status", kString, kOptional, Column("leads", "status"), "Lead status (default new).",
          "new|contacted|qualified|disqualified|converted")
        .Default("new"),
    Field("owner_employee_number", kString, kOptional, Column("leads", "owner_employee_id"),
          "The owner, when the source assigned one.", "", "employee.employee_number"),
    Field("received_at", kTimestamp, kOptional, Column("leads", "received_at"),
          "When the lead arrived (default: when stored).")
        .DefaultWhenStored(),
    Field("details", kString, kOptional, Column("leads", "details").Json(), "Anything else, as a JSON object."),
    Field("mobile", kString, kOptional, Column("leads", "mobile").Derived(DerivedForm::kE164Phone, "mobile_e164"),
          "The contact's mobile, in any common form."),
    Field("tax_id", kString, kOptional,
          Column("leads", "tax_id").Derived(DerivedForm::kNormalizedIdentifier, "tax_id_normalized"),
          "The company's tax id: an 18-character unified social credit code, a VAT number, …"),
    Field("website", kString, kOptional, Column("leads", "website").Derived(DerivedForm::kWebsiteHost, "website_host"),
          "The company's web site."),
    Field("address", kString, kOptional, Column("leads", "address"), "The company's address, as one text."),
    Field("region", kString, kOptional, Column("leads", "region"), "Sales region, for routing."),
    Field("function", kString, kOptional, Column("leads", "business_function"),
          "The business function the need is in (purchasing, IT, production …), for routing."),
    Field("need", kString, kOptional, Column("leads", "need"), "What the lead asks for, in its own words."),
    Field("products", kString, kOptional, Column("leads", "products"),
          "The products of interest, as a JSON array of text."),
    Field("estimated_amount", kDecimal, kOptional, Column("leads", "estimated_amount"), "Expected revenue."),
    Field("currency", kString, kOptional, Column("leads", "currency"), "ISO 4217 currency of the amount."),
    Field("stage", kString, kOptional, Column("leads", "stage"),
          "The funnel stage (default resource); a change adds a row to lead_stage_history.",
          "resource|graded|contacted|lead|intent|opportunity|signed|implemented|abandoned")
        .Default("resource"),
    Field("stage_changed_at", kTimestamp, kOptional, Column("lead_stage_history", "changed_at"),
          "When the current stage was entered (default: when the change is stored).")
        .DefaultWhenStored(),
    Field("found_by_employee_number", kString, kOptional, Column("leads", "found_by_employee_id"),
          "The salesperson who found the lead outside the funnel (it goes to its finder).", "",
          "employee.employee_number"),
};

constexpr FieldSpec kOpportunity[] = {
    Field("party_source_id", kString, kRequired, Column("opportunities", "party_id"), "The customer.", "",
          "party.source_id"),
    Field("lead_source_id", kString, kOptional, Column("opportunities", "lead_id"), "The lead it came from.", "",
          "lead.source_id"),
    Field("name", kString, kRequired, Column("opportunities", "name"), "What is being sold."),
    Field("stage", kString, kRequired, Column("opportunities", "stage"),
          "The sales stage as the source names it; a change adds a row to opportunity_stage_history."),
    Field("status", kString, kOptional, Column("opportunities", "status"), "Open, or how it ended (default open).",
          "open|won|lost")
        .Default("open"),
    Field("probability", kDecimal, kOptional, Column("opportunities", "probability"), "Chance of winning, 0 to 1."),
    Field("amount", kDecimal, kOptional, Column("opportunities", "amount"), "Expected revenue."),
    Field("currency", kString, kOptional, Column("opportunities", "currency"), "ISO 4217 currency of the amount."),
    Field("expected_close_on", kDate, kOptional, Column("opportunities", "expected_close_on"),
          "Expected closing date."),
    Field("owner_employee_number", kString, kOptional, Column("opportunities", "owner_employee_id"), "The owner.", "",
          "employee.employee_number"),
    Field("lost_reason", kString, kOptional, Column("opportunities", "lost_reason"), "Why it was lost."),
    Field("stage_changed_at", kTimestamp, kOptional, Column("opportunity_stage_history", "changed_at"),
          "When the current stage was entered (default: when the change is stored).")
        .DefaultWhenStored(),
    Field("closed_at", kTimestamp, kOptional, Column("opportunities", "closed_at"), "When it was won or lost."),
};

constexpr FieldSpec kActivity[] = {
    Field("kind", kString, kRequired, Column("activities", "kind"), "What happened.",
          "call|email|visit|meeting|task|note"),
    Field("direction", kString, kOptional, Column("activities", "direction"), "Who started it.", "inbound|outbound"),
    Field("subject", kString, kOptional, Column("activities", "subject"), "Subject line or title."),
    Field("summary", kString, kOptional, Column("activities", "summary"), "What was said or done."),
    Field("party_source_id", kString, kOptional, Column("activities", "party_id"),
          "The customer; without it the store links the activity by its email, web_domain, then phone.", "",
          "party.source_id"),
    Field("contact_source_id", kString, kOptional, Column("activities", "contact_id"), "The contact.", "",
          "contact.source_id"),
    Field("lead_source_id", kString, kOptional, Column("activities", "lead_id"), "The lead.", "", "lead.source_id"),
    Field("opportunity_source_id", kString, kOptional, Column("activities", "opportunity_id"), "The opportunity.", "",
          "opportunity.source_id"),
    Field("employee_number", kString, kOptional, Column("activities", "employee_id"), "Our employee involved.", "",
          "employee.employee_number"),
    Field("occurred_at", kTimestamp, kRequired, Column("activities", "occurred_at"), "When it happened."),
    Field("duration_seconds", kInt64, kOptional, Column("activities", "duration_seconds"), "How long it took."),
    Field("outcome", kString, kOptional, Column("activities", "outcome"),
          "Result code, e.g. answered, no_answer, meeting_set."),
    Field("phone", kString, kOptional, Column("activities", "phone").Derived(DerivedForm::kE164Phone, "phone_e164"),
          "The other side's phone number, in any common form: a call's customer (caller or callee)."),
    Field("agent_extension", kString, kOptional, Column("activities", "agent_extension"),
          "Our agent's telephone extension on a call, e.g. 301."),
    Field("email", kString, kOptional,
          Column("activities", "email").Derived(DerivedForm::kNormalizedEmail, "email_normalized"),
          "The other side's e-mail address: a mail's sender (or recipient, for one we sent)."),
    Field("web_domain", kString, kOptional, Column("activities", "web_domain"),
          "The other side's registrable domain (huateng.cn), as the connector read it; none for free-mail."),
    Field("need", kString, kOptional, Column("activities", "need"),
          "A need the activity recorded: a call's note, a mail asking for a quote; from an unknown party it "
          "makes a lead candidate."),
    Field("contact_name", kString, kOptional, Column("activities", "contact_name"),
          "The other side's person, as the source named them."),
    Field("company_name", kString, kOptional, Column("activities", "company_name"),
          "The other side's company, as the source named it."),
    Field("attachments", kString, kOptional, Rows("activity_attachments"),
          "The files it carried (a mail's attachments), as a JSON array of {name, content_type, size, sha256, "
          "content_id, inline}: one row each."),
};

constexpr EntitySpec kEntities[] = {
    {"lead", "leads", "An expression of interest not yet qualified.", kLead, kNoNaturalKey, kHasUpdatedAt},
    {"opportunity", "opportunities", "A qualified chance to sell, moving through stages.", kOpportunity, kNoNaturalKey,
     kHasUpdatedAt},
    {"activity", "activities", "A call, mail, visit or other touch point with a customer.", kActivity, kNoNaturalKey,
     kNoUpdatedAt},
};

}  // namespace

std::span<const EntitySpec> SalesEntities() { return kEntities; }

}  // namespace hub::model::internal
