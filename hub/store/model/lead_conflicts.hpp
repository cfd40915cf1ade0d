// The conflict check of a lead at intake: does it belong to a customer we already have (in any department's
// records: finance, supply chain, the call center …), to several, or to none, and is it a lead already open?
// Exact keys in their normal forms, looked up in the store's indexes; the fuzzy comparison of names and
// addresses through the matcher is the next step (hub/matching).
#ifndef HUB_STORE_MODEL_LEAD_CONFLICTS_HPP_
#define HUB_STORE_MODEL_LEAD_CONFLICTS_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// A lead's keys in the store's normal forms (each empty when not given): the tax id as party_identifiers
// keeps it, phone and mobile in E.164, the e-mail address normalized, the web site's host, the company name
// normalized (model::NormalizeName).
struct LeadKeys {
  std::string tax_id;
  std::string phone;
  std::string mobile;
  std::string email;
  std::string website;
  std::string name;
};

// What the check decided.
enum class ConflictDecision {
  kNew,            // no key found a customer: a new one
  kKnownCustomer,  // the telling keys found one customer and nothing contradicts it: "old customer, new need"
  kReview,         // uncertain (the keys found different customers, only the name agreed, or the tax id
                   // differs from the customer's): a person decides
};

// "new", "known_customer", "review".
std::string_view ConflictDecisionName(ConflictDecision decision);

// One key looked up: the field ("tax_id", "phone", "mobile", "email", "website", "name"), its normal form,
// the customers (golden records) it found, and whether it was ignored as not telling (it found more than
// LeadConflictRules::max_customers_per_key: a switchboard number, a shared domain, a common name).
struct ConflictKey {
  std::string field;
  std::string value;
  std::vector<std::int64_t> customers;
  bool ignored = false;
};

struct LeadConflict {
  ConflictDecision decision = ConflictDecision::kNew;
  std::optional<std::int64_t> party_id;              // kKnownCustomer: the customer
  std::vector<std::int64_t> candidates;              // kReview: the customers a person chooses among
  std::optional<std::int64_t> duplicate_of_lead_id;  // the earliest open lead sharing a telling key
  std::string reason;                                // one sentence: why this decision
  std::vector<ConflictKey> keys;                     // every key given, in the order above

  // {"decision", "reason", "party_id", "candidates", "duplicate_of_lead_id", "keys": [{field, value,
  // customers, ignored}]}: what leads.conflict keeps and the intake answers.
  std::string ToJson() const;
};

struct LeadConflictRules {
  std::size_t max_customers_per_key = 3;  // a key finding more customers than this tells nothing
};

// Looks every given key up (tax id among party_identifiers, phones among phones, the e-mail among emails, the
// web site among websites' hosts and e-mail addresses' domains, the name among parties' normalized names; a
// contact's channel stands for its organization, a merged party for its golden record) and decides: the tax
// id, phones, e-mail and web site are telling keys, the name alone is not (it sends a lead to review). A
// telling key that found customers other than the one the rest agree on sends it to review, and so does a tax
// id that differs from every tax id the customer has on file. Then looks for an open lead (any stage but
// signed, implemented and abandoned) with the same tax id, phone, mobile or e-mail. Reads only, inside the
// caller's transaction (before the lead's own row is written). Threads: as the connection. Errors: the
// driver's Status.
sdk::Result<LeadConflict> CheckLeadConflicts(odbc::Connection& connection, const LeadKeys& keys,
                                             const LeadConflictRules& rules = {});

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_CONFLICTS_HPP_
