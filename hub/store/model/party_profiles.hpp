// The stored parties as the matcher and the golden records read them: each party's own columns, its first
// source record, its main address, organization identifier, phones, e-mail and web site, and the golden
// record it points at — in a handful of statements for the whole store.
#ifndef HUB_STORE_MODEL_PARTY_PROFILES_HPP_
#define HUB_STORE_MODEL_PARTY_PROFILES_HPP_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// The party columns a golden record takes from its members (survivorship), in this order.
inline constexpr std::array<std::string_view, 12> kGoldenFields = {
    "name",  "name_latin", "short_name",     "family_name", "given_name", "birth_date",
    "grade", "tier",       "classification", "industry",    "region",     "country"};

// One party as stored. Texts are empty where the store holds null; `fields` follow kGoldenFields.
struct PartyProfile {
  std::int64_t id = 0;
  std::string kind;                                      // organization | person
  std::array<std::string, kGoldenFields.size()> fields;  // birth_date as YYYY-MM-DD
  std::int64_t updated_at_ms = 0;
  std::optional<std::int64_t> golden_party_id;
  std::string source_system;  // of its first source record (lowest source link id); empty when none
  std::string source_id;
  std::string street;  // of its primary address, else its first
  std::string locality;
  std::string postcode;
  std::string province;
  std::string organization_id;      // its uscc, else organization_code, business_registration, tax_number
  std::vector<std::string> phones;  // E.164 where known, else as written
  std::string email;                // its first, normalized
  std::string website;              // its first

  const std::string& Field(std::string_view name) const;
};

// Every party, in id order. Threads: as the connection, inside or outside a transaction. Errors: the driver's
// Status.
sdk::Result<std::vector<PartyProfile>> ReadPartyProfiles(odbc::Connection& connection);

// The parties of `ids` (those that exist), in id order, read alike in the same handful of statements: what
// matching a few parties on arrival reads. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<PartyProfile>> ReadPartyProfiles(odbc::Connection& connection,
                                                         const std::vector<std::int64_t>& ids);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_PARTY_PROFILES_HPP_
