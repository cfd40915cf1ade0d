#include "email/signature_facts.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "email/ascii_text.hpp"

namespace hub::email {
namespace {

constexpr std::size_t kMaxCompanyBytes = 200;

// Full-width digits, plus, parentheses and hyphen as ASCII (Chinese input methods write them).
std::string Halfwidth(std::string_view line) {
  static const std::pair<std::string_view, char> kWide[] = {{"＋", '+'}, {"（", '('}, {"）", ')'}, {"－", '-'}};
  std::string out;
  for (std::size_t at = 0; at < line.size();) {
    const std::string_view rest = line.substr(at);
    // U+FF10..U+FF19: EF BC 90..99.
    if (rest.size() >= 3 && rest[0] == '\xEF' && rest[1] == '\xBC' && static_cast<unsigned char>(rest[2]) >= 0x90 &&
        static_cast<unsigned char>(rest[2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(rest[2]) - 0x90));
      at += 3;
      continue;
    }
    auto wide =
        std::find_if(std::begin(kWide), std::end(kWide), [&](const auto& w) { return rest.starts_with(w.first); });
    if (wide != std::end(kWide)) {
      out += wide->second;
      at += wide->first.size();
      continue;
    }
    out += line[at++];
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsPhoneSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

// Whether a run of `digits` (written with a leading + or not) is a phone number by the rules of the header.
bool LooksLikePhone(const std::string& digits, bool plus) {
  const std::size_t n = digits.size();
  if (n < 7 || n > 15) return false;
  if (plus) return n >= 8;
  if (digits.starts_with("00")) return n >= 10;
  if (digits.starts_with("86")) return n == 12 || n == 13;
  if (digits.starts_with("0")) return n >= 10 && n <= 12;
  return n == 11 && digits[0] == '1' && digits[1] >= '3';
}

// The first phone number of one line, as written (with + in front of a bare 86).
std::optional<std::string> PhoneIn(const std::string& line) {
  std::size_t at = 0;
  while (at < line.size()) {
    const char first = line[at];
    const bool starts = first == '+' || first == '(' || IsDigit(first);
    if (!starts || (at > 0 && IsAsciiAlnum(line[at - 1]))) {
      ++at;
      continue;
    }
    std::size_t end = at + 1;
    while (end < line.size() && (IsDigit(line[end]) || IsPhoneSeparator(line[end]))) ++end;
    std::string run = line.substr(at, end - at);
    while (!run.empty() && (IsPhoneSeparator(run.back()) && run.back() != ')')) run.pop_back();
    std::string digits;
    for (char c : run) {
      if (IsDigit(c)) digits += c;
    }
    const bool word_ends = end == line.size() || !IsAsciiAlnum(line[end]);
    if (word_ends && LooksLikePhone(digits, first == '+')) {
      return digits.starts_with("86") && first != '+' && digits.size() >= 12 ? "+" + run : run;
    }
    at = end;
  }
  return std::nullopt;
}

bool IsFaxLine(std::string_view line) {
  return line.find("传真") != std::string_view::npos || AsciiLower(line).find("fax") != std::string::npos;
}

// Where the company form in `line` ends (past a '.' right after it), if the line has one.
std::optional<std::size_t> CompanyFormEnd(const std::string& line) {
  static constexpr std::string_view kChinese[] = {"有限公司", "股份公司", "集团", "公司", "事务所", "研究院"};
  static constexpr std::string_view kLatin[] = {"co., ltd", "co.,ltd", "co. ltd", "ltd",         "limited",
                                                "inc",      "llc",     "gmbh",    "corporation", "corp",
                                                "plc",      "s.a.",    "s.p.a.",  "b.v.",        "pty"};
  std::optional<std::size_t> end;
  auto farther = [&](std::size_t candidate) { end = std::max(end.value_or(0), candidate); };
  for (std::string_view form : kChinese) {
    const std::size_t found = line.rfind(form);
    if (found != std::string::npos) farther(found + form.size());
  }
  const std::string lower = AsciiLower(line);
  auto word_at = [&](std::size_t found, std::size_t size) {
    const bool starts = found == 0 || !IsAsciiAlnum(lower[found - 1]);
    const bool ends = found + size == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[found + size]));
    return starts && ends;
  };
  for (std::string_view form : kLatin) {
    for (std::size_t found = lower.find(form); found != std::string::npos; found = lower.find(form, found + 1)) {
      if (!word_at(found, form.size())) continue;
      std::size_t past = found + form.size();
      if (past < line.size() && line[past] == '.') ++past;
      farther(past);
    }
  }
  for (std::size_t found = line.find("AG"); found != std::string::npos; found = line.find("AG", found + 1)) {
    if (word_at(found, 2)) farther(found + 2);
  }
  return end;
}

bool IsContactLine(std::string_view line) {
  const std::string lower = AsciiLower(line);
  for (std::string_view mark : {"@", "http", "www.", "address", "addr", "add:", "地址", "网址"}) {
    if (lower.find(mark) != std::string::npos) return true;
  }
  return false;
}

std::string WithoutLabel(std::string text) {
  for (std::string_view label : {"company:", "company：", "公司：", "公司:", "单位：", "单位:"}) {
    if (AsciiLower(text.substr(0, label.size())) == label)
      return std::string(TrimmedOf(text.substr(label.size()), " \t"));
  }
  return text;
}

}  // namespace

std::string FindPhoneNumber(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (IsFaxLine(line)) continue;
    std::optional<std::string> phone = PhoneIn(Halfwidth(line));
    if (phone) return *phone;
  }
  return {};
}

std::string FindCompanyName(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (IsContactLine(line)) continue;
    std::optional<std::size_t> end = CompanyFormEnd(line);
    if (!end) continue;
    // "Sales Manager | Acme Co., Ltd.": the segment holding the form.
    std::string_view upto = std::string_view(line).substr(0, *end);
    const std::size_t bar = upto.rfind('|');
    if (bar != std::string_view::npos) upto.remove_prefix(bar + 1);
    std::string company = WithoutLabel(std::string(TrimmedOf(upto, " \t,")));
    if (!company.empty() && company.size() <= kMaxCompanyBytes) return company;
  }
  return {};
}

}  // namespace hub::email
