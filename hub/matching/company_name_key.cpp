#include "matching/company_name_key.hpp"

#include <unicode/uchar.h>

#include "matching/code_points.hpp"
#include "matching/latin_company_name.hpp"

namespace hub::matching {
namespace {

bool HasHan(std::string_view text) {
  for (char32_t c : ToCodePoints(text)) {
    if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC)) return true;
  }
  return false;
}

}  // namespace

CompanyNameKey MakeCompanyNameKey(std::string_view name, const TextNormalizer& normalizer,
                                  const ChineseCompanyNameParser& parser) {
  CompanyNameKey key;
  std::string branch_place;
  key.han = HasHan(name);
  if (key.han) {
    const ChineseCompanyName parts = parser.Parse(normalizer.ToSimplified(name), PlaceTradeNames::kAfterRegion);
    const std::string trade = parts.trade_name.empty() ? parts.industry : parts.trade_name;
    key.core = normalizer.Fold(parts.trade_name + parts.industry);
    key.trade_name = normalizer.Fold(trade);
    key.region = parts.region;
    key.branch = parts.branch;
    branch_place = parts.branch_place;
  } else {
    const LatinCompanyName parts = SplitLatinCompanyName(normalizer.Fold(name));
    key.core = parts.core;
    key.trade_name = parts.trade_name;
    key.branch = parts.branch;
    branch_place = parts.branch_place;
  }
  key.pinyin = normalizer.PinyinKey(key.trade_name);
  if (!key.branch.empty()) key.branch_key = "branch:" + normalizer.PinyinKey(branch_place);
  return key;
}

}  // namespace hub::matching
