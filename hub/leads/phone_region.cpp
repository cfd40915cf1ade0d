#include "leads/phone_region.hpp"

#include <algorithm>
#include <cctype>

namespace hub::leads {
namespace {

// The area codes of the Ministry of Industry and Information Technology's numbering plan (《电信网编号计划》,
// 2017 edition), as listed in "Telephone numbers in China" (en.wikipedia.org/wiki/Telephone_numbers_in_China, the
// 2-digit and 3-digit geographic codes): the municipalities, every provincial capital and the larger cities.
constexpr PhoneRegion kAreaCodes[] = {
    {"10", "北京", "北京"},    {"20", "广东", "广州"},      {"21", "上海", "上海"},      {"22", "天津", "天津"},
    {"23", "重庆", "重庆"},    {"24", "辽宁", "沈阳"},      {"25", "江苏", "南京"},      {"27", "湖北", "武汉"},
    {"28", "四川", "成都"},    {"29", "陕西", "西安"},      {"311", "河北", "石家庄"},   {"312", "河北", "保定"},
    {"315", "河北", "唐山"},   {"351", "山西", "太原"},     {"371", "河南", "郑州"},     {"379", "河南", "洛阳"},
    {"411", "辽宁", "大连"},   {"431", "吉林", "长春"},     {"451", "黑龙江", "哈尔滨"}, {"471", "内蒙古", "呼和浩特"},
    {"472", "内蒙古", "包头"}, {"510", "江苏", "无锡"},     {"511", "江苏", "镇江"},     {"512", "江苏", "苏州"},
    {"513", "江苏", "南通"},   {"516", "江苏", "徐州"},     {"519", "江苏", "常州"},     {"531", "山东", "济南"},
    {"532", "山东", "青岛"},   {"535", "山东", "烟台"},     {"551", "安徽", "合肥"},     {"571", "浙江", "杭州"},
    {"574", "浙江", "宁波"},   {"577", "浙江", "温州"},     {"591", "福建", "福州"},     {"592", "福建", "厦门"},
    {"595", "福建", "泉州"},   {"731", "湖南", "长沙"},     {"755", "广东", "深圳"},     {"756", "广东", "珠海"},
    {"757", "广东", "佛山"},   {"760", "广东", "中山"},     {"769", "广东", "东莞"},     {"771", "广西", "南宁"},
    {"773", "广西", "桂林"},   {"791", "江西", "南昌"},     {"851", "贵州", "贵阳"},     {"871", "云南", "昆明"},
    {"891", "西藏", "拉萨"},   {"898", "海南", "海口"},     {"931", "甘肃", "兰州"},     {"951", "宁夏", "银川"},
    {"971", "青海", "西宁"},   {"991", "新疆", "乌鲁木齐"},
};

constexpr std::string_view kChina = "+86";

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// A mobile (1 and a digit from 3 to 9, 11 digits) or a nationwide number (400, 800): no place. Beijing's 10 is
// the one geographic code that starts with 1.
bool NamesNoPlace(std::string_view national) {
  if (national.size() >= 2 && national[0] == '1' && national[1] != '0') return true;
  return national.starts_with("400") || national.starts_with("800");
}

}  // namespace

std::optional<PhoneRegion> RegionOfPhone(std::string_view e164) {
  if (!e164.starts_with(kChina)) return std::nullopt;
  const std::string_view national = e164.substr(kChina.size());
  if (!AllDigits(national) || NamesNoPlace(national)) return std::nullopt;
  // A code is 2 or 3 digits and no 2-digit code begins a 3-digit one, so the first match is the code.
  for (const PhoneRegion& region : kAreaCodes) {
    // A subscriber number has 7 or 8 digits after the code.
    if (national.starts_with(region.area_code) && national.size() >= region.area_code.size() + 7) return region;
  }
  return std::nullopt;
}

}  // namespace hub::leads
