#include "email/imap_command.hpp"

#include <cstddef>

namespace hub::email {
namespace {

// The code points of `text`: UTF-8 sequences decoded, any other byte taken as Latin-1.
std::vector<char32_t> CodePoints(std::string_view text) {
  std::vector<char32_t> points;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xe  ? 3
                               : (lead >> 3) == 0x1e ? 4
                                                     : 0;
    char32_t point = length == 1 ? lead : length == 2 ? lead & 0x1f : length == 3 ? lead & 0x0f : lead & 0x07;
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xc0) == 0x80;
      point = (point << 6) | (next & 0x3f);
    }
    points.push_back(valid ? point : lead);
    i += valid ? length : 1;
  }
  return points;
}

// A run of non-ASCII code points as modified UTF-7's "&...-": UTF-16, base64 with ',' for '/', unpadded.
void AppendModifiedBase64(const std::vector<char32_t>& run, std::string& out) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
  std::vector<unsigned char> utf16;
  auto unit = [&utf16](char32_t u) {
    utf16.push_back(static_cast<unsigned char>(u >> 8));
    utf16.push_back(static_cast<unsigned char>(u & 0xff));
  };
  for (char32_t point : run) {
    if (point >= 0x10000) {
      unit(0xd800 + ((point - 0x10000) >> 10));
      unit(0xdc00 + ((point - 0x10000) & 0x3ff));
    } else {
      unit(point);
    }
  }
  out.push_back('&');
  std::uint32_t bits = 0;
  int count = 0;
  for (unsigned char byte : utf16) {
    bits = (bits << 8) | byte;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out.push_back(kAlphabet[(bits >> count) & 0x3f]);
    }
  }
  if (count > 0) out.push_back(kAlphabet[(bits << (6 - count)) & 0x3f]);
  out.push_back('-');
}

}  // namespace

std::string QuotedMailboxName(std::string_view folder) {
  std::string out = "\"";
  std::vector<char32_t> run;
  for (char32_t point : CodePoints(folder)) {
    if (point >= 0x20 && point < 0x7f) {
      if (!run.empty()) AppendModifiedBase64(run, out);
      run.clear();
      if (point == '"' || point == '\\') out.push_back('\\');
      out.push_back(static_cast<char>(point));
      if (point == '&') out.push_back('-');
    } else {
      run.push_back(point);
    }
  }
  if (!run.empty()) AppendModifiedBase64(run, out);
  out.push_back('"');
  return out;
}

std::string UidSet(const std::vector<std::uint32_t>& uids) {
  std::string set;
  for (std::size_t i = 0; i < uids.size();) {
    std::size_t last = i;
    while (last + 1 < uids.size() && uids[last + 1] == uids[last] + 1) ++last;
    if (!set.empty()) set.push_back(',');
    set += std::to_string(uids[i]);
    if (last > i) set += ':' + std::to_string(uids[last]);
    i = last + 1;
  }
  return set;
}

}  // namespace hub::email
