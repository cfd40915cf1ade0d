#include "email/imap_response.hpp"

#include <charconv>

namespace hub::email {
namespace {

// The length a line announces for the literal that follows it ("... {123}" or the non-synchronizing
// "{123+}"), or nothing.
std::optional<std::size_t> AnnouncedLiteral(std::string_view line) {
  if (line.empty() || line.back() != '}') return std::nullopt;
  const std::size_t open = line.rfind('{');
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view digits = line.substr(open + 1, line.size() - open - 2);
  if (!digits.empty() && digits.back() == '+') digits.remove_suffix(1);
  std::size_t size = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return size;
}

bool IsAtomChar(char c) {
  return c != ' ' && c != '(' && c != ')' && c != '"' && c != '{' && static_cast<unsigned char>(c) > 0x1f && c != 0x7f;
}

}  // namespace

void ImapResponseReader::Feed(std::string_view bytes) {
  // Drop what was read once it is most of the buffer, so that the buffer stays about one response long.
  if (position_ > 0 && position_ * 2 >= buffer_.size()) {
    buffer_.erase(0, position_);
    position_ = 0;
  }
  buffer_.append(bytes);
}

std::optional<ImapResponse> ImapResponseReader::Next() {
  for (;;) {
    if (literal_size_) {
      if (buffer_.size() - position_ < *literal_size_) return std::nullopt;
      partial_.literals.emplace_back(buffer_, position_, *literal_size_);
      position_ += *literal_size_;
      literal_size_.reset();
      continue;
    }
    const std::size_t end = buffer_.find("\r\n", position_);
    if (end == std::string::npos) return std::nullopt;
    const std::string_view line(buffer_.data() + position_, end - position_);
    position_ = end + 2;
    partial_.text.append(line);
    literal_size_ = AnnouncedLiteral(line);
    if (literal_size_) continue;
    ImapResponse complete = std::move(partial_);
    partial_ = ImapResponse();
    return complete;
  }
}

ImapScanner::Token ImapScanner::Next() {
  const std::string& text = response_.text;
  while (position_ < text.size() && text[position_] == ' ') ++position_;
  if (position_ >= text.size()) return {};
  const char c = text[position_];
  if (c == '(' || c == ')') {
    ++position_;
    return {c == '(' ? Kind::kOpen : Kind::kClose, {}};
  }
  if (c == '"') return Quoted();
  if (c == '{') return Literal();
  const std::size_t start = position_;
  // An atom may hold a section in brackets with blanks inside ("BODY[HEADER.FIELDS (FROM)]").
  int brackets = 0;
  while (position_ < text.size() && (IsAtomChar(text[position_]) || (brackets > 0 && text[position_] != '"'))) {
    if (text[position_] == '[') ++brackets;
    if (text[position_] == ']') --brackets;
    ++position_;
  }
  if (position_ == start) return {};
  std::string atom = text.substr(start, position_ - start);
  if (atom == "NIL" || atom == "nil") return {Kind::kNil, {}};
  return {Kind::kAtom, std::move(atom)};
}

ImapScanner::Token ImapScanner::Quoted() {
  const std::string& text = response_.text;
  std::string value;
  for (++position_; position_ < text.size(); ++position_) {
    char c = text[position_];
    if (c == '"') {
      ++position_;
      return {Kind::kString, std::move(value)};
    }
    if (c == '\\' && position_ + 1 < text.size()) c = text[++position_];
    value.push_back(c);
  }
  return {};  // an unterminated string is not a value
}

ImapScanner::Token ImapScanner::Literal() {
  const std::string& text = response_.text;
  const std::size_t close = text.find('}', position_);
  if (close == std::string::npos || next_literal_ >= response_.literals.size()) return {};
  position_ = close + 1;
  return {Kind::kString, response_.literals[next_literal_++]};
}

bool ImapScanner::SkipValue() {
  int depth = 0;
  do {
    const Token token = Next();
    if (token.kind == Kind::kEnd) return false;
    if (token.kind == Kind::kOpen) ++depth;
    if (token.kind == Kind::kClose) --depth;
  } while (depth > 0);
  return true;
}

}  // namespace hub::email
