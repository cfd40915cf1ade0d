// One call out of its legs: direction, customer number, agent extension, times, outcome, summary.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "call_center/cdr_call.hpp"

namespace hub::call_center {
namespace {

CdrLeg Leg(std::string src, std::string dst, std::string dcontext, std::string dstchannel, std::int64_t start_s,
           std::int64_t end_s, std::string disposition) {
  CdrLeg leg;
  leg.layout = "cdr_csv+uniqueid+userfield+newcdrcolumns";
  leg.src = std::move(src);
  leg.dst = std::move(dst);
  leg.dcontext = std::move(dcontext);
  leg.channel = "SIP/trunk-00000010";
  leg.dstchannel = std::move(dstchannel);
  leg.start_ms = start_s * 1000;
  leg.end_ms = end_s * 1000;
  leg.disposition = std::move(disposition);
  leg.linkedid = "1793581200.16";
  return leg;
}

const sdk::Value* Field(const sdk::Record& record, std::string_view name) { return record.Find(name); }

std::string Text(const sdk::Record& record, std::string_view name) {
  const sdk::Value* value = record.Find(name);
  return value == nullptr ? "<absent>" : value->text();
}

TEST(CdrCall, AnInboundCallOfTwoLegsIsOneAnsweredCallByTheAgentWhoAnswered) {
  std::vector<CdrLeg> legs = {Leg("13800138000", "6000", "from-pstn", "SIP/301-00000011", 100, 120, "NO ANSWER"),
                              Leg("13800138000", "6000", "from-pstn", "SIP/302-00000012", 120, 285, "ANSWERED")};
  legs[1].userfield = "asks for a quote";
  const sdk::Record call = MakeCall(legs, DirectionRule{});
  EXPECT_EQ(call.entity, "activity");
  EXPECT_EQ(call.source_id, "1793581200.16");
  EXPECT_EQ(Text(call, "call_id"), "1793581200.16");
  EXPECT_EQ(Text(call, "direction"), "inbound");
  EXPECT_EQ(Text(call, "customer_number"), "13800138000");
  EXPECT_EQ(Text(call, "agent_extension"), "302");
  EXPECT_EQ(Text(call, "outcome"), "answered");
  EXPECT_EQ(Text(call, "userfield"), "asks for a quote");
  EXPECT_EQ(*Field(call, "started_at"), sdk::Value::Timestamp(100000));
  EXPECT_EQ(*Field(call, "ended_at"), sdk::Value::Timestamp(285000));
  EXPECT_EQ(*Field(call, "duration_seconds"), sdk::Value::Int64(185));
  EXPECT_EQ(*Field(call, "legs"), sdk::Value::Int64(2));
}

TEST(CdrCall, LegsOutOfTimeOrderSpanFromTheEarliestStartToTheLatestEnd) {
  const std::vector<CdrLeg> legs = {Leg("13800138000", "6000", "from-pstn", "SIP/302-1", 130, 200, "ANSWERED"),
                                    Leg("13800138000", "6000", "from-pstn", "SIP/301-2", 100, 400, "NO ANSWER"),
                                    Leg("13800138000", "6000", "from-pstn", "SIP/303-3", 110, 150, "BUSY")};
  const sdk::Record call = MakeCall(legs, DirectionRule{});
  EXPECT_EQ(*Field(call, "started_at"), sdk::Value::Timestamp(100000));
  EXPECT_EQ(*Field(call, "duration_seconds"), sdk::Value::Int64(300));
  EXPECT_EQ(Text(call, "agent_extension"), "302");
}

TEST(CdrCall, AnUnansweredCallTakesTheMostTellingDispositionAndNoAgent) {
  const auto outcome = [](std::vector<std::string> dispositions) {
    std::vector<CdrLeg> legs;
    for (std::string& d : dispositions) legs.push_back(Leg("13800138000", "6000", "x", "SIP/301-1", 1, 2, d));
    const sdk::Record call = MakeCall(legs, DirectionRule{});
    EXPECT_EQ(call.Find("agent_extension"), nullptr);
    return Text(call, "outcome");
  };
  EXPECT_EQ(outcome({"BUSY", "NO ANSWER"}), "no_answer");
  EXPECT_EQ(outcome({"FAILED", "BUSY"}), "busy");
  EXPECT_EQ(outcome({"FAILED", "CONGESTION"}), "congestion");
  EXPECT_EQ(outcome({"FAILED"}), "failed");
}

TEST(CdrCall, ACallFromAnExtensionIsOutboundToItsDstByThatAgent) {
  CdrLeg leg = Leg("301", "013912345678", "from-internal", "SIP/trunk-00000016", 1, 61, "ANSWERED");
  leg.channel = "SIP/301-00000015";
  const sdk::Record call = MakeCall(std::vector<CdrLeg>{leg}, DirectionRule{});
  EXPECT_EQ(Text(call, "direction"), "outbound");
  EXPECT_EQ(Text(call, "customer_number"), "013912345678");
  EXPECT_EQ(Text(call, "agent_extension"), "301");
  EXPECT_EQ(call.Find("userfield"), nullptr);
}

TEST(CdrCall, TheExtensionDigitLimitAndInboundContextsDecideTheDirection) {
  const std::vector<CdrLeg> six_digits = {Leg("211474", "6000", "from-internal", "", 1, 2, "ANSWERED")};
  EXPECT_EQ(Text(MakeCall(six_digits, DirectionRule{}), "direction"), "outbound");
  EXPECT_EQ(Text(MakeCall(six_digits, DirectionRule{{}, 5}), "direction"), "inbound");
  const std::vector<CdrLeg> named = {Leg("client1", "6789", "default", "", 1, 2, "ANSWERED")};
  EXPECT_EQ(Text(MakeCall(named, DirectionRule{}), "direction"), "outbound");
  EXPECT_EQ(Text(MakeCall(named, DirectionRule{{"default"}, 6}), "direction"), "inbound");
  const std::vector<CdrLeg> written = {Leg("(021) 6234-5678", "6000", "x", "", 1, 2, "ANSWERED")};
  EXPECT_EQ(Text(MakeCall(written, DirectionRule{}), "direction"), "inbound");
  const std::vector<CdrLeg> plus = {Leg("+8613800138000", "6000", "x", "", 1, 2, "ANSWERED")};
  EXPECT_EQ(Text(MakeCall(plus, DirectionRule{}), "direction"), "inbound");
  EXPECT_EQ(Text(MakeCall(plus, DirectionRule{{"from-pstn"}, 6}), "direction"), "outbound");
}

TEST(CdrCall, ExtensionsComeOutOfChannelNames) {
  EXPECT_EQ(ExtensionOf("SIP/301-0000001a"), "301");
  EXPECT_EQ(ExtensionOf("PJSIP/client2-00000003"), "client2");
  EXPECT_EQ(ExtensionOf("PJSIP/agent-7-00000003"), "agent-7");
  EXPECT_EQ(ExtensionOf("Local/301@from-internal-00000004;1"), "301");
  EXPECT_EQ(ExtensionOf(""), "");
}

}  // namespace
}  // namespace hub::call_center
