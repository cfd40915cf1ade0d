// The word lists the Chinese company-name parser is built from, compiled in (data/SOURCE.txt says where they
// come from): one word a line, UTF-8.
#ifndef HUB_MATCHING_CN_NAME_DICTIONARIES_HPP_
#define HUB_MATCHING_CN_NAME_DICTIONARIES_HPP_

#include <string_view>

namespace hub::matching {

// Place names: provinces, cities, districts, counties, towns, with and without their 省/市/区/县 (6166).
std::string_view BuiltinPlaceNames();
// Industry words: 科技, 贸易, 电子, 机械, 房地产开发 ... (1257).
std::string_view BuiltinIndustryWords();
// Organization forms and kinds of shop a name ends with: 有限公司, 分公司, 商行, 服装店 ... (162).
std::string_view BuiltinOrganizationForms();

}  // namespace hub::matching

#endif  // HUB_MATCHING_CN_NAME_DICTIONARIES_HPP_
