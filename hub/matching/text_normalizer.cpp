#include "matching/text_normalizer.hpp"

#include <opencc.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>

#include "model/normalize.hpp"

namespace hub::matching {

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
