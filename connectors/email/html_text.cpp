#include "email/html_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

#include "email/ascii_text.hpp"

namespace hub::email {
namespace {

constexpr std::size_t kMetaWindow = 4096;
// Blocks that end a line, and blocks that end a paragraph (a blank line after them).
constexpr std::array<std::string_view, 6> kLineTags = {"div", "tr", "li", "hr", "dt", "dd"};
constexpr std::array<std::string_view, 12> kParagraphTags = {"p",  "h1",    "h2", "h3", "h4",         "h5",
                                                             "h6", "table", "ul", "ol", "blockquote", "pre"};
constexpr std::array<std::string_view, 3> kSkippedTags = {"script", "style", "title"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void AppendUtf8(std::uint32_t code, std::string* out) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Builds the text: collapses white space, and keeps at most one blank line.
class TextBuilder {
 public:
  void Space() { pending_space_ = !text_.empty() && text_.back() != '\n'; }
  // Ends the line with at least `breaks` line breaks (none at the start of the text).
  void EndLines(std::size_t breaks) {
    TrimSpaces();
    while (!text_.empty() && TrailingBreaks() < breaks) text_.push_back('\n');
  }
  // <br>: one more line break, at most two in a row.
  void LineBreak() {
    TrimSpaces();
    if (!text_.empty() && TrailingBreaks() < 2) text_.push_back('\n');
  }
  void Append(std::string_view piece) {
    if (pending_space_) text_.push_back(' ');
    pending_space_ = false;
    text_.append(piece);
  }
  std::string Finish() {
    std::size_t end = text_.find_last_not_of(" \n");
    text_.resize(end == std::string::npos ? 0 : end + 1);
    return std::move(text_);
  }

 private:
  void TrimSpaces() {
    pending_space_ = false;
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
  }
  std::size_t TrailingBreaks() const {
    std::size_t last_text = text_.find_last_not_of('\n');
    return last_text == std::string::npos ? text_.size() : text_.size() - last_text - 1;
  }

  std::string text_;
  bool pending_space_ = false;
};

// The character reference at html[at] ('&'), appended to *out; returns the index after it (or after the
// '&' alone when it is not a reference).
std::size_t AppendReference(std::string_view html, std::size_t at, std::string* out) {
  std::size_t end = html.find(';', at);
  if (end == std::string_view::npos || end - at > 10) {
    out->push_back('&');
    return at + 1;
  }
  std::string name = AsciiLower(html.substr(at + 1, end - at - 1));
  static constexpr std::array<std::pair<std::string_view, std::uint32_t>, 7> kNamed = {
      {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '}, {"copy", 0xA9}}};
  for (const auto& [named, code] : kNamed) {
    if (name == named) return AppendUtf8(code, out), end + 1;
  }
  if (name.size() > 1 && name[0] == '#') {
    bool hex = name[1] == 'x';
    char* parsed_end = nullptr;
    unsigned long code = std::strtoul(name.c_str() + (hex ? 2 : 1), &parsed_end, hex ? 16 : 10);
    if (parsed_end != nullptr && *parsed_end == '\0') return AppendUtf8(static_cast<std::uint32_t>(code), out), end + 1;
  }
  out->push_back('&');
  return at + 1;
}

// The lower-case name of the tag starting at html[at] ('<'), without a leading '/'.
std::string TagName(std::string_view html, std::size_t at, bool* closing) {
  std::size_t begin = at + 1;
  *closing = begin < html.size() && html[begin] == '/';
  if (*closing) ++begin;
  std::size_t end = begin;
  while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end]))) ++end;
  return AsciiLower(html.substr(begin, end - begin));
}

// The index after the element whose opening tag ends at `after_open` (its closing tag), or the end.
std::size_t SkipElement(std::string_view html, std::size_t after_open, const std::string& name) {
  std::string lower = AsciiLower(html.substr(after_open));
  std::size_t close = lower.find("</" + name);
  if (close == std::string::npos) return html.size();
  std::size_t end = html.find('>', after_open + close);
  return end == std::string_view::npos ? html.size() : end + 1;
}

}  // namespace

std::string HtmlMetaCharset(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, kMetaWindow));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    std::size_t tag_end = head.find('>', meta);
    std::string_view tag = std::string_view(head).substr(meta, tag_end == std::string::npos ? tag_end : tag_end - meta);
    std::size_t charset = tag.find("charset");
    if (charset == std::string_view::npos) continue;
    std::size_t at = tag.find_first_not_of(" \t\r\n=\"'", charset + 7);
    if (at == std::string_view::npos || tag.substr(charset + 7, at - charset - 7).find('=') == std::string_view::npos)
      continue;
    std::size_t end = tag.find_first_of(" \t\r\n\"';/>", at);
    return std::string(tag.substr(at, end == std::string_view::npos ? end : end - at));
  }
  return "";
}

std::string HtmlToText(std::string_view html) {
  TextBuilder text;
  std::string piece;
  std::size_t at = 0;
  while (at < html.size()) {
    char c = html[at];
    if (c == '<' && html.substr(at, 4) == "<!--") {
      std::size_t end = html.find("-->", at + 4);
      at = end == std::string_view::npos ? html.size() : end + 3;
    } else if (c == '<') {
      bool closing = false;
      std::string name = TagName(html, at, &closing);
      if (name.empty() && !closing && html.substr(at + 1, 1) != "!" && html.substr(at + 1, 1) != "?") {
        text.Append("<");  // "a < b": not a tag
        ++at;
        continue;
      }
      std::size_t end = html.find('>', at);
      at = end == std::string_view::npos ? html.size() : end + 1;
      bool skipped = std::find(kSkippedTags.begin(), kSkippedTags.end(), name) != kSkippedTags.end();
      if (skipped && !closing) at = SkipElement(html, at, name);
      if (name == "br") text.LineBreak();
      if (std::find(kLineTags.begin(), kLineTags.end(), name) != kLineTags.end()) text.EndLines(1);
      if (std::find(kParagraphTags.begin(), kParagraphTags.end(), name) != kParagraphTags.end()) text.EndLines(2);
    } else if (IsSpace(c)) {
      text.Space();
      ++at;
    } else if (c == '&') {
      piece.clear();
      at = AppendReference(html, at, &piece);
      text.Append(piece);
    } else {
      std::size_t end = html.find_first_of("<& \t\r\n\f", at);
      if (end == std::string_view::npos) end = html.size();
      text.Append(html.substr(at, end - at));
      at = end;
    }
  }
  return text.Finish();
}

}  // namespace hub::email
