#include "golden/party_match_record.hpp"

#include <algorithm>

namespace hub::golden {

matching::MatchRecord MatchRecordOf(const store_model::PartyProfile& party) {
  matching::MatchRecord record;
  record.source = party.source_system;
  record.id = party.source_id.empty() ? std::to_string(party.id) : party.source_id;
  const std::string& given = party.Field("given_name");
  const std::string& family = party.Field("family_name");
  if (party.kind == "person" && !(given.empty() && family.empty())) {
    record.given_name = given;
    record.family_name = family;
  } else {
    record.name = party.Field("name");
  }
  record.street = party.street;
  record.locality = party.locality;
  record.postcode = party.postcode;
  record.region = party.province;
  record.organization_id = party.organization_id;
  record.phones = party.phones;
  if (const std::string& country = party.Field("country"); country != "CN") record.phone_country = country;
  record.email = party.email;
  record.website = party.website;
  record.date_of_birth = party.Field("birth_date");
  std::erase(record.date_of_birth, '-');
  return record;
}

}  // namespace hub::golden
