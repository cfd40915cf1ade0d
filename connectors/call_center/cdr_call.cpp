#include "call_center/cdr_call.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <utility>

namespace hub::call_center {
namespace {

// Digits, a leading + and the separators numbers are written with ("021-6234-5678", "(010) 12345678").
bool IsOutsideNumber(std::string_view src, std::size_t extension_max_digits) {
  if (src.starts_with("+")) src.remove_prefix(1);
  std::size_t digits = 0;
  for (const char c : src) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits > extension_max_digits;
}

bool IsInbound(const CdrLeg& first, const DirectionRule& rule) {
  if (!rule.inbound_contexts.empty()) {
    return std::find(rule.inbound_contexts.begin(), rule.inbound_contexts.end(), first.dcontext) !=
           rule.inbound_contexts.end();
  }
  return IsOutsideNumber(first.src, rule.extension_max_digits);
}

// Asterisk's dispositions of an unanswered leg, the most telling first, with the outcome each gives.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kUnanswered = {
    {{"NO ANSWER", "no_answer"}, {"BUSY", "busy"}, {"CONGESTION", "congestion"}, {"FAILED", "failed"}}};

std::string_view Outcome(std::span<const CdrLeg> legs) {
  const auto any = [&](std::string_view disposition) {
    return std::any_of(legs.begin(), legs.end(), [&](const CdrLeg& leg) { return leg.disposition == disposition; });
  };
  if (any("ANSWERED")) return "answered";
  for (const auto& [disposition, outcome] : kUnanswered) {
    if (any(disposition)) return outcome;
  }
  return "failed";
}

std::string AgentExtension(std::span<const CdrLeg> legs, bool inbound) {
  if (!inbound) return ExtensionOf(legs.front().channel);
  const auto answered =
      std::find_if(legs.begin(), legs.end(), [](const CdrLeg& leg) { return leg.disposition == "ANSWERED"; });
  return answered == legs.end() ? std::string() : ExtensionOf(answered->dstchannel);
}

void SetTextUnlessEmpty(sdk::Record& record, std::string name, std::string text) {
  if (!text.empty()) record.Set(std::move(name), sdk::Value::String(std::move(text)));
}

}  // namespace

std::string ExtensionOf(std::string_view channel) {
  const std::size_t slash = channel.find('/');
  std::string_view name = slash == std::string_view::npos ? channel : channel.substr(slash + 1);
  const std::size_t at = name.find('@');
  if (at != std::string_view::npos) return std::string(name.substr(0, at));
  const std::size_t dash = name.rfind('-');
  return std::string(dash == std::string_view::npos ? name : name.substr(0, dash));
}

sdk::Record MakeCall(std::span<const CdrLeg> legs, const DirectionRule& rule) {
  const CdrLeg& first = legs.front();
  const bool inbound = IsInbound(first, rule);
  std::int64_t started = first.start_ms;
  std::int64_t ended = first.end_ms;
  std::string userfield;
  for (const CdrLeg& leg : legs) {
    started = std::min(started, leg.start_ms);
    ended = std::max(ended, leg.end_ms);
    if (userfield.empty()) userfield = leg.userfield;
  }
  sdk::Record call;
  call.entity = "activity";
  call.source_id = CallKey(first);
  call.Set("call_id", sdk::Value::String(call.source_id));
  call.Set("direction", sdk::Value::String(inbound ? "inbound" : "outbound"));
  SetTextUnlessEmpty(call, "customer_number", inbound ? first.src : first.dst);
  SetTextUnlessEmpty(call, "agent_extension", AgentExtension(legs, inbound));
  call.Set("started_at", sdk::Value::Timestamp(started));
  call.Set("ended_at", sdk::Value::Timestamp(ended));
  call.Set("duration_seconds", sdk::Value::Int64((ended - started) / 1000));
  call.Set("outcome", sdk::Value::String(std::string(Outcome(legs))));
  SetTextUnlessEmpty(call, "userfield", std::move(userfield));
  SetTextUnlessEmpty(call, "dcontext", first.dcontext);
  SetTextUnlessEmpty(call, "clid", first.clid);
  call.Set("legs", sdk::Value::Int64(static_cast<std::int64_t>(legs.size())));
  call.Set("layout", sdk::Value::String(first.layout));
  return call;
}

}  // namespace hub::call_center
