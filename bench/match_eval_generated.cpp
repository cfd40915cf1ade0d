#include "match_eval_generated.hpp"

#include <array>
#include <random>
#include <string>
#include <unordered_set>

#include "model/identifier.hpp"

namespace hub::bench {
namespace {

// Characters common in trade names, with their Traditional form and reading (none a polyphone in names but
// 长, whose name reading the normalizer knows); two of them (or three, for one company in eight) make a
// trade name: 123² + 123³ names, some of which are also place names (永安, 东兴), as in life.
struct Syllable {
  const char* simplified;
  const char* traditional;
  const char* pinyin;
};
constexpr std::array<Syllable, 123> kSyllables = {
    {{"华", "華", "hua"},   {"信", "信", "xin"},   {"东", "東", "dong"},   {"达", "達", "da"},    {"兴", "興", "xing"},
     {"丰", "豐", "feng"},  {"龙", "龍", "long"},  {"泰", "泰", "tai"},    {"恒", "恆", "heng"},  {"瑞", "瑞", "rui"},
     {"宏", "宏", "hong"},  {"鑫", "鑫", "xin"},   {"康", "康", "kang"},   {"盛", "盛", "sheng"}, {"远", "遠", "yuan"},
     {"伟", "偉", "wei"},   {"金", "金", "jin"},   {"海", "海", "hai"},    {"天", "天", "tian"},  {"明", "明", "ming"},
     {"光", "光", "guang"}, {"新", "新", "xin"},   {"美", "美", "mei"},    {"佳", "佳", "jia"},   {"嘉", "嘉", "jia"},
     {"和", "和", "he"},    {"安", "安", "an"},    {"博", "博", "bo"},     {"德", "德", "de"},    {"福", "福", "fu"},
     {"富", "富", "fu"},    {"广", "廣", "guang"}, {"国", "國", "guo"},    {"汇", "匯", "hui"},   {"辉", "輝", "hui"},
     {"吉", "吉", "ji"},    {"建", "建", "jian"},  {"凯", "凱", "kai"},    {"力", "力", "li"},    {"联", "聯", "lian"},
     {"林", "林", "lin"},   {"隆", "隆", "long"},  {"茂", "茂", "mao"},    {"鹏", "鵬", "peng"},  {"平", "平", "ping"},
     {"荣", "榮", "rong"},  {"润", "潤", "run"},   {"森", "森", "sen"},    {"山", "山", "shan"},  {"尚", "尚", "shang"},
     {"胜", "勝", "sheng"}, {"顺", "順", "shun"},  {"思", "思", "si"},     {"腾", "騰", "teng"},  {"通", "通", "tong"},
     {"万", "萬", "wan"},   {"旺", "旺", "wang"},  {"威", "威", "wei"},    {"祥", "祥", "xiang"}, {"星", "星", "xing"},
     {"阳", "陽", "yang"},  {"耀", "耀", "yao"},   {"亿", "億", "yi"},     {"益", "益", "yi"},    {"永", "永", "yong"},
     {"优", "優", "you"},   {"宇", "宇", "yu"},    {"元", "元", "yuan"},   {"源", "源", "yuan"},  {"越", "越", "yue"},
     {"云", "雲", "yun"},   {"智", "智", "zhi"},   {"中", "中", "zhong"},  {"众", "眾", "zhong"}, {"卓", "卓", "zhuo"},
     {"长", "長", "chang"}, {"诚", "誠", "cheng"}, {"创", "創", "chuang"}, {"大", "大", "da"},    {"鼎", "鼎", "ding"},
     {"飞", "飛", "fei"},   {"冠", "冠", "guan"},  {"昊", "昊", "hao"},    {"浩", "浩", "hao"},   {"弘", "弘", "hong"},
     {"鸿", "鴻", "hong"},  {"锦", "錦", "jin"},   {"晶", "晶", "jing"},   {"俊", "俊", "jun"},   {"朗", "朗", "lang"},
     {"立", "立", "li"},    {"满", "滿", "man"},   {"铭", "銘", "ming"},   {"启", "啟", "qi"},    {"仁", "仁", "ren"},
     {"圣", "聖", "sheng"}, {"硕", "碩", "shuo"},  {"拓", "拓", "tuo"},    {"维", "維", "wei"},   {"讯", "訊", "xun"},
     {"易", "易", "yi"},    {"英", "英", "ying"},  {"裕", "裕", "yu"},     {"振", "振", "zhen"},  {"正", "正", "zheng"},
     {"志", "志", "zhi"},   {"忠", "忠", "zhong"}, {"宝", "寶", "bao"},    {"邦", "邦", "bang"},  {"骏", "駿", "jun"},
     {"银", "銀", "yin"},   {"亚", "亞", "ya"},    {"欧", "歐", "ou"},     {"奥", "奧", "ao"},    {"捷", "捷", "jie"},
     {"迅", "迅", "xun"},   {"驰", "馳", "chi"},   {"航", "航", "hang"},   {"丽", "麗", "li"},    {"蓝", "藍", "lan"},
     {"红", "紅", "hong"},  {"青", "青", "qing"},  {"彩", "彩", "cai"}}};

struct City {
  const char* name;
  const char* pinyin;     // as an English branch name writes it
  const char* area_code;  // without the trunk 0
  const char* division;   // 6-digit administrative division code
};
constexpr std::array<City, 36> kCities = {{{"北京", "Beijing", "10", "110105"},
                                           {"上海", "Shanghai", "21", "310115"},
                                           {"深圳", "Shenzhen", "755", "440305"},
                                           {"广州", "Guangzhou", "20", "440106"},
                                           {"杭州", "Hangzhou", "571", "330106"},
                                           {"成都", "Chengdu", "28", "510107"},
                                           {"南京", "Nanjing", "25", "320105"},
                                           {"武汉", "Wuhan", "27", "420106"},
                                           {"天津", "Tianjin", "22", "120101"},
                                           {"重庆", "Chongqing", "23", "500103"},
                                           {"西安", "Xian", "29", "610113"},
                                           {"苏州", "Suzhou", "512", "320505"},
                                           {"长沙", "Changsha", "731", "430104"},
                                           {"郑州", "Zhengzhou", "371", "410105"},
                                           {"青岛", "Qingdao", "532", "370202"},
                                           {"沈阳", "Shenyang", "24", "210102"},
                                           {"大连", "Dalian", "411", "210202"},
                                           {"厦门", "Xiamen", "592", "350203"},
                                           {"福州", "Fuzhou", "591", "350102"},
                                           {"济南", "Jinan", "531", "370102"},
                                           {"合肥", "Hefei", "551", "340104"},
                                           {"昆明", "Kunming", "871", "530102"},
                                           {"宁波", "Ningbo", "574", "330203"},
                                           {"无锡", "Wuxi", "510", "320214"},
                                           {"东莞", "Dongguan", "769", "441900"},
                                           {"佛山", "Foshan", "757", "440604"},
                                           {"哈尔滨", "Harbin", "451", "230102"},
                                           {"长春", "Changchun", "431", "220102"},
                                           {"石家庄", "Shijiazhuang", "311", "130102"},
                                           {"南昌", "Nanchang", "791", "360102"},
                                           {"贵阳", "Guiyang", "851", "520102"},
                                           {"南宁", "Nanning", "771", "450103"},
                                           {"太原", "Taiyuan", "351", "140105"},
                                           {"兰州", "Lanzhou", "931", "620102"},
                                           {"海口", "Haikou", "898", "460106"},
                                           {"温州", "Wenzhou", "577", "330302"}}};

struct Industry {
  const char* chinese;
  const char* english;
};
constexpr std::array<Industry, 15> kIndustries = {{{"科技", "Technology"},
                                                   {"电子", "Electronics"},
                                                   {"贸易", "Trading"},
                                                   {"物流", "Logistics"},
                                                   {"实业", "Industrial"},
                                                   {"机械", "Machinery"},
                                                   {"化工", "Chemical"},
                                                   {"医药", "Pharmaceutical"},
                                                   {"软件", "Software"},
                                                   {"建材", "Building Materials"},
                                                   {"食品", "Food"},
                                                   {"纺织", "Textile"},
                                                   {"能源", "Energy"},
                                                   {"网络", "Network"},
                                                   {"环保", "Environmental Protection"}}};

constexpr std::size_t kNoBranch = kCities.size();

struct Company {
  std::array<std::size_t, 3> syllables{};
  std::size_t length = 2;  // syllables used
  std::size_t city = 0;
  std::size_t industry = 0;
  std::string subscriber;               // 8-digit landline subscriber number
  std::string organization_code;        // 9 characters, valid
  std::size_t branch_city = kNoBranch;  // a branch office of the company generated just before: its city

