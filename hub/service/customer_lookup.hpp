// Finding customers by what a caller knows of them — a phone number in any common form, an e-mail address,
// a tax or registration number, a name — for the screen pop (GET /api/v1/customers?phone=...).
#ifndef HUB_SERVICE_CUSTOMER_LOOKUP_HPP_
#define HUB_SERVICE_CUSTOMER_LOOKUP_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::service {

// What a look-up compares, each with the normal form the store writes (docs/DATA_MODEL.md, "Look-ups use
// normalized columns") and the indexed column holding it.
enum class LookupKey {
  kPhone,  // phones.e164, from model::ParsePhone with no country (China when the number has no calling code)
  kEmail,  // emails.address_normalized, from model::NormalizeEmail
  kTaxId,  // party_identifiers.value_normalized (any scheme), from model::NormalizeIdentifier
  kName,   // parties.name_normalized, exact, from model::NormalizeName
};

// A look-up: its key and the value in the normal form the store compares ("+8613800138000").
struct CustomerLookup {
  LookupKey key;
  std::string normalized;
};

// "phone", "email", "tax_id", "name": the query parameter naming `key`.
std::string_view LookupKeyName(LookupKey key);

// The look-up of `value` as written by the caller ("0086-138 0013 8000"), normalized by the store's own
// normalizer; a phone number with blanks before its first digit is read as starting with `+` (a query string
// turns a `+` sent unencoded into a space). Errors: InvalidArgument when the value has no normal form (a phone number
// no one could dial, with the normalizer's reason; an address, identifier or name that is blank once normalized).
// Thread-safe.
sdk::Result<CustomerLookup> NormalizeLookup(LookupKey key, std::string_view value);

// The party rows of the customers `lookup` matches — each matching party's golden record (the party it was
// merged into, one hop; ReadCustomer follows longer chains), once — ascending by id, at most `limit`, with the
// columns of customer_record.hpp's SelectCustomerParties: one statement, so that a card's party is not read
// again. Threads: as the connection. Errors: the driver's Status.
sdk::Result<odbc::RowSet> FindCustomers(odbc::Connection& connection, const CustomerLookup& lookup, std::size_t limit);

}  // namespace hub::service

#endif  // HUB_SERVICE_CUSTOMER_LOOKUP_HPP_
