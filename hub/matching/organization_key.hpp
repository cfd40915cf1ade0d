// The key that links a Chinese organization across the identifiers systems hold for it: the 9-character
// organization code (组织机构代码, GB 11714) that the 18-character unified social credit code embeds (its
// characters 9 to 17), that a legacy 15-character tax registration number ends with, and that older ERPs
// hold bare.
#ifndef HUB_MATCHING_ORGANIZATION_KEY_HPP_
#define HUB_MATCHING_ORGANIZATION_KEY_HPP_

#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::matching {

// Which identifier the key was read from.
enum class OrganizationKeySource { kUnifiedSocialCreditCode, kTaxRegistrationNumber, kOrganizationCode };

// One identifier's key. A mistyped identifier still has its key, flagged: `problem` says what is wrong, and
// `code_checked` whether the embedded organization code's own check character holds (a USCC mistyped in
// its last character still names its organization).
struct OrganizationKey {
  std::string organization_code;  // 9 characters: "590830169"
  OrganizationKeySource source = OrganizationKeySource::kOrganizationCode;
  std::string identifier;  // model::NormalizeIdentifier's form of what was read
  std::string problem;     // empty when every check character holds
  bool code_checked = false;

  bool valid() const { return problem.empty(); }
};

// Reads `identifier` (any case, blanks, hyphens: model::NormalizeIdentifier) by its length: 18 a unified
// social credit code (model::CheckIdentifier "uscc", and its organization code), 15 a tax registration
// number (6 digits of division code, then the organization code), 9 an organization code ("59083016-9").
// Errors: InvalidArgument for any other length (no key can be read). Thread-safe.
sdk::Result<OrganizationKey> ReadOrganizationKey(std::string_view identifier);

// What two keys say about their organizations.
enum class KeyAgreement {
  kSame,            // both valid, one organization code: near-proof of one organization
  kDifferent,       // both valid, two organization codes: proof of two organizations
  kSameUnverified,  // one organization code, but one identifier or both flagged
  kInconclusive,    // two organization codes, one of them flagged: a typo proves nothing
};

// Thread-safe.
KeyAgreement CompareOrganizationKeys(const OrganizationKey& a, const OrganizationKey& b);

// "same", "different", "same_unverified", "inconclusive". Thread-safe.
std::string_view KeyAgreementName(KeyAgreement agreement);

}  // namespace hub::matching

#endif  // HUB_MATCHING_ORGANIZATION_KEY_HPP_
