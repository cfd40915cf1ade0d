#include "match_eval_generated.hpp"

#include <array>
#include <random>
#include <string>

#include "model/identifier.hpp"

namespace hub::bench {
namespace {

struct Syllable {
  const char* simplified;
  const char* traditional;
  const char* pinyin;
};
constexpr std::array<Syllable, 16> kSyllables = {{{"华", "華", "hua"},
                                                  {"信", "信", "xin"},
                                                  {"东", "東", "dong"},
                                                  {"达", "達", "da"},
                                                  {"兴", "興", "xing"},
                                                  {"丰", "豐", "feng"},
                                                  {"龙", "龍", "long"},
                                                  {"泰", "泰", "tai"},
                                                  {"恒", "恆", "heng"},
                                                  {"瑞", "瑞", "rui"},
                                                  {"宏", "宏", "hong"},
                                                  {"鑫", "鑫", "xin"},
                                                  {"康", "康", "kang"},
                                                  {"盛", "盛", "sheng"},
                                                  {"远", "遠", "yuan"},
                                                  {"伟", "偉", "wei"}}};

struct City {
  const char* name;
  const char* area_code;  // without the trunk 0
  const char* division;   // 6-digit administrative division code
};
constexpr std::array<City, 8> kCities = {{{"北京", "10", "110105"},
                                          {"上海", "21", "310115"},
                                          {"深圳", "755", "440305"},
                                          {"广州", "20", "440106"},
                                          {"杭州", "571", "330106"},
                                          {"成都", "28", "510107"},
                                          {"南京", "25", "320105"},
                                          {"武汉", "27", "420106"}}};

struct Industry {
  const char* chinese;
  const char* english;
};
constexpr std::array<Industry, 5> kIndustries = {{{"科技", "Technology"},
                                                  {"电子", "Electronics"},
                                                  {"贸易", "Trading"},
                                                  {"物流", "Logistics"},
                                                  {"实业", "Industrial"}}};

struct Company {
  std::size_t first = 0;  // syllables
  std::size_t second = 0;
  std::size_t city = 0;
  std::size_t industry = 0;
  std::string subscriber;         // 8-digit landline subscriber number
  std::string organization_code;  // 9 characters, valid
  std::string branch_city;        // a branch office of a company generated just before: its city
};

std::string OrganizationCode(std::mt19937_64& random) {
  std::string first8;
  for (int i = 0; i < 8; ++i) first8 += static_cast<char>('0' + random() % 10);
  return first8 + model::OrganizationCodeCheckCharacter(first8).value_or('0');
}

std::string Uscc(const Company& c) {
  const std::string first17 = std::string("91") + kCities[c.city].division + c.organization_code;
  return first17 + model::UsccCheckCharacter(first17).value_or('0');
}

std::string TradeName(const Company& c, bool traditional) {
  const auto& a = kSyllables[c.first];
  const auto& b = kSyllables[c.second];
  return std::string(traditional ? a.traditional : a.simplified) + (traditional ? b.traditional : b.simplified);
}

// One way a source writes the company's name.
std::string NameVariant(const Company& c, int variant) {
  const std::string region = kCities[c.city].name;
  const std::string industry = kIndustries[c.industry].chinese;
  const std::string branch = c.branch_city.empty() ? "" : c.branch_city + "分公司";
  switch (variant) {
    case 0:
      return region + TradeName(c, false) + industry + "有限公司" + branch;
    case 1:
      return TradeName(c, false) + industry + "（" + region + "）有限公司" + branch;
    case 2:
      return region + TradeName(c, true) + industry + "有限公司" + branch;
    default: {  // the English name, in pinyin
      std::string pinyin = std::string(kSyllables[c.first].pinyin) + kSyllables[c.second].pinyin;
      pinyin[0] = static_cast<char>(pinyin[0] - 'a' + 'A');
      return pinyin + " " + kIndustries[c.industry].english + " Co., Ltd.";
    }
  }
}

std::string PhoneVariant(const Company& c, int variant) {
  const std::string area = kCities[c.city].area_code;
  const std::string& s = c.subscriber;
  switch (variant) {
    case 0:
      return "0" + area + "-" + s;
    case 1:
      return "(0" + area + ") " + s.substr(0, 4) + " " + s.substr(4);
    case 2:
      return "+86 " + area + " " + s.substr(0, 4) + "-" + s.substr(4);
    default:
      return "0086" + area + s + " 转 8";
  }
}

std::string IdentifierVariant(const Company& c, int variant, std::mt19937_64& random) {
  switch (variant) {
    case 0:
      return Uscc(c);
    case 1:
      return std::string(kCities[c.city].division) + c.organization_code;  // legacy tax registration number
    case 2:
      return c.organization_code.substr(0, 8) + "-" + c.organization_code.substr(8);
    case 3: {  // a typo in the credit code's own check character
      std::string code = Uscc(c);
      code.back() = code.back() == '0' ? '1' : '0';
      return code;
    }
    default:
      return random() % 2 == 0 ? "" : Uscc(c);
  }
}

Company NewCompany(std::mt19937_64& random) {
  Company c;
  c.first = random() % kSyllables.size();
  c.second = random() % kSyllables.size();
  c.city = random() % kCities.size();
  c.industry = random() % kIndustries.size();
  c.subscriber = std::to_string(2 + random() % 7);
  for (int i = 0; i < 7; ++i) c.subscriber += static_cast<char>('0' + random() % 10);
  c.organization_code = OrganizationCode(random);
  return c;
}

}  // namespace

EvalSet GenerateCompanies(std::size_t companies, std::uint64_t seed) {
  EvalSet set{"generated companies", false, {}, {}};
  std::mt19937_64 random(seed);
  Company previous;
  for (std::size_t e = 0; e < companies; ++e) {
    Company c = NewCompany(random);
    if (e > 0 && random() % 10 == 0) {
      // A branch office of the previous company: its name and a city's branch suffix, its own phone and code.
      const Company parent = previous;
      c.first = parent.first;
      c.second = parent.second;
      c.city = parent.city;
      c.industry = parent.industry;
      c.branch_city = kCities[(parent.city + 1 + random() % (kCities.size() - 1)) % kCities.size()].name;
    }
    previous = c;
    const std::size_t copies = 1 + random() % 3;
    for (std::size_t k = 0; k < copies; ++k) {
      matching::MatchRecord r;
      r.source = k % 2 == 0 ? "erp" : "crm";
      r.id = std::to_string(e) + "-" + std::to_string(k);
      // Branch offices are written in Chinese only: English branch names are not parsed yet.
      r.name = NameVariant(c, static_cast<int>(random() % (c.branch_city.empty() ? 4 : 3)));
      if (random() % 10 != 0) r.phones.push_back(PhoneVariant(c, static_cast<int>(random() % 4)));
      if (random() % 10 < 7) r.organization_id = IdentifierVariant(c, static_cast<int>(random() % 5), random);
      set.records.push_back(std::move(r));
      set.entity.push_back(std::to_string(e));
    }
  }
  return set;
}

}  // namespace hub::bench
