// A company name in the forms the matcher compares, whatever its script: 華信科技（北京）有限公司,
// 北京华信科技有限公司 and "Huaxin Technology Co., Ltd." share the pinyin key "huaxin".
#ifndef HUB_MATCHING_COMPANY_NAME_KEY_HPP_
#define HUB_MATCHING_COMPANY_NAME_KEY_HPP_

#include <string>
#include <string_view>

#include "matching/cn_company_name.hpp"
#include "matching/text_normalizer.hpp"

namespace hub::matching {

struct CompanyNameKey {
  bool han = false;        // the name has Han characters: parsed as a Chinese name
  std::string core;        // without region, legal form or branch: 华信科技 / "huaxin technology"
  std::string trade_name;  // 华信 / "huaxin"
  std::string pinyin;      // the trade name's pinyin key (TextNormalizer::PinyinKey): "huaxin"
  std::string region;      // 北京 (Chinese names only)
  std::string branch;      // 北京分公司: a branch is its own entity, linked to its parent, never merged
  std::string branch_key;  // the branch in either script: "branch:beijing" for 北京分公司 and "Beijing Branch"
};

// Chinese names (any Han character): converted to Simplified (OpenCC), split by `parser` (a place after the
// region read as trade name: PlaceTradeNames::kAfterRegion), folded; core is
// trade name and industry, and a name with no trade name keeps its industry as trade name (福建环境公司 ->
// 环境) so that it is never compared empty. Other names: folded (NFKC, case, punctuation) and split by
// SplitLatinCompanyName. A branch's key is "branch:" and the pinyin key of its own words (its city), so that
// 华信科技有限公司上海分公司 and "Huaxin Technology Co., Ltd. Shanghai Branch" are one branch; empty for a
// head office. Thread-safe (as its two arguments are).
CompanyNameKey MakeCompanyNameKey(std::string_view name, const TextNormalizer& normalizer,
                                  const ChineseCompanyNameParser& parser);

}  // namespace hub::matching

#endif  // HUB_MATCHING_COMPANY_NAME_KEY_HPP_
