#include "store/model/lead_routing_request.hpp"

#include <string>
#include <utility>
#include <vector>

#include "store/model/lead_cooling.hpp"
#include "store/model/routing_candidates.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_number.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {

namespace {

// Fills what `lead` leaves empty from its known customer `party_id` (ReadCustomerPlace): its industry, and its
// country, province and city when the lead names neither province nor city.
sdk::Status InheritCustomerPlace(odbc::Connection& connection, std::int64_t party_id, leads::RoutingRequest& lead) {
  const bool gives_place = !lead.province.empty() || !lead.city.empty();
  if (!lead.industry.empty() && gives_place) return sdk::Status::Ok();
  sdk::Result<CustomerPlace> customer = ReadCustomerPlace(connection, party_id);
  if (!customer.ok()) return customer.status();
  if (lead.industry.empty()) lead.industry = customer->industry;
  // The place as a whole: a lead's own city beside its customer's province could name two places.
  if (!gives_place) {
    lead.country = customer->country;
    lead.province = customer->province;
    lead.city = customer->city;
  }
  return sdk::Status::Ok();
}

}  // namespace

sdk::Status AddCustomerHistory(odbc::Connection& connection, std::int64_t party_id, TimePoint now, int cooling_days,
                               leads::RoutingRequest& lead) {
  sdk::Result<std::vector<std::int64_t>> familiar = ReadFamiliarStaff(connection, party_id);
  if (!familiar.ok()) return familiar.status();
  lead.familiar = std::move(familiar).value();
  HUB_RETURN_IF_ERROR(InheritCustomerPlace(connection, party_id, lead));
  sdk::Result<bool> cooling = InCoolingPeriod(connection, party_id, now, cooling_days);
  if (!cooling.ok()) return cooling.status();
  if (*cooling) {
    lead.held_back = "its customer's lead was abandoned within cooling_days " + std::to_string(cooling_days);
  }
  return sdk::Status::Ok();
}

sdk::Result<std::optional<leads::RoutingRequest>> ReadStoredRoutingRequest(odbc::Connection& connection,
                                                                           std::int64_t lead_id, TimePoint now,
                                                                           int cooling_days) {
  sdk::Result<std::vector<odbc::Row>> rows =
      QueryStoreRows(connection,
                     "SELECT industry, business_function, province, city, estimated_amount, tier, "
                     "found_by_employee_id, party_id FROM leads WHERE id = ?",
                     {sdk::Value::Int64(lead_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<leads::RoutingRequest>();
  const odbc::Row& row = rows->front();
  leads::RoutingRequest lead;
  lead.industry = TextOrEmpty(row[0]);
  lead.business_function = TextOrEmpty(row[1]);
  lead.province = TextOrEmpty(row[2]);
  lead.city = TextOrEmpty(row[3]);
  lead.estimated_amount = NumberOf(row[4]);
  lead.premium = TextOrEmpty(row[5]) == "top";
  lead.found_by = OptionalId(row[6]);
  if (const std::optional<std::int64_t> party = OptionalId(row[7])) {
    HUB_RETURN_IF_ERROR(AddCustomerHistory(connection, *party, now, cooling_days, lead));
  }
  return std::optional<leads::RoutingRequest>(std::move(lead));
}

}  // namespace hub::store_model
