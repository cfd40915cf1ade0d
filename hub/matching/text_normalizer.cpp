#include "matching/text_normalizer.hpp"

#include <opencc.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>

#include "model/normalize.hpp"

namespace hub::matching {
namespace {

// Readings ICU's character-by-character Han-Latin gets wrong in company and place names (it reads 厦门 "sha
// men", 银行 "yin xing", 成都 "cheng dou"), applied before it: phrases first, then the characters whose other
// reading is the usual one in names (长 in 长城 长江 长沙, 行 in 银行 商行 车行, 都 in 成都 首都).
struct Reading {
  const char16_t* han;
  const char16_t* latin;
};
constexpr Reading kReadings[] = {
    {u"厦门", u"xia men "},  {u"佛山", u"fo shan "}, {u"蚌埠", u"beng bu "},    {u"六安", u"lu an "},
    {u"乐清", u"yue qing "}, {u"番禺", u"pan yu "},  {u"重庆", u"chong qing "}, {u"长", u"chang "},
    {u"行", u"hang "},       {u"都", u"du "}};

}  // namespace

struct TextNormalizer::Converters {
  std::unique_ptr<icu::Transliterator> to_latin;
  opencc_t to_simplified = reinterpret_cast<opencc_t>(-1);

  ~Converters() {
    if (to_simplified != reinterpret_cast<opencc_t>(-1)) opencc_close(to_simplified);
  }
};

sdk::Result<std::unique_ptr<TextNormalizer>> TextNormalizer::Create(std::string_view opencc_config) {
  auto converters = std::make_unique<Converters>();
  UErrorCode error = U_ZERO_ERROR;
  converters->to_latin.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, error));
  if (U_FAILURE(error) || !converters->to_latin) {
    return sdk::Status::Unavailable(std::string("ICU has no Han-Latin transliterator: ") + u_errorName(error));
  }
  converters->to_simplified = opencc_open(std::string(opencc_config).c_str());
  if (converters->to_simplified == reinterpret_cast<opencc_t>(-1)) {
    return sdk::Status::Unavailable("OpenCC cannot load " + std::string(opencc_config) + ": " + opencc_error() +
                                    " (install libopencc-data)");
  }
  return std::unique_ptr<TextNormalizer>(new TextNormalizer(std::move(converters)));
}

TextNormalizer::TextNormalizer(std::unique_ptr<Converters> converters) : converters_(std::move(converters)) {}

TextNormalizer::~TextNormalizer() = default;

std::string TextNormalizer::Fold(std::string_view text) const { return model::NormalizeName(text); }

std::string TextNormalizer::ToSimplified(std::string_view text) const {
  std::lock_guard lock(mutex_);
  char* converted = opencc_convert_utf8(converters_->to_simplified, text.data(), text.size());
  if (converted == nullptr) return std::string(text);
  std::string out(converted);
  opencc_convert_utf8_free(converted);
  return out;
}

std::string TextNormalizer::PinyinKey(std::string_view text) const {
  const std::string folded = Fold(text);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(folded);
  for (const Reading& reading : kReadings) unicode.findAndReplace(reading.han, reading.latin);
  {
    std::lock_guard lock(mutex_);
    converters_->to_latin->transliterate(unicode);
  }
  std::string latin;
  unicode.toUTF8String(latin);
  std::string key;
  for (unsigned char c : latin) {
    if (std::isalnum(c)) key.push_back(static_cast<char>(std::tolower(c)));
  }
  return key;
}

}  // namespace hub::matching
