#include "delivery/event_document.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "store/model/event_documents.hpp"

namespace hub::delivery {

sdk::Status AddEventDocument(odbc::Connection& connection, const OutboxEvent& event, sdk::OutboundEvent& outbound) {
  std::int64_t row_id = 0;
  const std::string& id = event.aggregate_id;
  auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), row_id);
  if (error != std::errc() || end != id.data() + id.size()) return sdk::Status::Ok();
  boost::system::error_code parse_error;
  boost::json::value payload = boost::json::parse(outbound.payload_json, parse_error);
  if (parse_error || !payload.is_object()) return sdk::Status::Ok();
  sdk::Result<boost::json::value> document =
      store_model::ReadEventDocument(connection, event.aggregate, row_id, payload.as_object());
  if (!document.ok()) return document.status();
  payload.as_object()["document"] = std::move(*document);
  outbound.payload_json = boost::json::serialize(payload);
  return sdk::Status::Ok();
}

}  // namespace hub::delivery
