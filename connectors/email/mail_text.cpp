#include "email/mail_text.hpp"

#include <algorithm>
#include <array>

#include "email/ascii_text.hpp"

namespace hub::email {
namespace {

constexpr std::string_view kBlanks = " \t\r";
constexpr std::size_t kSignOffReach = 12;   // a sign-off counts among this many last lines
constexpr std::size_t kGuessedLines = 8;    // a last block of at most this many lines may be a signature
constexpr std::size_t kGuessedWidth = 100;  // of at most this many bytes each

// Without blanks at either end: ASCII ones, the no-break space and the ideographic space (U+3000, which
// Chinese mail indents with).
std::string_view Trimmed(std::string_view line) {
  static constexpr std::string_view kWide[] = {"\u00a0", "\u3000"};
  for (bool changed = true; changed;) {
    line = TrimmedOf(line, kBlanks);
    changed = false;
    for (std::string_view wide : kWide) {
      while (line.starts_with(wide)) line.remove_prefix(wide.size()), changed = true;
      while (line.ends_with(wide)) line.remove_suffix(wide.size()), changed = true;
    }
  }
  return line;
}

std::vector<std::string_view> LinesOf(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

bool StartsWithAny(std::string_view line, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return line.starts_with(p); });
}

bool IsHeaderLine(std::string_view line) {
  const std::string lower = AsciiLower(line);
  return StartsWithAny(lower, {"sent:", "date:", "to:", "subject:", "发送时间", "日期", "收件人", "主题"});
}

// Whether the reply quoted below starts at lines[at].
bool StartsQuotedReply(const std::vector<std::string_view>& lines, std::size_t at) {
  const std::string_view line = Trimmed(lines[at]);
  const std::string lower = AsciiLower(line);
  if (lower.ends_with("wrote:") || line.ends_with("写道：") || line.ends_with("写道:")) return true;
  if (lower.find("original message") != std::string::npos && line.starts_with("--")) return true;
  if (line.find("原始邮件") != std::string_view::npos && line.starts_with("--")) return true;
  if (line.size() >= 10 && line.find_first_not_of('_') == std::string_view::npos) return true;
  if (!StartsWithAny(lower, {"from:", "发件人：", "发件人:"})) return false;
  for (std::size_t next = at + 1; next < lines.size(); ++next) {
    if (!Trimmed(lines[next]).empty()) return IsHeaderLine(Trimmed(lines[next]));
  }
  return false;
}

bool IsSignOff(std::string_view line) {
  static constexpr std::array<std::string_view, 14> kSignOffs = {
      "best regards", "kind regards", "regards", "best wishes", "thanks", "thank you", "sincerely",
      "cheers",       "此致",         "祝好",    "顺祝商祺",    "谢谢",   "顺颂商祺",  "敬礼"};
  line = Trimmed(line);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view mark : {",", ".", "!", ":", "，", "。", "！", "："}) {
      if (line.ends_with(mark)) line.remove_suffix(mark.size()), changed = true;
    }
  }
  const std::string lower = AsciiLower(line);
  return std::find(kSignOffs.begin(), kSignOffs.end(), lower) != kSignOffs.end();
}

// The lines the sender wrote: up to the quoted reply, without ">" lines.
std::vector<std::string_view> OwnLines(std::string_view text) {
  std::vector<std::string_view> all = LinesOf(text);
  std::vector<std::string_view> own;
  for (std::size_t at = 0; at < all.size(); ++at) {
    if (StartsQuotedReply(all, at)) break;
    if (Trimmed(all[at]).starts_with('>')) continue;
    own.push_back(all[at]);
  }
  return own;
}

// Where the signature starts in `lines`, and whether it is only guessed; lines.size() when none.
std::pair<std::size_t, bool> SignatureStart(const std::vector<std::string_view>& lines) {
  for (std::size_t at = lines.size(); at-- > 0;) {
    const std::string_view line = TrimmedOf(lines[at], "\r");
    if (line == "-- " || line == "--") return {at, false};
  }
  // The last sign-off, so that a "Thanks," opening a short message does not take it all.
  const std::size_t reach = lines.size() > kSignOffReach ? lines.size() - kSignOffReach : 0;
  for (std::size_t at = lines.size(); at-- > reach;) {
    if (!IsSignOff(lines[at])) continue;
    while (at > 0 && IsSignOff(lines[at - 1])) --at;  // 此致 above 敬礼
    return {at, false};
  }
  std::size_t end = lines.size();
  while (end > 0 && Trimmed(lines[end - 1]).empty()) --end;
  std::size_t start = end;
  while (start > 0 && !Trimmed(lines[start - 1]).empty()) --start;
  const bool another_block_before =
      std::any_of(lines.begin(), lines.begin() + start, [](std::string_view l) { return !Trimmed(l).empty(); });
  const bool short_lines = std::all_of(lines.begin() + start, lines.begin() + end,
                                       [](std::string_view l) { return Trimmed(l).size() <= kGuessedWidth; });
  if (another_block_before && end - start <= kGuessedLines && short_lines) return {start, true};
  return {lines.size(), false};
}

// The lines joined, each trimmed at its end, leading and trailing blank lines dropped, runs of blank lines
// made one.
std::string Joined(const std::vector<std::string_view>& lines, std::size_t end) {
  std::string joined;
  bool blank_pending = false;
  for (std::size_t at = 0; at < end; ++at) {
    std::string_view line = lines[at];
    while (!line.empty() && kBlanks.find(line.back()) != std::string_view::npos) line.remove_suffix(1);
    if (Trimmed(line).empty()) {
      blank_pending = !joined.empty();
      continue;
    }
    if (!joined.empty()) joined += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    joined.append(line);
  }
  return joined;
}

}  // namespace

MailTextParts SplitMailText(std::string_view text) {
  const std::vector<std::string_view> lines = OwnLines(text);
  const auto [start, guessed] = SignatureStart(lines);
  MailTextParts parts;
  parts.signature_guessed = guessed;
  parts.body = Joined(lines, guessed ? lines.size() : start);
  for (std::size_t at = start; at < lines.size(); ++at) {
    const std::string_view line = Trimmed(lines[at]);
    if (!line.empty() && line != "--") parts.signature.emplace_back(line);
  }
  return parts;
}

std::string BoundedText(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) {
      std::string cut(text.substr(0, at));
      while (!cut.empty() && kBlanks.find(cut.back()) != std::string_view::npos) cut.pop_back();
      return cut + "…";
    }
  }
  return std::string(text);
}

}  // namespace hub::email
