#include "matching/text_normalizer.hpp"

#include <opencc.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
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

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

struct TextNormalizer::Converters {
  std::unique_ptr<icu::Transliterator> to_latin;
  opencc_t to_simplified = reinterpret_cast<opencc_t>(-1);

  ~Converters() {
    if (to_simplified != reinterpret_cast<opencc_t>(-1)) opencc_close(to_simplified);
  }
};

// One set of converters, this thread's alone for the lease's life: an idle one, else a new one. Should a
// new one fail to load (the first one did load), the lease waits for another thread's to come back.
class TextNormalizer::Lease {
 public:
  explicit Lease(const TextNormalizer& owner) : owner_(owner) {
    {
      std::lock_guard lock(owner_.idle_mutex_);
      if (!owner_.idle_.empty()) {
        converters_ = std::move(owner_.idle_.back());
        owner_.idle_.pop_back();
        return;
      }
    }
    sdk::Result<std::unique_ptr<Converters>> made = MakeConverters(owner_.opencc_config_);
    if (made.ok()) {
      converters_ = std::move(*made);
      return;
    }
    std::unique_lock lock(owner_.idle_mutex_);
    owner_.returned_.wait(lock, [&] { return !owner_.idle_.empty(); });
    converters_ = std::move(owner_.idle_.back());
    owner_.idle_.pop_back();
  }
  ~Lease() {
    {
      std::lock_guard lock(owner_.idle_mutex_);
      owner_.idle_.push_back(std::move(converters_));
    }
    owner_.returned_.notify_one();
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  Converters& operator*() const { return *converters_; }

 private:
  const TextNormalizer& owner_;
  std::unique_ptr<Converters> converters_;
};

sdk::Result<std::unique_ptr<TextNormalizer::Converters>> TextNormalizer::MakeConverters(
    const std::string& opencc_config) {
  auto converters = std::make_unique<Converters>();
  UErrorCode error = U_ZERO_ERROR;
  converters->to_latin.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, error));
  if (U_FAILURE(error) || !converters->to_latin) {
    return sdk::Status::Unavailable(std::string("ICU has no Han-Latin transliterator: ") + u_errorName(error));
  }
  converters->to_simplified = opencc_open(opencc_config.c_str());
  if (converters->to_simplified == reinterpret_cast<opencc_t>(-1)) {
    return sdk::Status::Unavailable("OpenCC cannot load " + opencc_config + ": " + opencc_error() +
                                    " (install libopencc-data)");
  }
  return converters;
}

sdk::Result<std::unique_ptr<TextNormalizer>> TextNormalizer::Create(std::string_view opencc_config,
                                                                    std::size_t memo_capacity) {
  sdk::Result<std::unique_ptr<Converters>> first = MakeConverters(std::string(opencc_config));
  if (!first.ok()) return first.status();
  return std::unique_ptr<TextNormalizer>(
      new TextNormalizer(std::string(opencc_config), memo_capacity, std::move(*first)));
}

TextNormalizer::TextNormalizer(std::string opencc_config, std::size_t memo_capacity, std::unique_ptr<Converters> first)
    : opencc_config_(std::move(opencc_config)), simplified_(memo_capacity), pinyin_(memo_capacity) {
  idle_.push_back(std::move(first));
}

TextNormalizer::~TextNormalizer() = default;

std::string TextNormalizer::Fold(std::string_view text) const { return model::NormalizeName(text); }

std::string TextNormalizer::ToSimplified(std::string_view text) const {
  if (IsAscii(text)) return std::string(text);
  return simplified_.Get(text, [&](std::string_view original) {
    const Lease converters(*this);
    char* converted = opencc_convert_utf8((*converters).to_simplified, original.data(), original.size());
    if (converted == nullptr) return std::string(original);
    std::string out(converted);
    opencc_convert_utf8_free(converted);
    return out;
  });
}

std::string TextNormalizer::Transliterate(std::string_view folded) const {
  if (IsAscii(folded)) return std::string(folded);
  icu::UnicodeString unicode =
      icu::UnicodeString::fromUTF8(icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
  for (const Reading& reading : kReadings) unicode.findAndReplace(reading.han, reading.latin);
  {
    const Lease converters(*this);
    (*converters).to_latin->transliterate(unicode);
  }
  std::string latin;
  unicode.toUTF8String(latin);
  return latin;
}

std::string TextNormalizer::PinyinKey(std::string_view text) const {
  return pinyin_.Get(text, [&](std::string_view original) {
    const std::string latin = Transliterate(Fold(original));
    std::string key;
    for (unsigned char c : latin) {
      if (std::isalnum(c)) key.push_back(static_cast<char>(std::tolower(c)));
    }
    return key;
  });
}

}  // namespace hub::matching
