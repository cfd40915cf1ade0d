// The region of a Chinese landline from its area code: the municipalities' and the cities' codes, Beijing's 10
// beside the mobiles' 1xx, and the numbers that name no place.
#include "leads/phone_region.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hub::leads {
namespace {

struct Landline {
  std::string e164, province, city;
};

TEST(PhoneRegion, ALandlineNamesTheProvinceAndCityOfItsAreaCode) {
  for (const Landline& landline :
       {Landline{"+861088886666", "北京", "北京"}, Landline{"+862150801234", "上海", "上海"},
        Landline{"+8675588776655", "广东", "深圳"}, Landline{"+865718765432", "浙江", "杭州"},
        Landline{"+869912345678", "新疆", "乌鲁木齐"}}) {
    std::optional<PhoneRegion> region = RegionOfPhone(landline.e164);
    ASSERT_TRUE(region.has_value()) << landline.e164;
    EXPECT_EQ(region->province, landline.province) << landline.e164;
    EXPECT_EQ(region->city, landline.city) << landline.e164;
  }
}

TEST(PhoneRegion, MobilesNationwideNumbersOtherCountriesAndUnknownCodesNameNone) {
  for (const char* number : {"+8613812345678", "+8619912345678", "+864008123456", "+868008208820", "+14155550100",
                             "+85221234567", "+869998765432", "+8610123", "+86abc"}) {
    EXPECT_FALSE(RegionOfPhone(number).has_value()) << number;
  }
}

}  // namespace
}  // namespace hub::leads
