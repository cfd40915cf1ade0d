// A call out of its CDR rows: the legs sharing one CallKey made into one call record.
#ifndef HUB_CONNECTORS_CALL_CENTER_CDR_CALL_HPP_
#define HUB_CONNECTORS_CALL_CENTER_CDR_CALL_HPP_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "call_center/cdr_leg.hpp"
#include "hub/sdk/record.hpp"

namespace hub::call_center {

// How a call's direction is told. With inbound_contexts, a call whose first leg's dcontext is one of them is
// inbound and any other outbound; without, a call whose first leg's src is an outside number (digits, a
// leading + and the separators space, '-', '(' and ')' allowed, more than extension_max_digits digits) is inbound and
// one from an internal extension (anything else: 301, PJSIP endpoint names) outbound. A plain value.
struct DirectionRule {
  std::vector<std::string> inbound_contexts;
  std::size_t extension_max_digits = 6;
};

// The extension a channel name carries: "SIP/301-0000001a" -> "301", "PJSIP/client2-00000003" -> "client2",
// "Local/301@from-internal-00000004;1" -> "301"; "" for an empty name. Pure.
std::string ExtensionOf(std::string_view channel);

// One call record (entity "activity", source_id the legs' CallKey) of `legs`, one call's rows in file order (at
// least one). Its fields: call_id; direction (inbound|outbound, by `rule`); customer_number (the first leg's
// src when inbound, its dst when outbound); agent_extension (inbound: the answered leg's dstchannel;
// outbound: the first leg's channel; absent when none); started_at and ended_at (the earliest start, the
// latest end, timestamps); duration_seconds (between the two); outcome (answered when a leg was answered,
// else no_answer, busy, congestion, failed, the first of them a leg has); userfield (the first leg's that is
// not empty, absent if none); dcontext and clid of the first leg; legs (their count); layout. Pure.
sdk::Record MakeCall(std::span<const CdrLeg> legs, const DirectionRule& rule);

}  // namespace hub::call_center

#endif  // HUB_CONNECTORS_CALL_CENTER_CDR_CALL_HPP_
