// Whom the store's customer care greets: the persons with an e-mail address, with the customer they work at.
#ifndef HUB_STORE_MODEL_CARE_RECIPIENTS_HPP_
#define HUB_STORE_MODEL_CARE_RECIPIENTS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// A person to greet, with what a greeting shows of them. Text fields are empty when unknown.
struct CareRecipient {
  std::int64_t party_id = 0;  // the person's party
  std::string name, family_name, given_name;
  std::string email;                              // their primary e-mail address, else their first
  std::string birth_date;                         // "YYYY-MM-DD"
  std::optional<std::int64_t> customer_party_id;  // the organization they are a contact of
  std::string customer_name;
  std::string owner_name, owner_email;  // the account owner: the organization's, else the person's own
};

// Up to `limit` recipients whose party id is greater than `after_party_id`, in party id order; with
// `birth_month_days` ("MM-DD") given, only those born on one of them.
//
// A recipient is a golden person party (not merged, status not inactive) with at least one e-mail address
// that is not only a former contact: a person with contacts rows must have one that is active. Their customer
// is the organization (through its golden record) of their primary active contact row, else of their first.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<CareRecipient>> ReadCareRecipients(odbc::Connection& connection,
                                                           const std::vector<std::string>& birth_month_days,
                                                           std::int64_t after_party_id, std::size_t limit);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_CARE_RECIPIENTS_HPP_
