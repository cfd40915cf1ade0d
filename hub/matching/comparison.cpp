#include "matching/comparison.hpp"

#include <algorithm>

#include "matching/jaro.hpp"
#include "matching/ngram_similarity.hpp"
#include "matching/token_similarity.hpp"

namespace hub::matching {
namespace {

Level LevelOfSimilarity(double similarity) {
  if (similarity >= kHighSimilarity) return Level::kHigh;
  if (similarity >= kMediumSimilarity) return Level::kMedium;
  return Level::kDifferent;
}

Level CompareExact(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return Level::kMissing;
  return a == b ? Level::kExact : Level::kDifferent;
}

// Chinese names by character bigrams (no word boundaries; each character carries meaning), Latin names by
// the better of Jaro-Winkler (typos) and token set ratio (extra or reordered words); across scripts or
// with a trade name spelt in pinyin, by the trade name's pinyin key.
Level CompareNames(const PreparedRecord& a, const PreparedRecord& b) {
  if (a.name.empty() || b.name.empty()) return Level::kMissing;
  if (a.name.text == b.name.text) return Level::kExact;
  double similarity = 0;
  if (a.han && b.han) {
    similarity = BigramDice(a.name.code_points, b.name.code_points);
  } else if (!a.han && !b.han) {
    similarity = std::max(JaroWinkler(a.name.code_points, b.name.code_points), TokenSetRatio(a.name.text, b.name.text));
  }
  const Level level = LevelOfSimilarity(similarity);
  // Two Chinese names with one reading but other characters are two trade names (华信, 华鑫): the reading
  // links a name to its spelling in pinyin, not homophones.
  if (a.han && b.han) return level;
  if (level != Level::kHigh && !a.name_pinyin.empty() && a.name_pinyin == b.name_pinyin) return Level::kHigh;
  return level;
}

Level CompareOrganizationKeyField(const PreparedRecord& a, const PreparedRecord& b) {
  if (!a.organization_key || !b.organization_key) return Level::kMissing;
  switch (CompareOrganizationKeys(*a.organization_key, *b.organization_key)) {
    case KeyAgreement::kSame:
      return Level::kExact;
    case KeyAgreement::kSameUnverified:
      return Level::kHigh;
    case KeyAgreement::kInconclusive:
      return Level::kMedium;
    case KeyAgreement::kDifferent:
      return Level::kDifferent;
  }
  return Level::kMissing;
}

bool ShareAny(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](const std::string& phone) { return std::find(b.begin(), b.end(), phone) != b.end(); });
}

Level ComparePhones(const PreparedRecord& a, const PreparedRecord& b) {
  const bool a_has = !a.phones.empty() || !a.service_phones.empty();
  const bool b_has = !b.phones.empty() || !b.service_phones.empty();
  if (!a_has || !b_has) return Level::kMissing;
  if (ShareAny(a.phones, b.phones)) return Level::kExact;
  if (ShareAny(a.service_phones, b.service_phones)) return Level::kHigh;
  return Level::kDifferent;
}

}  // namespace

Level CompareText(const ComparedText& a, const ComparedText& b) {
  if (a.empty() || b.empty()) return Level::kMissing;
  if (a.text == b.text) return Level::kExact;
  return LevelOfSimilarity(JaroWinkler(a.code_points, b.code_points));
}

ComparisonVector CompareRecords(const PreparedRecord& a, const PreparedRecord& b) {
  ComparisonVector v{};
  v[static_cast<int>(Field::kName)] = CompareNames(a, b);
  v[static_cast<int>(Field::kGivenName)] = CompareText(a.given_name, b.given_name);
  v[static_cast<int>(Field::kFamilyName)] = CompareText(a.family_name, b.family_name);
  v[static_cast<int>(Field::kStreet)] = CompareText(a.street, b.street);
  v[static_cast<int>(Field::kLocality)] = CompareText(a.locality, b.locality);
  v[static_cast<int>(Field::kPostcode)] = CompareExact(a.postcode, b.postcode);
  v[static_cast<int>(Field::kRegion)] = CompareExact(a.region, b.region);
  v[static_cast<int>(Field::kOrganizationKey)] = CompareOrganizationKeyField(a, b);
  v[static_cast<int>(Field::kPersonalId)] = CompareText(a.personal_id, b.personal_id);
  v[static_cast<int>(Field::kPhone)] = ComparePhones(a, b);
  v[static_cast<int>(Field::kEmail)] = CompareExact(a.email, b.email);
  v[static_cast<int>(Field::kDomain)] = CompareExact(a.domain, b.domain);
  v[static_cast<int>(Field::kDateOfBirth)] = CompareText(a.date_of_birth, b.date_of_birth);
  return v;
}

std::uint64_t PackComparison(const ComparisonVector& vector) {
  std::uint64_t packed = 0;
  for (int f = 0; f < kFieldCount; ++f) packed |= static_cast<std::uint64_t>(vector[f]) << (3 * f);
  return packed;
}

std::string_view FieldName(Field field) {
  static constexpr std::array<std::string_view, kFieldCount> kNames = {
      "name",        "given_name", "family_name", "street", "locality",     "postcode", "region", "organization_key",
      "personal_id", "phone",      "email",       "domain", "date_of_birth"};
  return kNames[static_cast<int>(field)];
}

std::string_view LevelName(Level level) {
  static constexpr std::array<std::string_view, kLevelCount> kNames = {"missing", "exact", "high", "medium",
                                                                       "different"};
  return kNames[static_cast<int>(level)];
}

}  // namespace hub::matching
