#include "matching/organization_key.hpp"

#include "model/identifier.hpp"

namespace hub::matching {
namespace {

constexpr std::size_t kUsccLength = 18;
constexpr std::size_t kTaxRegistrationLength = 15;
constexpr std::size_t kOrganizationCodeLength = 9;
constexpr std::size_t kUsccCodeStart = 8;
constexpr std::size_t kTaxRegistrationCodeStart = 6;

bool AllDigits(std::string_view text) { return text.find_first_not_of("0123456789") == std::string_view::npos; }

// The first problem found: the whole identifier's, then its organization code's.
void Check(sdk::Status whole, OrganizationKey& key) {
  const sdk::Status code = model::CheckIdentifier("organization_code", key.organization_code);
  key.code_checked = code.ok();
  if (!whole.ok()) {
    key.problem = whole.message();
  } else if (!code.ok()) {
    key.problem = "organization code " + key.organization_code + ": " + code.message();
  }
}

}  // namespace

sdk::Result<OrganizationKey> ReadOrganizationKey(std::string_view identifier) {
  OrganizationKey key;
  key.identifier = model::NormalizeIdentifier(identifier);
  const std::string& id = key.identifier;
  switch (id.size()) {
    case kUsccLength:
      key.source = OrganizationKeySource::kUnifiedSocialCreditCode;
      key.organization_code = id.substr(kUsccCodeStart, kOrganizationCodeLength);
      Check(model::CheckIdentifier("uscc", id), key);
      return key;
    case kTaxRegistrationLength:
      key.source = OrganizationKeySource::kTaxRegistrationNumber;
      key.organization_code = id.substr(kTaxRegistrationCodeStart);
      Check(AllDigits(id.substr(0, kTaxRegistrationCodeStart))
                ? sdk::Status::Ok()
                : sdk::Status::InvalidArgument("a tax registration number starts with 6 digits of division code"),
            key);
      return key;
    case kOrganizationCodeLength:
      key.source = OrganizationKeySource::kOrganizationCode;
      key.organization_code = id;
      Check(sdk::Status::Ok(), key);
      return key;
    default:
      return sdk::Status::InvalidArgument(
          "an organization is identified by 18 (unified social credit code), 15 (tax registration number) or 9 "
          "(organization code) characters, not " +
          std::to_string(id.size()));
  }
}

KeyAgreement CompareOrganizationKeys(const OrganizationKey& a, const OrganizationKey& b) {
  const bool same = a.organization_code == b.organization_code;
  if (a.valid() && b.valid()) return same ? KeyAgreement::kSame : KeyAgreement::kDifferent;
  return same ? KeyAgreement::kSameUnverified : KeyAgreement::kInconclusive;
}

std::string_view KeyAgreementName(KeyAgreement agreement) {
  switch (agreement) {
    case KeyAgreement::kSame:
      return "same";
    case KeyAgreement::kDifferent:
      return "different";
    case KeyAgreement::kSameUnverified:
      return "same_unverified";
    case KeyAgreement::kInconclusive:
      return "inconclusive";
  }
  return "inconclusive";
}

}  // namespace hub::matching
