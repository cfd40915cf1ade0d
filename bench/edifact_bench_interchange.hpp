// Generated EDIFACT interchanges of a given size for bench_format_parse: one message type each, every message
// about 1 KB with 20 lines, release characters in every message and a line break after each segment.
#ifndef HUB_BENCH_EDIFACT_BENCH_INTERCHANGE_HPP_
#define HUB_BENCH_EDIFACT_BENCH_INTERCHANGE_HPP_

#include <cstddef>
#include <string>
#include <string_view>

namespace hub::bench {

// The message types generated; each is one shape, close to what retail EANCOM senders write.
enum class EdifactBenchType { kOrders, kDesadv, kInvoic };

std::string_view EdifactBenchTypeName(EdifactBenchType type);

// UNA, UNB (UNOC:4, so `*` repeats), messages until `megabytes` MiB are reached, UNZ; *messages their count.
std::string EdifactBenchInterchange(EdifactBenchType type, std::size_t megabytes, std::size_t* messages);

}  // namespace hub::bench

#endif  // HUB_BENCH_EDIFACT_BENCH_INTERCHANGE_HPP_
