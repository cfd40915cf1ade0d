// Chinese company names split into their parts, so that 北京华信科技有限公司, 华信科技(北京)有限公司 and
// 华信科技有限公司北京分公司 are seen as one trade name (字号) 华信 in one industry, the last a branch.
#ifndef HUB_MATCHING_CN_COMPANY_NAME_HPP_
#define HUB_MATCHING_CN_COMPANY_NAME_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace hub::matching {

// The parts of one name, each UTF-8 and possibly empty; they appear in the name in this order except a
// region in brackets or before the legal form. Concatenated parts keep the name's order.
struct ChineseCompanyName {
  std::string region;      // 北京, 广州市天河区, 深圳市 (leading, in brackets, or before the legal form)
  std::string trade_name;  // 字号: 华信; empty when every word is a region, industry or form (福建环境公司)
  std::string industry;    // 科技, 电子商务, 房地产开发
  std::string legal_form;  // 有限公司, 股份有限公司, 集团有限公司, 商行, 服装店: what the name ends with
  std::string branch;        // 北京分公司, 上海办事处: set only for a branch office, which is its own entity
  std::string branch_place;  // 北京: the branch's own words without the marker (empty when it has none)

  bool is_branch() const { return !branch.empty(); }
};

// A dictionary parser: the name is NFKC-normalized (full-width brackets to ASCII), a bracketed place is
// taken as the region, a branch marker at the end (分公司, 分店, 办事处, 营业部, 分行, 支行, 代表处 …) is
// split off with what follows the parent's legal form; then of every way to read the rest as
//   place* trade-name (industry | place | form)*
// (places with their 省/市/区/县/镇/乡/街道, industry and form words from the dictionaries) the one with
// the shortest trade name of at least two characters is taken — no trade name at all when the whole rest
// is dictionary words, one character only when nothing else reads — preferring, at equal length, a
// reading whose first tail word is longer than one character, then the longer region. A region in brackets
// excludes a leading one (阿里巴巴(中国) keeps 阿里巴巴 whole). The trailing form words are the legal form,
// other trailing words industry (or region, for places).
//
// A name of nothing but places, industry and form words has no trade name (福建环境公司, and, as
// companynameparser's labels have it, 宁波兴隆房地产开发有限公司). PlaceTradeNames::kAfterRegion reads, for
// matching, a place without administrative level that follows the leading region (北京|永安|科技有限公司)
// or comes first before a bracketed one (永安|科技(北京)有限公司) as the trade name instead: two companies of
// one city and trade need a word of their own to compare. A single place stays the region (福建环境公司).
//
// On the companynameparser ground truth (500 names, bench/cn_company_name_eval.cpp) the trade name is the
// labelled one for 97.2% of names (docs/BENCHMARKS.md).
//
// Immutable after construction: Parse is safe from any number of threads.
enum class PlaceTradeNames : std::uint8_t { kNone, kAfterRegion };

class ChineseCompanyNameParser {
 public:
  // Word lists, one word a line (blank lines ignored).
  struct Dictionaries {
    std::string_view places;
    std::string_view industries;
    std::string_view forms;
  };

  // The compiled-in dictionaries (cn_name_dictionaries.hpp) with the hub's own legal forms, branch
  // markers and industry words. Built on first use, then shared.
  static const ChineseCompanyNameParser& Builtin();

  explicit ChineseCompanyNameParser(const Dictionaries& dictionaries);

  ChineseCompanyName Parse(std::string_view name, PlaceTradeNames place_trade_names = PlaceTradeNames::kNone) const;

 private:
  // Looked up by view, so probing a substring of a name allocates nothing.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view word) const { return std::hash<std::u32string_view>{}(word); }
  };
  using WordSet = std::unordered_set<std::u32string, WordHash, std::equal_to<>>;

  std::u32string TakeBracketedRegion(std::u32string_view name, std::u32string& region) const;
  std::u32string TakeBranch(std::u32string_view name, std::u32string& branch, std::u32string& place) const;
  void SplitCore(std::u32string_view core, PlaceTradeNames place_trade_names, ChineseCompanyName& parts) const;

  WordSet places_;
  WordSet tail_words_;  // industry words, places and forms: what may follow the trade name
  WordSet prefixes_;    // every prefix of those: a probe stops at the first length no word starts with
  WordSet industries_;
  WordSet forms_;
  std::size_t longest_word_ = 1;
};

}  // namespace hub::matching

#endif  // HUB_MATCHING_CN_COMPANY_NAME_HPP_
