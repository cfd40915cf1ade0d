#include "matching/cn_company_name.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "matching/cn_name_dictionaries.hpp"
#include "matching/code_points.hpp"

namespace hub::matching {
namespace {

// Legal forms and kinds of business the dictionary's list lacks; also where a branch's own words start.
constexpr std::u32string_view kLegalForms[] = {
    U"股份有限公司", U"有限责任公司", U"有限公司", U"股份公司", U"集团有限公司", U"集团股份有限公司",
    U"集团公司",     U"集团",         U"控股",     U"总公司",   U"公司",         U"有限合伙",
    U"合伙企业",     U"个人独资企业", U"商贸行",   U"贸易行",   U"艺术行",       U"淘宝店",
    U"网店",         U"工作室",       U"经营部",   U"门市部",   U"商行"};
constexpr std::u32string_view kExtraIndustries[] = {U"苗圃", U"新材料", U"调味品", U"百货商场",
                                                    U"商场", U"商贸",   U"百货"};
// A name ending in one of these is a branch office.
constexpr std::u32string_view kBranchMarkers[] = {U"分公司", U"分店", U"办事处", U"营业部", U"分行",   U"支行",
                                                  U"支公司", U"分厂", U"代表处", U"分部",   U"分理处", U"分社"};
// The level a place name may carry after it: 陕西省, 海淀区.
constexpr std::u32string_view kAdministrativeLevels[] = {U"省", U"市", U"县", U"区", U"镇", U"乡", U"街道"};

constexpr std::size_t kNoReading = std::numeric_limits<std::size_t>::max();

template <typename WordSet>
void AddWords(std::string_view list, WordSet& words) {
  while (!list.empty()) {
    const std::size_t end = list.find('\n');
    std::string_view line = list.substr(0, end);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty()) words.insert(ToCodePoints(line));
    if (end == std::string_view::npos) break;
    list.remove_prefix(end + 1);
  }
}

bool EndsWith(std::u32string_view text, std::u32string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// NFKC (full-width brackets and letters to ASCII), without white space.
std::u32string Prepared(std::string_view name) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(error)) text = nfkc->normalize(text, error);
  std::string utf8;
  text.toUTF8String(utf8);
  std::u32string out = ToCodePoints(utf8);
  std::erase_if(out, [](char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); });
  return out;
}

// One way to read a name's core: region up to `head`, trade name up to `tail`, dictionary words after.
struct Reading {
  std::size_t head = 0;
  std::size_t tail = 0;
  // Lower is better: no trade name, then one of two or more characters, then one of one.
  int kind = 0;
  double length = 0;
};

bool Better(const Reading& a, const Reading& b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  if (a.length != b.length) return a.length < b.length;
  return a.head > b.head;
}

// PlaceTradeNames::kAfterRegion on a reading with no trade name (every word a place, industry or form): the
// second place of the leading region when it has no administrative level (北京|永安|科技有限公司), or, with
// the region in brackets, the first word when a place (永安|科技|(北京)有限公司), is the trade name.
template <typename WordSet>
void TakePlaceAsTradeName(std::u32string_view core, bool region_in_brackets, const std::vector<std::size_t>& last_place,
                          const std::vector<bool>& bare, const std::vector<std::size_t>& next, const WordSet& places,
                          const WordSet& industries, Reading& best) {
  if (best.head > 0 && !region_in_brackets) {
    const std::size_t start = last_place[best.head];
    if (start > 0 && bare[best.head] && best.head - start >= 2) {
      best.tail = best.head;
      best.head = start;
      best.kind = 1;
    }
    return;
  }
  if (best.head != 0 || !region_in_brackets || best.tail >= core.size() || next[best.tail] >= core.size()) return;
  const std::u32string_view first = core.substr(best.tail, next[best.tail] - best.tail);
  if (first.size() >= 2 && places.contains(first) && !industries.contains(first)) {
    best.tail = next[best.tail];
    best.kind = 1;
  }
}

}  // namespace

const ChineseCompanyNameParser& ChineseCompanyNameParser::Builtin() {
  static const ChineseCompanyNameParser parser(
      Dictionaries{BuiltinPlaceNames(), BuiltinIndustryWords(), BuiltinOrganizationForms()});
  return parser;
}

ChineseCompanyNameParser::ChineseCompanyNameParser(const Dictionaries& dictionaries) {
  AddWords(dictionaries.places, places_);
  AddWords(dictionaries.industries, industries_);
  AddWords(dictionaries.forms, forms_);
  for (std::u32string_view form : kLegalForms) forms_.emplace(form);
  for (std::u32string_view word : kExtraIndustries) industries_.emplace(word);
  for (const WordSet* words : {&places_, &industries_, &forms_}) {
    tail_words_.insert(words->begin(), words->end());
    for (const std::u32string& word : *words) {
      longest_word_ = std::max(longest_word_, word.size());
      for (std::size_t length = 1; length <= word.size(); ++length) prefixes_.insert(word.substr(0, length));
    }
  }
}

std::u32string ChineseCompanyNameParser::TakeBracketedRegion(std::u32string_view name, std::u32string& region) const {
  std::u32string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const std::size_t close = name[i] == U'(' ? name.find(U')', i) : std::u32string_view::npos;
    if (close == std::u32string_view::npos) {
      out.push_back(name[i]);
      continue;
    }
    const std::u32string_view inner = name.substr(i + 1, close - i - 1);
    if (places_.contains(inner)) {
      region += inner;
    } else if (!forms_.contains(inner)) {
      out += inner;  // 贵州民族酒业(集团)销售: the form in brackets says nothing of the trade name
    }
    i = close;
  }
  return out;
}

