#include "hub/files/line_reader.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace hub::files {

void Fingerprint::Add(std::string_view bytes) {
  for (unsigned char byte : bytes) {
    hash_ ^= byte;
    hash_ *= 1099511628211ULL;
  }
}

LineReader::LineReader(const InputFile& file, std::string line_break, std::size_t buffer_bytes,
                       std::size_t max_line_bytes, bool complete)
    : file_(file), line_break_(std::move(line_break)), max_line_bytes_(max_line_bytes), complete_(complete) {
  // A whole number of the widest code unit, so that reads keep code units aligned.
  buffer_.resize((std::max<std::size_t>(buffer_bytes, 4) + 3) / 4 * 4);
}

void LineReader::Seek(const LineEnd& position) {
  position_ = position;
  read_offset_ = position.offset;
  begin_ = end_ = 0;
}

sdk::Result<bool> LineReader::Next(RawLine* line) {
  gathered_.clear();
  line_length_ = 0;
  line_fingerprint_ = Fingerprint();
  truncated_ = false;
  const std::size_t unit = line_break_.size();
  for (;;) {
    if (begin_ + unit > end_) {
      sdk::Result<bool> more = Fill();
      if (!more.ok()) return more.status();
      if (!*more) break;
      continue;
    }
    const std::size_t hit = FindBreak();
    if (hit == std::string_view::npos) {
      Append(end_ - (end_ - begin_) % unit);  // an incomplete code unit waits for the next read
      continue;
    }
    if (line_length_ == 0 && hit - begin_ <= max_line_bytes_) {
      const std::string_view bytes(buffer_.data() + begin_, hit - begin_);
      line_length_ = bytes.size();
      line_fingerprint_.Add(bytes.substr(0, kFingerprintBytes));
      begin_ = hit;
      Emit(line, bytes);
      return true;
    }
    Append(hit);
    Emit(line, gathered_);
    return true;
  }
  Append(end_);
  // A last line without its line break may be cut mid-field or mid-character by a writer still at work.
  if (line_length_ == 0 || !complete_) return false;
  Emit(line, gathered_);
  return true;
}

sdk::Result<bool> LineReader::Fill() {
  const std::size_t kept = end_ - begin_;
  std::memmove(buffer_.data(), buffer_.data() + begin_, kept);
  begin_ = 0;
  end_ = kept;
  // Only the bytes the file had when opened: its size and times describe them, not what was appended since.
  const std::uint64_t left = file_.size() - std::min(file_.size(), read_offset_);
  const std::size_t room = static_cast<std::size_t>(std::min<std::uint64_t>(buffer_.size() - kept, left));
  if (room == 0) return false;
  sdk::Result<std::size_t> got = file_.ReadAt(read_offset_, buffer_.data() + kept, room);
  if (!got.ok()) return got.status();
  read_offset_ += *got;
  end_ += *got;
  return *got > 0;
}

// The index just past the first line break in buffer_[begin_, end_) at a code-unit boundary, or npos.
std::size_t LineReader::FindBreak() const {
  const std::size_t unit = line_break_.size();
  const char* data = buffer_.data();
  if (unit == 1) {
    const void* hit = std::memchr(data + begin_, line_break_[0], end_ - begin_);
    return hit == nullptr ? std::string_view::npos : static_cast<const char*>(hit) - data + 1;
  }
  // Search for the byte holding '\n' (the others are zero), then check alignment and the whole unit.
  const std::size_t nonzero = line_break_.find_first_not_of('\0');
  const std::size_t key = nonzero == std::string::npos ? 0 : nonzero;
  std::size_t from = begin_;
  while (from + unit <= end_) {
    const void* hit = std::memchr(data + from + key, line_break_[key], end_ - from - key);
    if (hit == nullptr) return std::string_view::npos;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - data) - key;
    if ((at - begin_) % unit == 0 && at + unit <= end_ && std::memcmp(data + at, line_break_.data(), unit) == 0) {
      return at + unit;
    }
    from = at + 1;
  }
  return std::string_view::npos;
}

// Moves buffer_[begin_, stop) into the line being gathered.
void LineReader::Append(std::size_t stop) {
  const std::string_view bytes(buffer_.data() + begin_, stop - begin_);
  if (line_length_ < kFingerprintBytes) line_fingerprint_.Add(bytes.substr(0, kFingerprintBytes - line_length_));
  const std::size_t room = max_line_bytes_ - std::min(max_line_bytes_, gathered_.size());
  gathered_.append(bytes.substr(0, room));
  truncated_ = truncated_ || bytes.size() > room;
  line_length_ += bytes.size();
  begin_ = stop;
}

void LineReader::Emit(RawLine* line, std::string_view bytes) {
  line->bytes = bytes;
  line->number = position_.next_line;
  line->truncated = truncated_;
  line->end =
      LineEnd{position_.offset + line_length_, position_.next_line + 1, line_length_, line_fingerprint_.value()};
  position_ = line->end;
}

}  // namespace hub::files
