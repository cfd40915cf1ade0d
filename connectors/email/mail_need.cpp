#include "email/mail_need.hpp"

#include <algorithm>
#include <cctype>

#include "email/ascii_text.hpp"
#include "email/mail_text.hpp"

namespace hub::email {
namespace {

constexpr std::size_t kMaxNeedChars = 200;

bool IsAsciiWord(std::string_view keyword) {
  return std::all_of(keyword.begin(), keyword.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && (std::isalnum(static_cast<unsigned char>(c)) || c == ' ');
  });
}

bool IsWordChar(char c) { return static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c)); }

bool HoldsKeyword(std::string_view text, const std::vector<std::string>& keywords) {
  const std::string lower = AsciiLower(text);
  for (const std::string& keyword : keywords) {
    if (keyword.empty()) continue;
    if (!IsAsciiWord(keyword)) {
      if (text.find(keyword) != std::string_view::npos) return true;
      continue;
    }
    const std::string word = AsciiLower(keyword);
    for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      const bool starts = at == 0 || !IsWordChar(lower[at - 1]);
      const bool ends = at + word.size() == lower.size() || !IsWordChar(lower[at + word.size()]);
      if (starts && ends) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> DefaultNeedKeywords() {
  return {"报价",   "询价",    "价格",     "采购",          "样品",    "订购",      "求购",       "多少钱",
          "报价单", "目录",    "quote",    "quotation",     "RFQ",     "pricing",   "price list", "prices",
          "sample", "samples", "purchase", "order inquiry", "catalog", "catalogue", "MOQ"};
}

std::string FindNeed(std::string_view subject, std::string_view body, const std::vector<std::string>& keywords) {
  if (HoldsKeyword(subject, keywords)) return BoundedText(TrimmedOf(subject, " \t"), kMaxNeedChars);
  while (!body.empty()) {
    const std::size_t end = body.find('\n');
    const std::string_view line = body.substr(0, end);
    if (HoldsKeyword(line, keywords)) return BoundedText(TrimmedOf(line, " \t"), kMaxNeedChars);
    body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
  }
  return {};
}

}  // namespace hub::email
