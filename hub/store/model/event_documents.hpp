// Event documents: a change event's record composed with what a receiving system needs beside it (an
// order with its lines and customer), read from the store when the event is delivered.
#ifndef HUB_STORE_MODEL_EVENT_DOCUMENTS_HPP_
#define HUB_STORE_MODEL_EVENT_DOCUMENTS_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// True when `entity` has an event document (ReadEventDocument composes one for it).
bool HasEventDocument(std::string_view entity);

// The entities with an event document, in name order (for messages).
std::vector<std::string> EventDocumentEntities();

// The document of row `row_id` of `entity` (an outbox event's aggregate and aggregate_id), read from what
// is committed now: every column of the row, and
//   - order: "lines" (order_lines by line_no), "partners" (order_partners: its roles — sold_to, ship_to, … —
//     each with the "party" it names, null while that party is not in the store), "party" and
//     "source_links";
//   - delivery: "lines" (each delivery line with the "order_line" it ships), "address" (null when none),
//     "order" (the order without its lines: its own lines are the delivery's), "party" (the ship-to, null
//     when none) and "source_links";
//   - invoice: "lines" (invoice_lines by line_no), "party", "order" (null when none) and "source_links";
//   - lead: "owner" (the employee row of owner_employee_id, with its email; null when none), "party" (null
//     when none) and "source_links";
//   - task: "assignee" (the employee row of assignee_employee_id; null when none), "party" and "source_links".
// Beside them, each employee the event's `payload` names in a member "<role>_employee_id" that the document does
// not hold as "<role>" already: their employees row (with its email; null when gone) as "<role>" — a
// lead.sla_missed's "missed_by" and "manager", whom a mail template addresses.
// A "party" is the customer the record names: its row, "identifiers", "addresses", "phones", "emails" and
// "source_links" (one per source system record it was built from: source_system, source_id, deleted_at). A
// record's "source_links" are its own. Column values as ValueToJson writes them.
// Null when the row is not in the store. Threads: as the connection; it reads only, in the caller's
// transaction if there is one. Errors: InvalidArgument for an entity without a document; the driver's Status.
sdk::Result<boost::json::value> ReadEventDocument(odbc::Connection& connection, std::string_view entity,
                                                  std::int64_t row_id, const boost::json::object& payload = {});

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_EVENT_DOCUMENTS_HPP_
