// The leads as GET /api/v1/leads lists them: a page in id order, by review state (the sales director's queue of
// pending top-tier leads is ?review=pending).
#ifndef HUB_STORE_MODEL_LEAD_LISTING_HPP_
#define HUB_STORE_MODEL_LEAD_LISTING_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// Which leads to list: those in `review_state` (pending, approved, rejected; nullopt: any lead), of reviewer
// `reviewer` when set, with ids above `after`, at most `limit`.
struct LeadFilter {
  std::optional<std::string> review_state;
  std::optional<std::string> reviewer;
  std::int64_t after = 0;
  std::size_t limit = 100;
};

// One lead of the list, with its owner's number and name (empty when it has none).
struct LeadListing {
  std::int64_t id = 0;
  std::string company_name, contact_name, need, channel, stage;
  std::string tier, grade;
  sdk::Value score, estimated_amount, received_at;
  std::string currency, province, city;
  std::string review, review_state;
  std::string classification;  // leads.classification as stored (JSON text); empty when none
  std::optional<std::int64_t> owner_employee_id;
  std::string owner_employee_number, owner_name;
};

// The leads `filter` names, in id order. Reads only. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<LeadListing>> ListLeads(odbc::Connection& connection, const LeadFilter& filter);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_LISTING_HPP_
