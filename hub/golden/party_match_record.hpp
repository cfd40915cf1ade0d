// A stored party as the matcher compares it.
#ifndef HUB_GOLDEN_PARTY_MATCH_RECORD_HPP_
#define HUB_GOLDEN_PARTY_MATCH_RECORD_HPP_

#include "matching/match_record.hpp"
#include "store/model/party_profiles.hpp"

namespace hub::golden {

// `party` as a MatchRecord: source and id of its first source record (the party id when it has none), an
// organization's name (a person's given and family name, or the whole name when the store has no parts), the
// main address (street, district or city, postcode, province), the organization identifier, the phones (their
// country the party's when it is not China), the first e-mail and web site, and the date of birth.
// Pure function.
matching::MatchRecord MatchRecordOf(const store_model::PartyProfile& party);

}  // namespace hub::golden

#endif  // HUB_GOLDEN_PARTY_MATCH_RECORD_HPP_
