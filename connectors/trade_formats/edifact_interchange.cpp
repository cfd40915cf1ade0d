#include "trade_formats/edifact_interchange.hpp"

#include <charconv>

namespace hub::trade_formats {
namespace {

// A count element (UNT 0074, UNZ 0036, UNE 0060): digits only.
bool ParseCount(std::string_view text, std::uint64_t* count) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *count);
  return error == std::errc() && end == text.data() + text.size();
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

std::string EdifactMessage::Position() const {
  return segments.empty() ? std::string(source_name) : PositionOf(segments.front());
}

EdifactInterchangeReader::EdifactInterchangeReader(std::string source_name, MessageSink sink)
    : source_name_(std::move(source_name)),
      sink_(std::move(sink)),
      tokenizer_([this](EdifactSegment& segment) { return OnSegment(segment); }) {}

sdk::Status EdifactInterchangeReader::Feed(std::string_view chunk) {
  if (!failure_.ok()) return failure_;
  sdk::Status status = tokenizer_.Feed(chunk);
  if (!status.ok() && failure_.ok()) failure_ = status.WithContext(source_name_);
  return failure_;
}

sdk::Status EdifactInterchangeReader::Finish() {
  if (!failure_.ok()) return failure_;
  sdk::Status status = tokenizer_.Finish();
  if (!status.ok()) {
    failure_ = status.WithContext(source_name_);
    return failure_;
  }
  switch (state_) {
    case State::kAfterUnz:
      return sdk::Status::Ok();
    case State::kExpectUnb:
      failure_ = sdk::Status::DataError(source_name_ + ": no UNB interchange header");
      return failure_;
    case State::kMessage:
      failure_ = RejectOpenMessage("the data ends before its UNT");
      if (!failure_.ok()) return failure_;
      break;
    case State::kInterchange:
    case State::kGroup:
      break;
  }
  failure_ = sdk::Status::DataError(source_name_ + ":byte " + std::to_string(tokenizer_.bytes_consumed()) +
                                    ": the interchange " + Quoted(header_.control_reference) +
                                    " has no UNZ trailer (the file is cut short)");
  return failure_;
}

sdk::Status EdifactInterchangeReader::Fail(const EdifactSegment& segment, std::string_view reason) const {
  return sdk::Status::DataError(SegmentPosition(source_name_, segment) + ": " + std::string(reason));
}

sdk::Status EdifactInterchangeReader::OnSegment(EdifactSegment& segment) {
  const std::string& tag = segment.tag;
  if (state_ == State::kMessage) {
    bool service = tag.size() == 3 && tag[0] == 'U' && tag[1] == 'N';  // most segments are not: skip the rest
    if (service && tag == "UNT") return EndMessage(segment);
    if (service && (tag == "UNH" || tag == "UNZ" || tag == "UNE" || tag == "UNB" || tag == "UNG")) {
      HUB_RETURN_IF_ERROR(RejectOpenMessage("its UNT is missing (" + tag + " follows)"));
    } else {
      if (!segment.error.empty() && message_.rejection.empty()) {
        message_.rejection = SegmentPosition(source_name_, segment) + ": " + segment.error;
      }
      Keep(segment);
      return sdk::Status::Ok();
    }
  }
  if (!segment.error.empty() && tag != "UNH") return Fail(segment, segment.error);
  switch (state_) {
    case State::kExpectUnb:
    case State::kAfterUnz:
      if (tag == "UNB") return OnUnb(segment);
      return Fail(segment, state_ == State::kExpectUnb ? "expected the UNB interchange header, found " + tag
                                                       : "expected UNB or the end of the data after UNZ, found " + tag);
    case State::kInterchange:
      if (tag == "UNH") return BeginMessage(segment), sdk::Status::Ok();
      if (tag == "UNG") return OnUng(segment);
      if (tag == "UNZ") return OnUnz(segment);
      return Fail(segment, "segment " + tag + " outside a message (UNH…UNT)");
    case State::kGroup:
      if (tag == "UNH") return BeginMessage(segment), sdk::Status::Ok();
      if (tag == "UNE") return OnUne(segment);
      return Fail(segment, "segment " + tag + " outside a message in group " + Quoted(group_reference_) +
                               (tag == "UNZ" ? " (its UNE is missing)" : ""));
    case State::kMessage:
      break;
  }
  return sdk::Status::Ok();
}

sdk::Status EdifactInterchangeReader::OnUnb(const EdifactSegment& segment) {
  header_ = EdifactInterchangeHeader{};
  header_.syntax_identifier = std::string(segment.Get(0, 0));
  std::string_view version = segment.Get(0, 1);
  if (version.size() != 1 || version[0] < '1' || version[0] > '4') {
    return Fail(segment, "UNB syntax version " + Quoted(version) + " is not 1, 2, 3 or 4");
  }
  header_.syntax_version = version[0] - '0';
  sdk::Result<EdifactCharset> charset = EdifactCharset::FromSyntaxIdentifier(header_.syntax_identifier);
  if (!charset.ok()) return Fail(segment, "UNB " + charset.status().message());
  header_.sender = std::string(segment.Get(1, 0));
  header_.sender_qualifier = std::string(segment.Get(1, 1));
  header_.recipient = std::string(segment.Get(2, 0));
  header_.recipient_qualifier = std::string(segment.Get(2, 1));
  header_.prepared_date = std::string(segment.Get(3, 0));
  header_.prepared_time = std::string(segment.Get(3, 1));
  header_.control_reference = std::string(segment.Get(4, 0));
  if (header_.control_reference.empty()) return Fail(segment, "UNB has no interchange control reference (0020)");
  tokenizer_.SetCharset(std::move(charset).value());
  tokenizer_.SetSyntaxVersion(header_.syntax_version);
  header_.separators = tokenizer_.separators();
  interchange_messages_ = 0;
  interchange_groups_ = 0;
  state_ = State::kInterchange;
  return sdk::Status::Ok();
}

sdk::Status EdifactInterchangeReader::OnUnz(const EdifactSegment& segment) {
  std::uint64_t count = 0;
  if (!ParseCount(segment.Get(0), &count))
    return Fail(segment, "UNZ count " + Quoted(segment.Get(0)) + " is not a number");
  std::uint64_t expected = interchange_groups_ > 0 ? interchange_groups_ : interchange_messages_;
  if (count != expected) {
    return Fail(segment, "UNZ counts " + std::to_string(count) + (interchange_groups_ > 0 ? " groups" : " messages") +
                             ", the interchange holds " + std::to_string(expected));
  }
  if (segment.Get(1) != header_.control_reference) {
    return Fail(segment, "UNZ control reference " + Quoted(segment.Get(1)) + " is not UNB's " +
                             Quoted(header_.control_reference));
  }
  state_ = State::kAfterUnz;
  return sdk::Status::Ok();
}

sdk::Status EdifactInterchangeReader::OnUng(const EdifactSegment& segment) {
  if (interchange_messages_ > 0) return Fail(segment, "UNG after messages outside groups");
  group_reference_ = std::string(segment.Get(4));
  if (group_reference_.empty()) return Fail(segment, "UNG has no group reference (0048)");
  group_messages_ = 0;
  ++interchange_groups_;
  in_group_ = true;
  state_ = State::kGroup;
  return sdk::Status::Ok();
}

sdk::Status EdifactInterchangeReader::OnUne(const EdifactSegment& segment) {
  std::uint64_t count = 0;
  if (!ParseCount(segment.Get(0), &count))
    return Fail(segment, "UNE count " + Quoted(segment.Get(0)) + " is not a number");
  if (count != group_messages_) {
    return Fail(segment, "UNE counts " + std::to_string(count) + " messages, the group holds " +
                             std::to_string(group_messages_));
  }
  if (segment.Get(1) != group_reference_) {
    return Fail(segment, "UNE group reference " + Quoted(segment.Get(1)) + " is not UNG's " + Quoted(group_reference_));
  }
  in_group_ = false;
  state_ = State::kInterchange;
  return sdk::Status::Ok();
}

// Moves the segment into the open message without copying: the tokenizer gets a spent slot to reuse.
void EdifactInterchangeReader::Keep(EdifactSegment& segment) {
  if (segment_count_ == segments_.size()) segments_.emplace_back();
  segments_[segment_count_++].swap(segment);
}

void EdifactInterchangeReader::BeginMessage(EdifactSegment& unh) {
  state_ = State::kMessage;
  ++message_count_;
  if (in_group_) {
    ++group_messages_;
  } else {
    ++interchange_messages_;
  }
  message_.source_name = source_name_;
  message_.number = message_count_;
  message_.reference = std::string(unh.Get(0));
  message_.type = std::string(unh.Get(1, 0));
  message_.version = std::string(unh.Get(1, 1));
  message_.release = std::string(unh.Get(1, 2));
  message_.agency = std::string(unh.Get(1, 3));
  message_.association = std::string(unh.Get(1, 4));
  message_.byte_offset = unh.byte_offset;
  message_.end_offset = unh.byte_offset;
  message_.interchange = &header_;
  message_.rejection.clear();
  if (!unh.error.empty()) {
    message_.rejection = SegmentPosition(source_name_, unh) + ": " + unh.error;
  } else if (message_.reference.empty()) {
    message_.rejection = SegmentPosition(source_name_, unh) + ": UNH has no message reference (0062)";
  }
  segment_count_ = 0;
  Keep(unh);
}

sdk::Status EdifactInterchangeReader::EndMessage(EdifactSegment& segment) {
  Keep(segment);
  const EdifactSegment& unt = segments_[segment_count_ - 1];
  message_.end_offset = tokenizer_.last_segment_end();
  if (message_.rejection.empty()) {
    auto at = [&] { return SegmentPosition(source_name_, unt) + ": "; };  // only for a rejection
    std::uint64_t count = 0;
    if (!unt.error.empty()) {
      message_.rejection = at() + unt.error;
    } else if (!ParseCount(unt.Get(0), &count)) {
      message_.rejection = at() + "UNT segment count " + Quoted(unt.Get(0)) + " is not a number";
    } else if (count != segment_count_) {
      message_.rejection = at() + "UNT counts " + std::to_string(count) + " segments, the message " +
                           Quoted(message_.reference) + " has " + std::to_string(segment_count_) + " (UNH to UNT)";
    } else if (unt.Get(1) != message_.reference) {
      message_.rejection =
          at() + "UNT message reference " + Quoted(unt.Get(1)) + " is not UNH's " + Quoted(message_.reference);
    }
  }
  return Emit();
}

sdk::Status EdifactInterchangeReader::RejectOpenMessage(std::string reason) {
  if (message_.rejection.empty()) {
    message_.rejection =
        SegmentPosition(source_name_, segments_[0]) + ": message " + Quoted(message_.reference) + " " + reason;
  }
  return Emit();
}

sdk::Status EdifactInterchangeReader::Emit() {
  message_.segments = std::span<const EdifactSegment>(segments_.data(), segment_count_);
  state_ = in_group_ ? State::kGroup : State::kInterchange;
  sdk::Status status = sink_(message_);
  message_.segments = {};
  return status;
}

}  // namespace hub::trade_formats
