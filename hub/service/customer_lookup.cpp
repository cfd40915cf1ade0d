#include "service/customer_lookup.hpp"

#include <string>
#include <utility>

#include "model/identifier.hpp"
#include "model/normalize.hpp"
#include "model/phone_number.hpp"
#include "service/customer_record.hpp"
#include "store/odbc/cached_query.hpp"

namespace hub::service {
namespace {

using sdk::Value;

// The parties `lookup` matches, as "<table> x JOIN parties m ... WHERE <indexed column> = ?".
std::string_view MatchingParties(LookupKey key) {
  switch (key) {
    case LookupKey::kPhone:
      return "phones x JOIN parties m ON m.id = x.party_id WHERE x.e164 = ?";
    case LookupKey::kEmail:
      return "emails x JOIN parties m ON m.id = x.party_id WHERE x.address_normalized = ?";
    case LookupKey::kTaxId:
      return "party_identifiers x JOIN parties m ON m.id = x.party_id WHERE x.value_normalized = ?";
    case LookupKey::kName:
      break;
  }
  return "parties m WHERE m.name_normalized = ?";
}

sdk::Result<CustomerLookup> Blank(LookupKey key, std::string_view value) {
  return sdk::Status::InvalidArgument(std::string(LookupKeyName(key)) + " '" + std::string(value) +
                                      "' is blank once normalized");
}

// A query string decodes a `+` sent as itself to a space, so "+1 617 555 0142" arrives as " 1 617 555 0142":
// a number that starts with a space before its first digit had its plus sign there. Nobody dials a space.
std::string PlusRestored(std::string_view value) {
  const std::size_t first = value.find_first_not_of(' ');
  if (first == 0 || first == std::string_view::npos || value[first] < '0' || value[first] > '9') {
    return std::string(value);
  }
  return "+" + std::string(value.substr(first));
}

}  // namespace

std::string_view LookupKeyName(LookupKey key) {
  switch (key) {
    case LookupKey::kPhone:
      return "phone";
    case LookupKey::kEmail:
      return "email";
    case LookupKey::kTaxId:
      return "tax_id";
    case LookupKey::kName:
      break;
  }
  return "name";
}

sdk::Result<CustomerLookup> NormalizeLookup(LookupKey key, std::string_view value) {
  std::string normalized;
  switch (key) {
    case LookupKey::kPhone: {
      sdk::Result<model::PhoneNumber> number = model::ParsePhone(PlusRestored(value), "");
      if (!number.ok()) {
        return sdk::Status::InvalidArgument("phone '" + std::string(value) +
                                            "' is not a number anyone could dial: " + number.status().message());
      }
      normalized = std::move(number->e164);
      break;
    }
    case LookupKey::kEmail:
      normalized = model::NormalizeEmail(value);
      break;
    case LookupKey::kTaxId:
      normalized = model::NormalizeIdentifier(value);
      break;
    case LookupKey::kName:
      normalized = model::NormalizeName(value);
      break;
  }
  if (normalized.empty()) return Blank(key, value);
  return CustomerLookup{key, std::move(normalized)};
}

sdk::Result<odbc::RowSet> FindCustomers(odbc::Connection& connection, const CustomerLookup& lookup, std::size_t limit) {
  // Both engines read the matches from their index first and the parties by primary key, in the IN list's order
  // (SQLite needs no sort then, PostgreSQL sorts the few rows).
  const std::string sql = SelectCustomerParties("parties p") +
                          " WHERE p.id IN (SELECT COALESCE(m.golden_party_id, m.id) FROM " +
                          std::string(MatchingParties(lookup.key)) + ") ORDER BY p.id LIMIT " + std::to_string(limit);
  return odbc::QueryCached(connection, sql, {Value::String(lookup.normalized)});
}

}  // namespace hub::service
