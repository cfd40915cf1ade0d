// After-sales service: service requests (tickets).
#include "model/catalog_groups.hpp"

namespace hub::model::internal {
namespace {

using enum FieldType;

// Field(name, type, required, storage, description[, allowed values[, reference]])[.Default…]
constexpr FieldSpec kServiceRequest[] = {
    Field("ticket_number", kString, kRequired, Column("service_requests", "ticket_number"),
          "The ticket's number in its source."),
    Field("party_source_id", kString, kRequired, Column("service_requests", "party_id"), "The customer.", "",
          "party.source_id"),
    Field("contact_source_id", kString, kOptional, Column("service_requests", "contact_id"), "Who raised it.", "",
          "contact.source_id"),
    Field("order_source_id", kString, kOptional, Column("service_requests", "order_id"), "The order concerned.", "",
          "order.source_id"),
    Field("sku", kString, kOptional, Column("service_requests", "product_id"), "The product concerned.", "",
          "product.sku"),
    Field("channel", kString, kOptional, Column("service_requests", "channel"), "How it was raised.",
          "phone|email|web|visit|other"),
    Field("category", kString, kOptional, Column("service_requests", "category"),
          "Category code, e.g. repair, complaint."),
    Field("priority", kString, kOptional, Column("service_requests", "priority"), "Priority (default normal).",
          "low|normal|high|urgent")
        .Default("normal"),
    Field("status", kString, kOptional, Column("service_requests", "status"), "Status (default open).",
          "open|in_progress|waiting|resolved|closed")
        .Default("open"),
    Field("subject", kString, kRequired, Column("service_requests", "subject"), "Short description."),
    Field("description", kString, kOptional, Column("service_requests", "description"), "Full description."),
    Field("assignee_employee_number", kString, kOptional, Column("service_requests", "assignee_employee_id"),
          "The employee working on it.", "", "employee.employee_number"),
    Field("team_code", kString, kOptional, Column("service_requests", "team_id"), "The team responsible.", "",
          "team.code"),
    Field("satisfaction", kInt64, kOptional, Column("service_requests", "satisfaction"),
          "Customer rating 1-5 after closing."),
    Field("opened_at", kTimestamp, kRequired, Column("service_requests", "opened_at"), "When it was raised."),
    Field("first_response_at", kTimestamp, kOptional, Column("service_requests", "first_response_at"), "First answer."),
    Field("resolved_at", kTimestamp, kOptional, Column("service_requests", "resolved_at"), "When it was resolved."),
    Field("closed_at", kTimestamp, kOptional, Column("service_requests", "closed_at"), "When it was closed."),
};

constexpr EntitySpec kEntities[] = {
    {"service_request", "service_requests", "A customer's request for help: repair, complaint, question.",
     kServiceRequest, kNoNaturalKey, kHasUpdatedAt},
};

}  // namespace

std::span<const EntitySpec> ServiceEntities() { return kEntities; }

}  // namespace hub::model::internal
