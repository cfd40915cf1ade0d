// The outbound form of an event whose subscriber asked for documents (<subscribe document="true">).
#ifndef HUB_DELIVERY_EVENT_DOCUMENT_HPP_
#define HUB_DELIVERY_EVENT_DOCUMENT_HPP_

#include "delivery/outbox_event.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::delivery {

// Puts the document of `event`'s aggregate (store_model::ReadEventDocument, read on `connection` from what
// is committed now) into `outbound`'s payload as its member "document" (null when the row is not in the
// store). A payload that is not a JSON object, or an aggregate id that is not a row id, is left as it is.
// Threads: as the connection. Errors: the store's Status; InvalidArgument for an entity without a document.
sdk::Status AddEventDocument(odbc::Connection& connection, const OutboxEvent& event, sdk::OutboundEvent& outbound);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_EVENT_DOCUMENT_HPP_
