// The region a Chinese landline number names: the province and city of its area code (区号), so that a lead
// from a caller nobody knows yet can be routed by region. Mobiles (1xx) and nationwide numbers (400, 800) name
// none. Pure functions over a constant table.
#ifndef HUB_LEADS_PHONE_REGION_HPP_
#define HUB_LEADS_PHONE_REGION_HPP_

#include <optional>
#include <string_view>

namespace hub::leads {

// A province and a city as leads and territories name them: the short form, without 省, 市 or 自治区 ("广东",
// "深圳"; a municipality names itself twice: "北京", "北京").
struct PhoneRegion {
  std::string_view area_code;  // without the trunk prefix 0: "10", "755"
  std::string_view province;
  std::string_view city;
};

// The region of `e164` ("+861088886666", "+8675588776655") when it is a mainland Chinese landline whose area
// code the table knows: the 2-digit codes of the municipalities and the largest cities and the 3-digit codes of
// the provincial capitals and the larger cities. None for another country, a mobile, a nationwide number or an
// area code not in the table. Thread-safe.
std::optional<PhoneRegion> RegionOfPhone(std::string_view e164);

}  // namespace hub::leads

#endif  // HUB_LEADS_PHONE_REGION_HPP_
