// Which party a touch point (a call, a mail) belongs to when its source names none: found by the other side's
// e-mail address, the domain it wrote from, or its phone number, among the parties' and their contacts'
// channels.
#ifndef HUB_STORE_MODEL_PARTY_ATTRIBUTION_HPP_
#define HUB_STORE_MODEL_PARTY_ATTRIBUTION_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// How an activity's party was found: activities.party_match.
enum class PartyMatch {
  kSource,     // the record named it (party_source_id)
  kEmail,      // by the other side's e-mail address
  kDomain,     // by the domain it wrote from
  kPhone,      // by its phone number
  kAmbiguous,  // the first key that found anything found several parties: none is linked
  kNone,       // no key found a party (or none was given)
};

// "source", "email", "domain", "phone", "ambiguous", "none".
std::string_view PartyMatchName(PartyMatch match);

// The keys of one touch point, each empty when not given, each in its normal form: the e-mail address
// lower-cased (NormalizeEmail), the registrable domain lower-cased ("huateng.cn"), the phone in E.164.
struct AttributionKeys {
  std::string email;
  std::string domain;
  std::string phone_e164;
};

// What AttributeParty found: the party (its golden record, for a merged one) when match is kEmail, kDomain
// or kPhone; none for kAmbiguous and kNone.
struct Attribution {
  std::optional<std::int64_t> party_id;
  PartyMatch match = PartyMatch::kNone;
};

// Looks the keys up in order — the e-mail among emails.address_normalized, the domain among the e-mail
// addresses' domains (the part after '@') and websites.host, the phone among phones.e164 — and stops at the
// first key that finds a party. A channel of a contact's person stands for the contact's organization; a
// merged party for its golden record. A key that finds more than one party is kAmbiguous: a switchboard
// number or a domain several customers share says nothing about which one called. Reads only, on
// `connection` (inside the caller's transaction, if any). Threads: as the connection. Errors: the driver's
// Status.
sdk::Result<Attribution> AttributeParty(odbc::Connection& connection, const AttributionKeys& keys);

// The customers the channel rows `owners` selects ("SELECT party_id FROM phones WHERE e164 = ?", a query of a
// party_id column): each party's golden record, or the party itself, a contact's person standing for the
// contact's organization; at most 50 parties read, enough to know a key finds several. Reads only.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::set<std::int64_t>> CustomersOwning(odbc::Connection& connection, std::string_view owners,
                                                    const std::vector<sdk::Value>& params);

// The channel rows of a domain (a registrable domain or a web site's host), as CustomersOwning's `owners`: the
// e-mail addresses at it (the expression of the index ix_emails_domain, migration 16, so that the look-up uses
// it) and the web sites on it. Two parameters, both the domain.
inline constexpr std::string_view kDomainOwners =
    "SELECT party_id FROM emails WHERE substr(address_normalized, {{strpos}}(address_normalized, '@') + 1) = ? "
    "UNION SELECT party_id FROM websites WHERE host = ?";

// One of CustomersOwningEach's look-ups: `owners` as for CustomersOwning, each of its `placeholders` parameters
// bound to `value`.
struct OwnerLookup {
  std::string_view owners;
  sdk::Value value;
  std::size_t placeholders = 1;
};

// CustomersOwning of each of `lookups` in one statement (a round trip instead of one each): the customers of
// lookups[i] at [i]. Reads only. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<std::set<std::int64_t>>> CustomersOwningEach(odbc::Connection& connection,
                                                                     const std::vector<OwnerLookup>& lookups);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_PARTY_ATTRIBUTION_HPP_
