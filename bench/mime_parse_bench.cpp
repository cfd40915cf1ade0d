// MIME parsing throughput on one core (hub_email_reader's ParseMimeMessage), next to ceilings measured in
// the same run on the same bytes: memchr over them for line ends (the least any reader must do), and
// GMime's own parse into its object tree without our extraction (no charset decoding, no transfer decoding,
// no hashing, no HTML rendering). Not Google Benchmark: each stage is one pass over an in-memory mix of
// messages, generated here in equal shares — a UTF-8 quoted-printable plain text; a multipart/alternative
// with a base64 HTML part; a GBK text with a 32 KiB base64 PDF attachment; an HTML-only GB2312 message whose
// charset is only in its <meta>, with an encoded-word subject. The time is the thread's CPU time, best of 3
// passes (the machine is shared). The numbers go to docs/BENCHMARKS.md.
//   build/bin/bench_mime_parse [messages]
#include <gmime/gmime.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "email/gmime_support.hpp"
#include "email/mime_parser.hpp"
#include "process_cpu.hpp"

namespace {

std::string Base64Lines(const std::string& bytes) {
  char* encoded = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string text(encoded);
  g_free(encoded);
  std::string lines;
  for (std::size_t at = 0; at < text.size(); at += 76) lines += text.substr(at, 76) + "\n";
  return lines;
}

std::string Repeated(const std::string& piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += piece;
  return text;
}

std::string Envelope(std::size_t n, const std::string& subject, const std::string& content_headers) {
  return "From: Li Na <li.na@example.cn>\nTo: sales@example.com, Wang <wang@example.cn>\n"
         "Date: Tue, 03 Nov 2026 09:30:00 +0800\nSubject: " +
         subject + "\nMessage-ID: <bench-" + std::to_string(n) + "@example.cn>\nMIME-Version: 1.0\n" + content_headers +
         "\n";
}

std::string BenchMessage(std::size_t n) {
  static const std::string kQpLine = "Please quote 200 units of =E5=9E=8B=E5=8F=B7 A-100, delivery to Shanghai.=\n\n";
  static const std::string kGbkLine = "\xC4\xFA\xBA\xC3\xA3\xAC\xC7\xEB\xB1\xA8\xBC\xDB\xA1\xA3\n";  // 您好，请报价。
  static const std::string kHtml =
      "<html><body>" + Repeated("<p>Please quote <b>200</b> units.</p>\n", 60) + "</body></html>";
  static const std::string kPdf = Base64Lines(Repeated(std::string("%PDF-1.4 \x01\x02\xFE\xFF", 14), 2341));
  switch (n % 4) {
    case 0:
      return Envelope(n, "Plain",
                      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n") +
             Repeated(kQpLine, 20);
    case 1:
      return Envelope(n, "Alternative", "Content-Type: multipart/alternative; boundary=\"a\"\n") +
             "--a\nContent-Type: text/plain; charset=utf-8\n\nPlease quote 200 units.\n--a\n"
             "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" +
             Base64Lines(kHtml) + "--a--\n";
    case 2:
      return Envelope(n, "Attachment", "Content-Type: multipart/mixed; boundary=\"m\"\n") +
             "--m\nContent-Type: text/plain; charset=gbk\n\n" + Repeated(kGbkLine, 20) +
             "--m\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"spec.pdf\"\n"
             "Content-Transfer-Encoding: base64\n\n" +
             kPdf + "--m--\n";
    default:
      return Envelope(n, "=?gb2312?B?sai82rWl?=", "Content-Type: text/html\n") +
             "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>" +
             Repeated("<p>" + kGbkLine + "</p>", 30) + "</body></html>\n";
  }
}

void Row(const char* stage, double seconds, std::size_t messages, double megabytes, double ceiling_seconds) {
  std::printf("| %s | %.0f | %.1f | %.2f |\n", stage, static_cast<double>(messages) / seconds, megabytes / seconds,
              ceiling_seconds / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 8000;
  std::vector<std::string> messages;
  std::size_t bytes = 0;
  for (std::size_t n = 0; n < count; ++n) {
    messages.push_back(BenchMessage(n));
    bytes += messages.back().size();
  }
  double megabytes = static_cast<double>(bytes) / (1 << 20);
  std::printf("MIME: %zu messages, %.1f MB (4 kinds in equal shares), thread CPU time, best of 3\n\n", count,
              megabytes);
  std::printf("| stage | messages/s | MB/s | share of memchr |\n| --- | --- | --- | --- |\n");

  std::size_t lines = 0;
  double memchr_seconds = hub::bench::BestThreadCpuSeconds([&] {
    lines = 0;
    for (const std::string& message : messages) {
      const char* at = message.data();
      const char* end = at + message.size();
      while ((at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)))) != nullptr) {
        ++lines;
        ++at;
      }
    }
  });
  Row("ceiling: memchr for line ends", memchr_seconds, count, megabytes, memchr_seconds);

  GMimeParserOptions* options = hub::email::SharedParserOptions();
  double gmime_seconds = hub::bench::BestThreadCpuSeconds([&] {
    for (const std::string& message : messages) {
      hub::email::GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(message.data(), message.size()));
      hub::email::GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
      hub::email::GObjectPtr<GMimeMessage> parsed(g_mime_parser_construct_message(parser.get(), options));
      if (parsed == nullptr) std::exit(1);
    }
  });
  Row("ceiling: GMime's parse alone (object tree, nothing decoded)", gmime_seconds, count, megabytes, memchr_seconds);

  std::size_t attachments = 0;
  double parse_seconds = hub::bench::BestThreadCpuSeconds([&] {
    attachments = 0;
    for (const std::string& message : messages) {
      hub::sdk::Result<hub::email::MimeMessage> parsed = hub::email::ParseMimeMessage(message);
      if (!parsed.ok()) {
        std::fprintf(stderr, "bench_mime_parse: %s\n", parsed.status().ToString().c_str());
        std::exit(1);
      }
      attachments += parsed->attachments.size();
    }
  });
  Row("ParseMimeMessage: envelope, text as UTF-8, attachments hashed", parse_seconds, count, megabytes, memchr_seconds);
  std::printf("\n%zu line ends, %zu attachments; ParseMimeMessage at %.2f of GMime's parse alone\n", lines, attachments,
              gmime_seconds / parse_seconds);
  return 0;
}
