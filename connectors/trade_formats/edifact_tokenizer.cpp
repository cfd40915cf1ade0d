#include "trade_formats/edifact_tokenizer.hpp"

#include <cstring>

namespace hub::trade_formats {
namespace {

constexpr std::size_t kUnaSize = 9;

bool IsBreak(char c) { return c == '\r' || c == '\n'; }

bool IsServiceTag(std::string_view tag) {
  return tag == "UNB" || tag == "UNZ" || tag == "UNH" || tag == "UNT" || tag == "UNG" || tag == "UNE";
}

}  // namespace

EdifactTokenizer::EdifactTokenizer(SegmentSink sink) : sink_(std::move(sink)) { RebuildClasses(); }

void EdifactTokenizer::RebuildClasses() {
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    classes_[c] = EdifactCharset::IsPlainAscii(static_cast<char>(c)) ? ByteClass::kPlain : ByteClass::kOtherData;
  }
  classes_['\r'] = classes_['\n'] = ByteClass::kBreak;
  for (char c : {separators_.component, separators_.element, separators_.release, separators_.repetition}) {
    if (c != '\0') classes_[static_cast<unsigned char>(c)] = ByteClass::kSeparator;
  }
}

void EdifactTokenizer::SetSyntaxVersion(int version) {
  char repetition = '\0';
  if (version >= 4) repetition = has_una_ ? una_repetition_ : '*';
  separators_.repetition = repetition == ' ' ? '\0' : repetition;
  RebuildClasses();
}

sdk::Status EdifactTokenizer::Feed(std::string_view chunk) {
  if (!header_done_) {
    HUB_RETURN_IF_ERROR(FeedHeader(&chunk));
    if (!header_done_) return sdk::Status::Ok();
  }
  return Scan(chunk);
}

// Collects the first bytes until they are known to be UNA (9 bytes) or not ("UNA" cannot start them).
sdk::Status EdifactTokenizer::FeedHeader(std::string_view* chunk) {
  std::size_t take = std::min(chunk->size(), kUnaSize - header_.size());
  header_.append(chunk->substr(0, take));
  chunk->remove_prefix(take);
  std::string_view prefix = std::string_view("UNA").substr(0, std::min<std::size_t>(3, header_.size()));
  bool may_be_una = header_.compare(0, prefix.size(), prefix) == 0;
  if (may_be_una && header_.size() < kUnaSize) return sdk::Status::Ok();
  header_done_ = true;
  if (may_be_una) return ReadUna(header_);
  std::string head = std::move(header_);
  header_.clear();
  return Scan(head);
}

sdk::Status EdifactTokenizer::ReadUna(std::string_view una) {
  has_una_ = true;
  separators_.component = una[3];
  separators_.element = una[4];
  separators_.decimal = una[5];
  separators_.release = una[6] == ' ' ? '\0' : una[6];  // a space: no release character
  una_repetition_ = una[7];
  separators_.terminator = una[8];
  std::string_view service = una.substr(3);
  for (std::size_t i = 0; i < service.size(); ++i) {
    // The decimal mark may equal nothing else but is not a separator; a space (no release, no repetition) may repeat.
    if (i == 2 || ((i == 3 || i == 4) && service[i] == ' ')) continue;
    if (IsBreak(service[i]) || service.find(service[i], i + 1) != std::string_view::npos) {
      return sdk::Status::DataError("UNA names the same or a line-break character twice as a separator ('" +
                                    std::string(una) + "')");
    }
  }
  offset_ = kUnaSize;
  header_.clear();
  RebuildClasses();
  return sdk::Status::Ok();
}

sdk::Status EdifactTokenizer::Scan(std::string_view data) {
  std::size_t i = 0;
  while (i < data.size()) {
    if (skipping_breaks_) {
      while (i < data.size() && IsBreak(data[i])) {
        if (data[i] == '\n') ++line_;
        ++i;
      }
      if (i == data.size()) break;
      skipping_breaks_ = false;
      segment_offset_ = offset_ + i;
      segment_line_ = line_;
    }
    std::size_t search = i;
    const char* found = nullptr;
    while ((found = static_cast<const char*>(
                std::memchr(data.data() + search, separators_.terminator, data.size() - search))) != nullptr) {
      std::size_t at = static_cast<std::size_t>(found - data.data());
      if (!TerminatorEscaped(data.substr(i), at - i)) break;
      search = at + 1;
    }
    if (found == nullptr) {
      pending_.append(data.substr(i));
      break;
    }
    std::size_t at = static_cast<std::size_t>(found - data.data());
    std::string_view bytes = data.substr(i, at - i);
    if (!pending_.empty()) {
      pending_.append(bytes);
      bytes = pending_;
    }
    segment_end_ = offset_ + at + 1;
    sdk::Status emitted = EmitSegment(bytes);
    pending_.clear();
    i = at + 1;
    skipping_breaks_ = true;
    if (!emitted.ok()) {
      offset_ += i;
      return emitted;
    }
  }
  offset_ += data.size();
  return sdk::Status::Ok();
}

