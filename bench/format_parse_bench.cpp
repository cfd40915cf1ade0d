// EDIFACT and UBL parsing throughput on one core, next to a ceiling measured in the same run: memchr over the
// same bytes for the segment terminator (the least any EDIFACT reader must do). Not Google Benchmark: each
// stage is one timed pass over an in-memory interchange of about 64 MB (ORDERS messages of 20 lines), fed in
// 1 MiB chunks, best of 3 passes; the numbers go to docs/BENCHMARKS.md.
//   build/bin/bench_format_parse [megabytes]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "trade_formats/edifact_interchange.hpp"
#include "trade_formats/edifact_reader.hpp"
#include "trade_formats/edifact_tokenizer.hpp"
#include "trade_formats/ubl_reader.hpp"
#include "trade_formats/ubl_writer.hpp"

namespace {

using hub::trade_formats::EdifactInterchangeReader;
using hub::trade_formats::EdifactMessage;
using hub::trade_formats::EdifactSegment;
using hub::trade_formats::EdifactTokenizer;

constexpr std::size_t kChunk = 1 << 20;

// One ORDERS message of `lines` lines, about 1 KB, with release characters and a v4 repetition.
std::string OrdersMessage(std::size_t number, int lines) {
  std::vector<std::string> segments = {"UNH+" + std::to_string(number) + "+ORDERS:D:03B:UN:EAN010",
                                       "BGM+220+PO-" + std::to_string(100000 + number) + "+9",
                                       "DTM+137:20261130:102",
                                       "DTM+2:20261207:102",
                                       "CUX+2:EUR:9",
                                       "NAD+BY+5412345000013::9++ACME TRADING+MAIN STREET 1+BRUSSELS++1000+BE",
                                       "RFF+VA:BE0123456789",
                                       "NAD+SU+4012345000009::9",
                                       "NAD+DP+5412345000020::9",
                                       "COM+0032123456:TE*j.doe?+orders@acme.example:EM"};
  for (int line = 1; line <= lines; ++line) {
    segments.push_back("LIN+" + std::to_string(line) + "++40008621414" + std::to_string(line % 10) + "4:SRV");
    segments.push_back("PIA+1+ABC-" + std::to_string(line) + ":SA");
    segments.push_back("IMD+F++:::WIDGET?'S BLUE, " + std::to_string(line));
    segments.push_back("QTY+21:" + std::to_string(line * 3) + ":PCE");
    segments.push_back("PRI+AAA:2.50");
    segments.push_back("MOA+203:" + std::to_string(line * 3 * 25 / 10) + ".00");
  }
  segments.push_back("UNS+S");
  segments.push_back("CNT+2:" + std::to_string(lines));
  segments.push_back("UNT+" + std::to_string(segments.size() + 1) + "+" + std::to_string(number));
  std::string text;
  for (const std::string& segment : segments) text += segment + "'\n";
  return text;
}

std::string Interchange(std::size_t megabytes, std::size_t* messages) {
  std::string bytes = "UNA:+.?*'\nUNB+UNOC:4+5412345000013:14+4012345000009:14+20261130:0915+BENCH1'\n";
  std::size_t count = 0;
  while (bytes.size() < megabytes << 20) bytes += OrdersMessage(++count, 20);
  bytes += "UNZ+" + std::to_string(count) + "+BENCH1'\n";
  *messages = count;
  return bytes;
}

// Best of three passes of `pass`, in MB/s of `bytes`.
double Rate(std::size_t bytes, const std::function<void()>& pass) {
  double best = 1e30;
  for (int i = 0; i < 3; ++i) {
    auto start = std::chrono::steady_clock::now();
    pass();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return static_cast<double>(bytes) / (1 << 20) / best;
}

void Fail(const hub::sdk::Status& status) {
  if (status.ok()) return;
  std::fprintf(stderr, "bench_format_parse: %s\n", status.ToString().c_str());
  std::exit(1);
}

template <typename Reader>
void FeedInChunks(Reader& reader, std::string_view bytes) {
  for (std::size_t at = 0; at < bytes.size(); at += kChunk) Fail(reader.Feed(bytes.substr(at, kChunk)));
  Fail(reader.Finish());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
  std::size_t messages = 0;
  std::string bytes = Interchange(megabytes, &messages);
  std::printf("EDIFACT: %.1f MB, %zu ORDERS messages of 20 lines, %zu-byte chunks, best of 3\n",
              static_cast<double>(bytes.size()) / (1 << 20), messages, kChunk);

  std::size_t terminators = 0;
  double ceiling = Rate(bytes.size(), [&] {
    terminators = 0;
    const char* at = bytes.data();
    const char* end = at + bytes.size();
    while ((at = static_cast<const char*>(std::memchr(at, '\'', static_cast<std::size_t>(end - at)))) != nullptr) {
      ++terminators;
      ++at;
    }
  });
  std::size_t segments = 0;
  double tokenizer = Rate(bytes.size(), [&] {
    segments = 0;
    EdifactTokenizer reader([&](const EdifactSegment&) {
      ++segments;
      return hub::sdk::Status::Ok();
    });
    FeedInChunks(reader, bytes);
  });
  std::size_t accepted = 0;
  double envelope = Rate(bytes.size(), [&] {
    accepted = 0;
    EdifactInterchangeReader reader("bench.edi", [&](const EdifactMessage& message) {
      accepted += message.rejection.empty() ? 1 : 0;
      return hub::sdk::Status::Ok();
    });
    FeedInChunks(reader, bytes);
  });
  std::size_t records = 0;
  double readers = Rate(bytes.size(), [&] {
    records = 0;
    EdifactInterchangeReader reader("bench.edi", [&](const EdifactMessage& message) {
      hub::sdk::Result<std::vector<hub::sdk::Record>> read = hub::trade_formats::ReadEdifactMessage(message);
      if (!read.ok()) return read.status();
      records += read->size();
      return hub::sdk::Status::Ok();
    });
    FeedInChunks(reader, bytes);
  });
  std::printf("| stage | MB/s | of the ceiling |\n| --- | --- | --- |\n");
  std::printf("| memchr for the terminator (ceiling; %zu found) | %.0f | 1.00 |\n", terminators, ceiling);
  std::printf("| tokenizer: segments, components, release, charset (%zu segments) | %.0f | %.2f |\n", segments,
              tokenizer, tokenizer / ceiling);
  std::printf("| + envelope: UNB/UNZ, UNH/UNT counts, messages collected (%zu) | %.0f | %.2f |\n", accepted, envelope,
              envelope / ceiling);
  std::printf("| + ORDERS reader: records with neutral and raw fields (%zu records) | %.0f | %.2f |\n", records,
              readers, readers / ceiling);
  std::printf("records/s through the ORDERS reader: %.0f\n",
              static_cast<double>(records) / (static_cast<double>(bytes.size()) / (1 << 20) / readers));
  return 0;
}
