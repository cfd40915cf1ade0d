// The messages the email benchmarks read (bench_mime_parse, bench_imap_fetch): four kinds in turn — a UTF-8
// quoted-printable plain text of 20 lines; a multipart/alternative with a 2 KiB base64 HTML part; a GBK text
// with a 32 KiB base64 PDF attachment; an HTML-only GB2312 message whose charset is only in its <meta>, with an
// encoded-word subject.
#ifndef HUB_BENCH_MIME_BENCH_MESSAGES_HPP_
#define HUB_BENCH_MIME_BENCH_MESSAGES_HPP_

#include <cstddef>
#include <string>

namespace hub::bench {

// Message `n` (its kind n % 4, its Message-ID <bench-n@example.cn>), LF line ends. Pure function.
std::string MimeBenchMessage(std::size_t n);

}  // namespace hub::bench

#endif  // HUB_BENCH_MIME_BENCH_MESSAGES_HPP_