// A terminator is data when an odd run of release characters stands right before it (within this segment).
bool EdifactTokenizer::TerminatorEscaped(std::string_view data, std::size_t terminator_at) const {
  if (separators_.release == '\0') return false;
  std::size_t run = 0;
  std::size_t k = terminator_at;
  while (k > 0 && data[k - 1] == separators_.release) {
    ++run;
    --k;
  }
  if (k == 0) {
    for (auto it = pending_.rbegin(); it != pending_.rend() && *it == separators_.release; ++it) ++run;
  }
  return run % 2 == 1;
}

sdk::Status EdifactTokenizer::EmitSegment(std::string_view bytes) {
  segment_.Clear();
  segment_.index = ++segment_count_;
  segment_.byte_offset = segment_offset_;
  segment_.line = segment_line_;
  bool plain = Split(bytes);
  if (segment_.error.empty()) CheckTag();
  if (segment_.error.empty() && !plain) Decode();
  return sink_(segment_);
}

// Splits a segment's bytes (without its terminator) at the separators, removing release characters. True
// when the elements' texts are all printable ASCII (nothing to decode).
bool EdifactTokenizer::Split(std::string_view bytes) {
  bool in_tag = true;
  bool saw_break = false;
  bool plain = true;
  std::size_t i = 0;
  std::size_t run_start = 0;
  auto flush = [&](std::size_t end) {
    if (end > run_start) {
      if (in_tag) {
        segment_.tag.append(bytes.substr(run_start, end - run_start));
      } else {
        segment_.Append(bytes.substr(run_start, end - run_start));
      }
    }
  };
  while (i < bytes.size()) {
    char c = bytes[i];
    ByteClass byte_class = classes_[static_cast<unsigned char>(c)];
    if (byte_class == ByteClass::kPlain) {
      ++i;
      continue;
    }
    if (byte_class != ByteClass::kSeparator) {  // data (the run goes on), but decoding, the line count and
      if (c == '\n') ++line_;                   // service segments care
      saw_break = saw_break || byte_class == ByteClass::kBreak;
      plain = plain && in_tag;  // a bad byte in the tag fails the tag check instead
      ++i;
      continue;
    }
    flush(i);
    if (c == separators_.release) {
      // The terminator was found unescaped, so a release character always has a byte after it here.
      if (in_tag) {
        segment_.tag.push_back(bytes[i + 1]);
      } else {
        segment_.AppendChar(bytes[i + 1]);
        plain = plain && EdifactCharset::IsPlainAscii(bytes[i + 1]);
      }
      if (bytes[i + 1] == '\n') ++line_;
      i += 2;
    } else if (c == separators_.element) {
      in_tag = false;
      segment_.BeginElement();
      ++i;
    } else if (in_tag) {
      segment_.error = "the segment tag holds a separator";
      ++i;
    } else if (c == separators_.component) {
      segment_.BeginComponent();
      ++i;
    } else {
      segment_.BeginOccurrence();
      ++i;
    }
    run_start = i;
  }
  flush(i);
  if (saw_break && segment_.error.empty() && IsServiceTag(segment_.tag)) {
    segment_.error = "a line break inside the service segment " + segment_.tag;
  }
  return plain;
}

void EdifactTokenizer::CheckTag() {
  const std::string& tag = segment_.tag;
  auto tag_character = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (tag.size() != 3 || !tag_character(tag[0]) || !tag_character(tag[1]) || !tag_character(tag[2])) {
    std::string shown = tag.size() > 12 ? tag.substr(0, 12) + "…" : tag;
    segment_.error = "segment tag '" + shown + "' is not 3 upper-case letters or digits";
  }
}

void EdifactTokenizer::Decode() {
  std::string why;
  bool decoded = segment_.ConvertTexts(
      [&](std::string_view source, std::string* out) { return charset_.Decode(source, out, &why); });
  if (!decoded) segment_.error = segment_.tag + ": " + why;
}

sdk::Status EdifactTokenizer::Finish() {
  if (!header_done_) {
    header_done_ = true;
    if (header_.size() >= 3 && header_.compare(0, 3, "UNA") == 0) {
      return sdk::Status::DataError("the data ends inside the UNA service string advice (" +
                                    std::to_string(header_.size()) + " of 9 bytes)");
    }
    std::string head = std::move(header_);
    header_.clear();
    HUB_RETURN_IF_ERROR(Scan(head));
  }
  if (pending_.empty()) return sdk::Status::Ok();
  std::string at = "segment " + std::to_string(segment_count_ + 1) + " byte " + std::to_string(segment_offset_);
  std::size_t run = 0;
  for (auto it = pending_.rbegin(); it != pending_.rend() && *it == separators_.release; ++it) ++run;
  if (separators_.release != '\0' && run % 2 == 1) {
    return sdk::Status::DataError(at + ": the data ends with the release character '" +
                                  std::string(1, separators_.release) + "'");
  }
  return sdk::Status::DataError(at + ": the data ends inside a segment (no terminator '" +
                                std::string(1, separators_.terminator) + "' after '" + pending_.substr(0, 20) + "')");
}

}  // namespace hub::trade_formats