  bool branch() const { return branch_city != kNoBranch; }
  // Where it is: a branch's own city, else its registration's.
  const City& seat() const { return kCities[branch() ? branch_city : city]; }
  // A registered name (trade name, industry, city) is one company's: the key of that name.
  std::uint64_t NameKey() const {
    std::uint64_t key = length;
    for (std::size_t s : syllables) key = key * kSyllables.size() + s;
    return (key * kCities.size() + city) * kIndustries.size() + industry;
  }
};

std::string OrganizationCode(std::mt19937_64& random) {
  std::string first8;
  for (int i = 0; i < 8; ++i) first8 += static_cast<char>('0' + random() % 10);
  return first8 + model::OrganizationCodeCheckCharacter(first8).value_or('0');
}

std::string Uscc(const Company& c) {
  const std::string first17 = std::string("91") + c.seat().division + c.organization_code;
  return first17 + model::UsccCheckCharacter(first17).value_or('0');
}

std::string TradeName(const Company& c, bool traditional) {
  std::string name;
  for (std::size_t i = 0; i < c.length; ++i) {
    const Syllable& s = kSyllables[c.syllables[i]];
    name += traditional ? s.traditional : s.simplified;
  }
  return name;
}

std::string EnglishName(const Company& c, bool upper) {
  std::string name;
  for (std::size_t i = 0; i < c.length; ++i) name += kSyllables[c.syllables[i]].pinyin;
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  name += std::string(" ") + kIndustries[c.industry].english;
  if (!upper) return name + " Co., Ltd.";
  for (char& ch : name) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  return name + " LIMITED";
}

// One way a source writes the company's name: region leading, in brackets, in Traditional characters, the
// English name (as a source in English writes it, or in capitals).
std::string NameVariant(const Company& c, int variant) {
  const std::string region = kCities[c.city].name;
  const std::string industry = kIndustries[c.industry].chinese;
  const std::string branch = c.branch() ? std::string(kCities[c.branch_city].name) + "分公司" : "";
  const std::string english_branch = c.branch() ? std::string(" ") + kCities[c.branch_city].pinyin + " Branch" : "";
  switch (variant) {
    case 0:
      return region + TradeName(c, false) + industry + "有限公司" + branch;
    case 1:
      return TradeName(c, false) + industry + "（" + region + "）有限公司" + branch;
    case 2:
      return region + TradeName(c, true) + industry + "有限公司" + branch;
    case 3:
      return EnglishName(c, false) + english_branch;
    default:
      return EnglishName(c, true) + english_branch;
  }
}

std::string PhoneVariant(const Company& c, int variant) {
  const std::string area = c.seat().area_code;
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
      return std::string(c.seat().division) + c.organization_code;  // legacy tax registration number
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

// A head office whose registered name no other company has.
Company NewCompany(std::mt19937_64& random, std::unordered_set<std::uint64_t>& names) {
  Company c;
  do {
    c.length = random() % 8 == 0 ? 3 : 2;
    for (std::size_t i = 0; i < c.length; ++i) c.syllables[i] = random() % kSyllables.size();
    c.city = random() % kCities.size();
    c.industry = random() % kIndustries.size();
  } while (!names.insert(c.NameKey()).second);
  c.subscriber = std::to_string(2 + random() % 7);
  for (int i = 0; i < 7; ++i) c.subscriber += static_cast<char>('0' + random() % 10);
  c.organization_code = OrganizationCode(random);
  return c;
}

}  // namespace

EvalSet GenerateCompanyRecords(std::size_t records, std::uint64_t seed) {
  EvalSet set{"generated companies", false, {}, {}};
  set.records.reserve(records);
  set.entity.reserve(records);
  std::mt19937_64 random(seed);
  std::unordered_set<std::uint64_t> names;
  Company previous;
  for (std::size_t e = 0; set.records.size() < records; ++e) {
    Company c = NewCompany(random, names);
    if (e > 0 && random() % 10 == 0) {
      // A branch office of the previous company: its name and a city's branch suffix, its own phone and code.
      const Company parent = previous;
      c.syllables = parent.syllables;
      c.length = parent.length;
      c.city = parent.city;
      c.industry = parent.industry;
      c.branch_city = (parent.city + 1 + random() % (kCities.size() - 1)) % kCities.size();
    }
    previous = c;
    const std::size_t copies = std::min<std::size_t>(1 + random() % 3, records - set.records.size());
    for (std::size_t k = 0; k < copies; ++k) {
      matching::MatchRecord r;
      r.source = k % 2 == 0 ? "erp" : "crm";
      r.id = std::to_string(e) + "-" + std::to_string(k);
      r.name = NameVariant(c, static_cast<int>(random() % 5));
      if (random() % 10 != 0) r.phones.push_back(PhoneVariant(c, static_cast<int>(random() % 4)));
      if (random() % 10 < 7) r.organization_id = IdentifierVariant(c, static_cast<int>(random() % 5), random);
      set.records.push_back(std::move(r));
      set.entity.push_back(std::to_string(e));
    }
  }
  return set;
}

}  // namespace hub::bench