std::u32string ChineseCompanyNameParser::TakeBranch(std::u32string_view name, std::u32string& branch,
                                                    std::u32string& place) const {
  for (std::u32string_view marker : kBranchMarkers) {
    if (!EndsWith(name, marker) || name.size() == marker.size()) continue;
    std::u32string_view parent = name.substr(0, name.size() - marker.size());
    // The branch's own words (its city) start after the parent's legal form: 华信科技有限公司|北京分公司.
    std::size_t parent_end = 0;
    for (std::u32string_view form : kLegalForms) {
      const std::size_t at = parent.rfind(form);
      if (at != std::u32string_view::npos) parent_end = std::max(parent_end, at + form.size());
    }
    if (parent_end == 0) parent_end = parent.size();
    branch = std::u32string(name.substr(parent_end));
    place = std::u32string(name.substr(parent_end, parent.size() - parent_end));
    return std::u32string(name.substr(0, parent_end));
  }
  return std::u32string(name);
}

void ChineseCompanyNameParser::SplitCore(std::u32string_view core, PlaceTradeNames place_trade_names,
                                         ChineseCompanyName& parts) const {
  const std::size_t n = core.size();
  auto word = [&](std::size_t at, std::size_t length) { return core.substr(at, length); };
  // head[i]: core[0, i) is a sequence of places, each with the administrative level that follows it.
  std::vector<bool> head(n + 1, false);
  head[0] = true;
  // last_place[i]: where the last place of the first such reading of core[0, i) starts; bare[i]: it carries
  // no administrative level.
  std::vector<std::size_t> last_place(n + 1, 0);
  std::vector<bool> bare(n + 1, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (!head[i]) continue;
    for (std::size_t length = 1; length <= std::min(longest_word_, n - i); ++length) {
      if (!prefixes_.contains(word(i, length))) break;
      if (!places_.contains(word(i, length))) continue;
      std::size_t end = i + length;
      for (std::u32string_view level : kAdministrativeLevels) {
        if (core.substr(end).starts_with(level)) {
          end += level.size();
          break;
        }
      }
      if (!head[end]) {
        last_place[end] = i;
        bare[end] = end == i + length;
      }
      head[end] = true;
    }
  }
  // words[k]: the fewest dictionary words core[k, n) reads as (kNoReading: none); next[k] ends the first, the
  // longest first word of the fewest.
  std::vector<std::size_t> words(n + 1, kNoReading);
  std::vector<std::size_t> next(n + 1, n);
  words[n] = 0;
  for (std::size_t k = n; k-- > 0;) {
    for (std::size_t length = 1; length <= std::min(longest_word_, n - k); ++length) {
      if (!prefixes_.contains(word(k, length))) break;
      if (words[k + length] == kNoReading || words[k + length] + 1 > words[k]) continue;
      if (!tail_words_.contains(word(k, length))) continue;
      words[k] = words[k + length] + 1;
      next[k] = k + length;
    }
  }
  const bool region_in_brackets = !parts.region.empty();
  Reading best{0, n, 2, 1e9};
  for (std::size_t i = 0; i <= n; ++i) {
    if (!head[i] || (i > 0 && region_in_brackets)) continue;
    for (std::size_t k = i; k <= n; ++k) {
      if (words[k] == kNoReading) continue;
      const std::size_t trade = k - i;
      const bool one_character_word = k < n && next[k] - k == 1;
      const Reading reading{i, k,
                            trade == 0   ? 0
                            : trade >= 2 ? 1
                                         : 2,
                            static_cast<double>(trade) + (one_character_word ? 1.5 : 0.0)};
      if (Better(reading, best)) best = reading;
    }
  }
  if (best.kind == 0 && place_trade_names == PlaceTradeNames::kAfterRegion)
    TakePlaceAsTradeName(core, region_in_brackets, last_place, bare, next, places_, industries_, best);
  std::vector<std::u32string_view> tail;
  for (std::size_t k = best.tail; k < n; k = next[k]) tail.push_back(word(k, next[k] - k));
  std::size_t forms_from = tail.size();
  while (forms_from > 0 && forms_.contains(tail[forms_from - 1])) --forms_from;
  std::u32string region(core.substr(0, best.head));
  std::u32string industry;
  std::u32string legal_form;
  for (std::size_t w = 0; w < tail.size(); ++w) {
    if (w >= forms_from) {
      legal_form += tail[w];
    } else if (places_.contains(tail[w]) && !industries_.contains(tail[w])) {
      region += tail[w];
    } else {
      industry += tail[w];
    }
  }
  parts.region = ToUtf8(region) + parts.region;
  parts.trade_name = ToUtf8(core.substr(best.head, best.tail - best.head));
  parts.industry = ToUtf8(industry);
  parts.legal_form = ToUtf8(legal_form);
}

ChineseCompanyName ChineseCompanyNameParser::Parse(std::string_view name, PlaceTradeNames place_trade_names) const {
  ChineseCompanyName parts;
  std::u32string bracketed_region;
  const std::u32string without_brackets = TakeBracketedRegion(Prepared(name), bracketed_region);
  std::u32string branch;
  std::u32string branch_place;
  const std::u32string core = TakeBranch(without_brackets, branch, branch_place);
  parts.region = ToUtf8(bracketed_region);
  parts.branch = ToUtf8(branch);
  parts.branch_place = ToUtf8(branch_place);
  SplitCore(core, place_trade_names, parts);
  return parts;
}

}  // namespace hub::matching
