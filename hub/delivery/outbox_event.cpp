#include "delivery/outbox_event.hpp"

namespace hub::delivery {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t Fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= kFnvPrime;
  }
  return hash;
}

}  // namespace

int LaneOf(std::string_view aggregate, std::string_view aggregate_id, int lanes) {
  const std::uint64_t hash = Fnv1a(Fnv1a(Fnv1a(kFnvOffset, aggregate), "\x1f"), aggregate_id);
  return lanes <= 1 ? 0 : static_cast<int>(hash % static_cast<std::uint64_t>(lanes));
}

std::string EventId(std::string_view store_identity, std::int64_t outbox_id) {
  return std::string(store_identity) + "-" + std::to_string(outbox_id);
}

sdk::OutboundEvent ToOutbound(const OutboxEvent& event, std::string_view store_identity) {
  sdk::OutboundEvent out;
  out.kind = event.kind;
  out.entity = event.aggregate;
  out.id = event.aggregate_id;
  out.payload_json = event.payload;
  out.event_id = EventId(store_identity, event.id);
  out.occurred_at_unix_ms = event.created_at_ms;
  return out;
}

}  // namespace hub::delivery
