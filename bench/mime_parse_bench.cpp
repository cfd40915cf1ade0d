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
#include "mime_bench_messages.hpp"
#include "process_cpu.hpp"

namespace {

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
    messages.push_back(hub::bench::MimeBenchMessage(n));
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
