// The text transforms the matcher compares names in, each from a well-kept library: ICU for NFKC, case
// folding and Han -> Latin transliteration, OpenCC for Traditional -> Simplified Chinese at phrase level.
#ifndef HUB_MATCHING_TEXT_NORMALIZER_HPP_
#define HUB_MATCHING_TEXT_NORMALIZER_HPP_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"
#include "matching/string_memo.hpp"

namespace hub::matching {

// OpenCC's Traditional -> Simplified configuration, found by OpenCC in its data folder (libopencc-data:
// /usr/share/opencc/t2s.json) when not a path.
inline constexpr std::string_view kTraditionalToSimplified = "t2s.json";

// Holds ICU transliterators and OpenCC converters, which ICU and OpenCC do not promise to be reentrant: a
// call takes a set no other thread uses from an idle list (made on first need, each load takes
// milliseconds; as many sets as threads ever converted at once), so one normalizer serves any number of
// threads without serializing them. The conversions of up to `memo_capacity` distinct texts each are kept
// (StringMemo): names and trade names repeat. Every method is safe to call from several threads.
class TextNormalizer {
 public:
  // Errors: Unavailable when ICU lacks the Han-Latin transliterator or OpenCC cannot load `opencc_config`
  // (the message names which and why).
  static sdk::Result<std::unique_ptr<TextNormalizer>> Create(std::string_view opencc_config = kTraditionalToSimplified,
                                                             std::size_t memo_capacity = kDefaultMemoCapacity);
  static constexpr std::size_t kDefaultMemoCapacity = 1 << 17;

  ~TextNormalizer();
  TextNormalizer(const TextNormalizer&) = delete;
  TextNormalizer& operator=(const TextNormalizer&) = delete;

  // NFKC, case folding, punctuation other than '&' and '.' dropped, blanks collapsed: model::NormalizeName.
  // "  ＡＣＭＥ  Trading, Ltd. " -> "acme trading ltd.".
  std::string Fold(std::string_view text) const;

  // Traditional Chinese characters and phrases in their simplified form (OpenCC t2s: 乾燥 -> 干燥, 瞭解 ->
  // 了解, 華信 -> 华信); other text unchanged. On a conversion error, the text as given.
  std::string ToSimplified(std::string_view text) const;

  // The pinyin key of a name: Han characters transliterated to toneless pinyin (ICU "Han-Latin;
  // Latin-ASCII", character by character, after a short table of the readings names need that ICU gets
  // wrong: 厦门 xiamen, 成都 chengdu, 长城 changcheng, 招商银行 zhaoshangyinhang; another polyphone may still
  // take its other reading), folded, and only the letters and digits kept: 华信 -> "huaxin", 華信 ->
  // "huaxin", "Hua Xin" -> "huaxin", "HUAXIN" -> "huaxin". Text without Han characters skips ICU.
  std::string PinyinKey(std::string_view text) const;

 private:
  struct Converters;
  class Lease;
  TextNormalizer(std::string opencc_config, std::size_t memo_capacity, std::unique_ptr<Converters> first);
  static sdk::Result<std::unique_ptr<Converters>> MakeConverters(const std::string& opencc_config);
  std::string Transliterate(std::string_view folded) const;

  std::string opencc_config_;
  mutable std::mutex idle_mutex_;
  mutable std::vector<std::unique_ptr<Converters>> idle_;  // guarded by idle_mutex_
  mutable std::condition_variable returned_;               // a set went back to idle_
  mutable StringMemo simplified_;
  mutable StringMemo pinyin_;
};

}  // namespace hub::matching

#endif  // HUB_MATCHING_TEXT_NORMALIZER_HPP_
