// EDIFACT parsing throughput on one core, next to a ceiling measured in the same run: memchr over the same
// bytes for the segment terminator (the least any EDIFACT reader must do). Not Google Benchmark: each stage is
// one pass over an in-memory interchange (bench/edifact_bench_interchange.hpp: ORDERS, then DESADV and INVOIC
// of the same size, messages of 20 lines), fed in 1 MiB chunks; the time is the thread's CPU time, best of 3
// passes (the machine is shared: wall time also counts other processes). The numbers go to docs/BENCHMARKS.md.
//   build/bin/bench_format_parse [megabytes]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "edifact_bench_interchange.hpp"
#include "process_cpu.hpp"
#include "trade_formats/edifact_interchange.hpp"
#include "trade_formats/edifact_reader.hpp"
#include "trade_formats/edifact_tokenizer.hpp"

namespace {

using hub::bench::EdifactBenchInterchange;
using hub::bench::EdifactBenchType;
using hub::bench::EdifactBenchTypeName;
using hub::trade_formats::EdifactInterchangeReader;
using hub::trade_formats::EdifactMessage;
using hub::trade_formats::EdifactSegment;
using hub::trade_formats::EdifactTokenizer;

constexpr std::size_t kChunk = 1 << 20;

double MegabytesPerSecond(std::string_view bytes, double seconds) {
  return static_cast<double>(bytes.size()) / (1 << 20) / seconds;
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

// One table row: a stage's rate and its share of the ceiling.
void Row(const std::string& stage, double rate, double ceiling, const std::string& records_per_second = "—") {
  std::printf("| %s | %.0f | %.2f | %s |\n", stage.c_str(), rate, rate / ceiling, records_per_second.c_str());
}

double Ceiling(std::string_view bytes, std::size_t* terminators) {
  return MegabytesPerSecond(
      bytes, hub::bench::BestThreadCpuSeconds([&] {
        *terminators = 0;
        const char* at = bytes.data();
        const char* end = at + bytes.size();
        while ((at = static_cast<const char*>(std::memchr(at, '\'', static_cast<std::size_t>(end - at)))) != nullptr) {
          ++*terminators;
          ++at;
        }
      }));
}

// The whole path: tokenizer, envelope and the message readers' records; *records counted.
double ReaderSeconds(std::string_view bytes, std::size_t* records) {
  return hub::bench::BestThreadCpuSeconds([&] {
    *records = 0;
    EdifactInterchangeReader reader("bench.edi", [&](const EdifactMessage& message) {
      hub::sdk::Result<std::vector<hub::sdk::Record>> read = hub::trade_formats::ReadEdifactMessage(message);
      if (!read.ok()) return read.status();
      *records += read->size();
      return hub::sdk::Status::Ok();
    });
    FeedInChunks(reader, bytes);
  });
}

void ReaderRow(EdifactBenchType type, std::string_view bytes, std::size_t messages, double ceiling) {
  std::size_t records = 0;
  double seconds = ReaderSeconds(bytes, &records);
  std::string name(EdifactBenchTypeName(type));
  Row("+ " + name + " reader: " + std::to_string(messages) + " messages, " + std::to_string(records) +
          " records with neutral and raw fields",
      MegabytesPerSecond(bytes, seconds), ceiling, std::to_string(static_cast<long long>(records / seconds)));
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
  std::size_t messages = 0;
  std::string bytes = EdifactBenchInterchange(EdifactBenchType::kOrders, megabytes, &messages);
  std::printf("EDIFACT: %.1f MB per message type, messages of 20 lines, %zu-byte chunks, thread CPU time, best of 3\n",
              static_cast<double>(bytes.size()) / (1 << 20), kChunk);

  std::size_t terminators = 0;
  double ceiling = Ceiling(bytes, &terminators);
  std::size_t segments = 0;
  double tokenizer = MegabytesPerSecond(bytes, hub::bench::BestThreadCpuSeconds([&] {
                                          segments = 0;
                                          EdifactTokenizer reader([&](const EdifactSegment&) {
                                            ++segments;
                                            return hub::sdk::Status::Ok();
                                          });
                                          FeedInChunks(reader, bytes);
                                        }));
  std::size_t accepted = 0;
  double envelope = MegabytesPerSecond(bytes, hub::bench::BestThreadCpuSeconds([&] {
                                         accepted = 0;
                                         EdifactInterchangeReader reader("bench.edi", [&](const EdifactMessage& m) {
                                           accepted += m.rejection.empty() ? 1 : 0;
                                           return hub::sdk::Status::Ok();
                                         });
                                         FeedInChunks(reader, bytes);
                                       }));
  std::printf("| stage | MB/s | of the ceiling | records/s |\n| --- | --- | --- | --- |\n");
  Row("memchr for the terminator (ceiling, ORDERS bytes; " + std::to_string(terminators) + " found)", ceiling, ceiling);
  Row("tokenizer: segments, components, release, charset (" + std::to_string(segments) + " ORDERS segments)", tokenizer,
      ceiling);
  Row("+ envelope: UNB/UNZ, UNH/UNT counts, messages collected (" + std::to_string(accepted) + " ORDERS)", envelope,
      ceiling);
  ReaderRow(EdifactBenchType::kOrders, bytes, messages, ceiling);
  for (EdifactBenchType type : {EdifactBenchType::kDesadv, EdifactBenchType::kInvoic}) {
    bytes = EdifactBenchInterchange(type, megabytes, &messages);
    ReaderRow(type, bytes, messages, ceiling);
  }
  return 0;
}
