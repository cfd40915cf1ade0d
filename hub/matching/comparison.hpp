// How two prepared records agree, field by field, as one level per field: the comparison vector that
// Fellegi-Sunter weighs. Levels are coarse on purpose, so that their m and u can be estimated from data.
#ifndef HUB_MATCHING_COMPARISON_HPP_
#define HUB_MATCHING_COMPARISON_HPP_

#include <array>
#include <cstdint>
#include <string_view>

#include "matching/match_record.hpp"

namespace hub::matching {

// The fields compared. kName is an organization's name core (persons compare given and family names).
enum class Field : std::uint8_t {
  kName,
  kGivenName,
  kFamilyName,
  kStreet,
  kLocality,
  kPostcode,
  kRegion,
  kOrganizationKey,
  kPersonalId,
  kPhone,
  kEmail,
  kDomain,
  kDateOfBirth,
};
inline constexpr int kFieldCount = 13;

// How far two values agree. kMissing (either side empty) weighs nothing either way.
//   text: kExact equal; kHigh Jaro-Winkler (or, for names, token set ratio; for Chinese names bigram Dice, or
//         the same pinyin key of the trade name) >= 0.92; kMedium >= 0.8; kDifferent below;
//   organization key: kExact same valid code; kHigh same code, one flagged; kMedium two codes, one flagged
//         (a typo proves nothing); kDifferent two valid codes;
//   phone: kExact a direct line in common; kHigh only a 400/800 service number in common; kDifferent none;
//   e-mail, domain, region: kExact or kDifferent.
enum class Level : std::uint8_t { kMissing, kExact, kHigh, kMedium, kDifferent };
inline constexpr int kLevelCount = 5;

// One level per field.
using ComparisonVector = std::array<Level, kFieldCount>;

// Thresholds of the text levels.
inline constexpr double kHighSimilarity = 0.92;
inline constexpr double kMediumSimilarity = 0.8;

// The comparison vector of a and b. Symmetric. Thread-safe.
ComparisonVector CompareRecords(const PreparedRecord& a, const PreparedRecord& b);

// The level of two texts: exact, then Jaro-Winkler against the thresholds; kMissing when one is empty.
Level CompareText(const ComparedText& a, const ComparedText& b);

// The comparison vector packed in 3 bits a field (distinct vectors are few: EM works on their counts).
std::uint64_t PackComparison(const ComparisonVector& vector);

// "name", "given_name", ... and "missing", "exact", "high", "medium", "different".
std::string_view FieldName(Field field);
std::string_view LevelName(Level level);

}  // namespace hub::matching

#endif  // HUB_MATCHING_COMPARISON_HPP_
