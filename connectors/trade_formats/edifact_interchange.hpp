// The EDIFACT interchange envelope: UNB…UNZ around optional UNG…UNE groups around UNH…UNT messages.
#ifndef HUB_TRADE_FORMATS_EDIFACT_INTERCHANGE_HPP_
#define HUB_TRADE_FORMATS_EDIFACT_INTERCHANGE_HPP_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"
#include "trade_formats/edifact_segment.hpp"
#include "trade_formats/edifact_tokenizer.hpp"

namespace hub::trade_formats {

// What UNB says about the interchange.
struct EdifactInterchangeHeader {
  std::string syntax_identifier;  // UNB S001 0001, e.g. UNOC
  int syntax_version = 0;         // UNB S001 0002
  std::string sender;             // S002 0004
  std::string sender_qualifier;   // S002 0007
  std::string recipient;          // S003 0010
  std::string recipient_qualifier;
  std::string prepared_date;      // S004 0017 as written (YYMMDD or CCYYMMDD)
  std::string prepared_time;      // S004 0019 (HHMM)
  std::string control_reference;  // 0020
  EdifactSeparators separators;
};

// One message, UNH to UNT, handed to the sink when its UNT (or what ends it) has been read. The segments
// and the header live until the sink returns. `rejection` non-empty: the message is refused, and says why
// and where ("orders.edi:segment 14 byte 312: …"); its segments are then what was read of it.
struct EdifactMessage {
  std::string_view source_name;
  std::uint64_t number = 0;                  // 1-based within the file
  std::string reference;                     // UNH 0062
  std::string type;                          // S009 0065, e.g. ORDERS
  std::string version;                       // 0052, e.g. D
  std::string release;                       // 0054, e.g. 03B
  std::string agency;                        // 0051, e.g. UN
  std::string association;                   // 0057, e.g. EAN008
  std::span<const EdifactSegment> segments;  // UNH … UNT
  std::uint64_t byte_offset = 0;             // of UNH
  std::uint64_t end_offset = 0;              // just after UNT's terminator
  const EdifactInterchangeHeader* interchange = nullptr;
  std::string rejection;

  // "orders.edi:segment 2 byte 62", the position of UNH.
  std::string Position() const;
  // The position of one of its segments.
  std::string PositionOf(const EdifactSegment& segment) const { return SegmentPosition(source_name, segment); }
};

// Reads an interchange (or several, one after the other) fed in chunks, checks the envelope and hands each
// message to the sink. A bad segment, a missing UNT or a UNT whose count or reference disagrees rejects its
// message only; the rest goes on. A fault of the interchange itself — no UNB, an unsupported charset, a bad
// UNB/UNG/UNE/UNZ, a UNZ count or reference that disagrees, a segment outside a message, a missing UNZ at the
// end — is returned by Feed/Finish as DataError with its position, and nothing more is read (messages
// handed on before it stay handed on). A non-OK return of the sink stops reading and is returned.
// Not thread-safe; one reader per file.
class EdifactInterchangeReader {
 public:
  using MessageSink = std::function<sdk::Status(const EdifactMessage&)>;

  EdifactInterchangeReader(std::string source_name, MessageSink sink);

  sdk::Status Feed(std::string_view chunk);
  sdk::Status Finish();

  std::uint64_t messages_read() const { return message_count_; }

 private:
  enum class State { kExpectUnb, kInterchange, kGroup, kMessage, kAfterUnz };

  sdk::Status OnSegment(const EdifactSegment& segment);
  sdk::Status OnUnb(const EdifactSegment& segment);
  sdk::Status OnUnz(const EdifactSegment& segment);
  sdk::Status OnUng(const EdifactSegment& segment);
  sdk::Status OnUne(const EdifactSegment& segment);
  void BeginMessage(const EdifactSegment& segment);
  sdk::Status EndMessage(const EdifactSegment& unt);
  sdk::Status RejectOpenMessage(std::string reason);
  sdk::Status Emit();
  sdk::Status Fail(const EdifactSegment& segment, std::string_view reason) const;

  std::string source_name_;
  MessageSink sink_;
  EdifactTokenizer tokenizer_;
  State state_ = State::kExpectUnb;
  sdk::Status failure_;
  EdifactInterchangeHeader header_;
  std::uint64_t message_count_ = 0;
  std::uint64_t interchange_messages_ = 0;  // messages (or groups) since UNB, for UNZ
  std::uint64_t interchange_groups_ = 0;
  std::uint64_t group_messages_ = 0;
  std::string group_reference_;
  bool in_group_ = false;
  EdifactMessage message_;
  std::vector<EdifactSegment> segments_;  // the open message's; never shrunk, so their storage is reused
  std::size_t segment_count_ = 0;
};

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_EDIFACT_INTERCHANGE_HPP_
