#include "hub/files/text_lines.hpp"

namespace hub::files {
namespace {

// Splits the decoded line break off the end of `text`.
void SplitLineBreak(std::string_view text, TextLine* line) {
  std::size_t length = 0;
  if (!text.empty() && text.back() == '\n') length = text.size() >= 2 && text[text.size() - 2] == '\r' ? 2 : 1;
  line->text = text.substr(0, text.size() - length);
  line->line_break = text.substr(text.size() - length);
}

}  // namespace

sdk::Result<bool> TextLines::Next(TextLine* line) {
  if (unread_) {
    unread_ = false;
    position_ = last_.end;
    *line = last_;
    return true;
  }
  RawLine raw;
  sdk::Result<bool> more = reader_.Next(&raw);
  if (!more.ok() || !*more) return more;
  last_.number = raw.number;
  last_.end = raw.end;
  last_.error.clear();
  std::string_view text;
  if (raw.truncated) {
    last_.error = "line is longer than " + std::to_string(max_line_bytes_) + " bytes";
    text = decoder_.DecodeEscaped(raw.bytes);
  } else if (sdk::Result<std::string_view> decoded = decoder_.Decode(raw.bytes); decoded.ok()) {
    text = *decoded;
  } else {
    last_.error = decoded.status().message();
    text = decoder_.DecodeEscaped(raw.bytes);
  }
  SplitLineBreak(text, &last_);
  before_last_ = position_;
  position_ = last_.end;
  *line = last_;
  return true;
}

void TextLines::Unread() {
  unread_ = true;
  position_ = before_last_;
}

void TextLines::Seek(const LineEnd& position) {
  unread_ = false;
  reader_.Seek(position);
  position_ = position;
}

}  // namespace hub::files
