// Which charset a text part is in, and its bytes as UTF-8. The rule, in order:
//  1. the charset its Content-Type declares, when the decoder knows it (a declared US-ASCII whose bytes
//     are not ASCII counts as undeclared: 8-bit mail labelled ASCII is common);
//  2. for text/html, the charset of its <meta charset> or <meta http-equiv="Content-Type"> (email/html_text.hpp);
//  3. detected: UTF-8 when the bytes are valid UTF-8, else GB18030.
// The GB family (GB2312, EUC-CN, GBK, CP936) is always read as GB18030, its superset: mail labelled GB2312
// routinely carries GBK and GB18030 characters, and reading it as its superset loses nothing. Decoding is
// the SDK's files::TextDecoder (ICU); bytes invalid in the charset become "\xHH" escapes, never an error.
#ifndef HUB_EMAIL_MIME_CHARSET_HPP_
#define HUB_EMAIL_MIME_CHARSET_HPP_

#include <string>
#include <string_view>

namespace hub::email {

// Where the charset of a text part came from (the rule above).
enum class CharsetSource { kContentType, kHtmlMeta, kDetected };

// "content-type", "html-meta" or "detected".
std::string_view CharsetSourceName(CharsetSource source);

// A text part's UTF-8, with the charset it was decoded from (the decoder's name for it) and its source.
struct DecodedText {
  std::string text;
  std::string charset;
  CharsetSource source = CharsetSource::kDetected;
};

// The name the decoder is given for a declared charset label: "GB18030" for the GB family, else the
// label itself, trimmed of spaces and quotes.
std::string DecoderCharsetName(std::string_view label);

// `bytes` (already free of their transfer encoding) as UTF-8, by the rule above. `declared_charset` is
// the Content-Type's charset parameter, empty when none. Never fails. Thread-safe (decoders are cached
// per thread).
DecodedText DecodeTextPart(std::string_view bytes, std::string_view declared_charset, bool is_html);

// `raw_header` with the charset of every RFC 2047 encoded word of the GB family relabelled GB18030
// (=?gb2312?B?...?= becomes =?GB18030?B?...?=), so that the header decoder reads them by the same rule.
std::string WidenGbCharsetLabels(std::string_view raw_header);

}  // namespace hub::email

#endif  // HUB_EMAIL_MIME_CHARSET_HPP_
