#include "supply_chain/idoc_text_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace hub::supply_chain {
namespace {

// Pairs kept before the forgotten ones are compacted away.
constexpr std::size_t kCompactAfter = 4096;

}  // namespace

sdk::Result<std::size_t> ReadFileAt(std::FILE* file, const std::string& path, std::uint64_t offset, char* buffer,
                                    std::size_t size) {
  if (std::fseek(file, static_cast<long>(offset), SEEK_SET) != 0) {
    return sdk::Status::IoError("cannot read " + path + ": " + std::strerror(errno));
  }
  const std::size_t got = std::fread(buffer, 1, size, file);
  if (got < size && std::ferror(file) != 0) {
    return sdk::Status::IoError("cannot read " + path + ": " + std::strerror(errno));
  }
  return got;
}

sdk::Result<IdocTextStream> IdocTextStream::Open(std::FILE* file, std::string path, const std::string& converter,
                                                 std::size_t chunk_bytes) {
  std::unique_ptr<files::TextDecoder> decoder;
  if (!converter.empty()) {
    sdk::Result<std::unique_ptr<files::TextDecoder>> created = files::TextDecoder::Create(converter);
    if (!created.ok()) return created.status();
    decoder = std::move(created).value();
  }
  return IdocTextStream(file, std::move(path), std::move(decoder), std::max<std::size_t>(chunk_bytes, 1));
}

IdocTextStream::IdocTextStream(std::FILE* file, std::string path, std::unique_ptr<files::TextDecoder> decoder,
                               std::size_t chunk_bytes)
    : file_(file), path_(std::move(path)), decoder_(std::move(decoder)), chunk_(chunk_bytes) {}

void IdocTextStream::Seek(std::uint64_t file_offset, std::uint64_t text_offset, std::uint64_t line) {
  read_at_ = file_base_ = file_offset;
  text_base_ = text_end_ = text_offset;
  line_base_ = line;
  fault_ = sdk::Status::Ok();
  placed_.clear();
  placed_begin_ = 0;
  retained_.clear();
  if (decoder_ != nullptr) decoder_->Restart(file_offset);
}

sdk::Result<std::string_view> IdocTextStream::Next() {
  if (!fault_.ok()) return fault_;
  if (decoder_ != nullptr) return NextTranscoded();
  sdk::Result<std::size_t> got = ReadAt(read_at_, chunk_.data(), chunk_.size());
  if (!got.ok()) return got.status();
  read_at_ += *got;
  text_end_ += *got;
  return std::string_view(chunk_.data(), *got);
}

sdk::Result<std::string_view> IdocTextStream::NextTranscoded() {
  const std::size_t start = retained_.size();
  // A chunk may end inside a character and give no text yet: empty text is the end of the file only.
  while (retained_.size() == start) {
    sdk::Result<std::size_t> got = ReadAt(read_at_, chunk_.data(), chunk_.size());
    if (!got.ok()) return got.status();
    const std::string_view bytes(chunk_.data(), *got);
    const std::uint64_t chunk_at = read_at_;
    read_at_ += *got;
    const std::size_t before = retained_.size();
    const sdk::Status decoded = decoder_->DecodeChunk(bytes, bytes.empty(), &retained_);
    // Only the bytes before a fault became text.
    std::string_view read = bytes;
    if (!decoded.ok() && decoder_->fault()) {
      const std::uint64_t fault_at = std::max(decoder_->fault()->offset, chunk_at);
      read = bytes.substr(0, static_cast<std::size_t>(fault_at - chunk_at));
    }
    const std::string_view text = std::string_view(retained_).substr(before);
    HUB_RETURN_IF_ERROR(Place(text, read, chunk_at));
    text_end_ += text.size();
    if (!decoded.ok()) {
      fault_ = decoder_->fault() ? FaultStatus(*decoder_->fault()) : decoded;
      if (retained_.size() == start) return fault_;
      break;
    }
    if (bytes.empty()) break;
  }
  return std::string_view(retained_).substr(start);
}

std::string_view IdocTextStream::Text(std::uint64_t begin, std::uint64_t end) const {
  const std::uint64_t first = text_end_ - retained_.size();
  if (begin < first || end > text_end_ || begin > end) return {};
  return std::string_view(retained_).substr(static_cast<std::size_t>(begin - first),
                                            static_cast<std::size_t>(end - begin));
}

// Pairs the '<' of `text`, just decoded (at text offset text_end_), with those of the `bytes` it came from
// (at file offset `at`), one by one.
sdk::Status IdocTextStream::Place(std::string_view text, std::string_view bytes, std::uint64_t at) {
  std::size_t in_text = text.find('<');
  std::size_t in_bytes = bytes.find('<');
  for (; in_text != std::string_view::npos && in_bytes != std::string_view::npos;
       in_text = text.find('<', in_text + 1), in_bytes = bytes.find('<', in_bytes + 1)) {
    placed_.emplace_back(text_end_ + in_text, at + in_bytes);
  }
  if ((in_text == std::string_view::npos) != (in_bytes == std::string_view::npos)) {
    return sdk::Status::Internal(path_ + ": the text decoded from byte " + std::to_string(at) +
                                 " does not have the '<' of its bytes");
  }
  return sdk::Status::Ok();
}

// "byte N (line L): <reason>", the line counted in the bytes from the Seek (a newline byte is always one).
sdk::Status IdocTextStream::FaultStatus(const files::DecodeFault& fault) const {
  std::uint64_t line = line_base_;
  std::vector<char> buffer(std::min<std::size_t>(chunk_.size(), std::size_t{64} << 10));
  for (std::uint64_t at = file_base_; at < fault.offset;) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), fault.offset - at));
    sdk::Result<std::size_t> got = ReadAt(at, buffer.data(), want);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    line += static_cast<std::uint64_t>(
        std::count(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(*got), '\n'));
    at += *got;
  }
  return sdk::Status::DataError("byte " + std::to_string(fault.offset) + " (line " + std::to_string(line) +
                                "): " + fault.reason);
}

std::uint64_t IdocTextStream::FileOffset(std::uint64_t text_offset) const {
  if (decoder_ == nullptr) return text_offset - text_base_ + file_base_;
  const auto begin = placed_.begin() + static_cast<std::ptrdiff_t>(placed_begin_);
  auto after = std::upper_bound(begin, placed_.end(), text_offset,
                                [](std::uint64_t offset, const auto& pair) { return offset < pair.first; });
  if (after == begin) return file_base_;
  return std::prev(after)->second;
}

void IdocTextStream::Forget(std::uint64_t text_offset) {
  // Keeps the last pair at or before `text_offset`: FileOffset places what follows it by it.
  while (placed_begin_ + 1 < placed_.size() && placed_[placed_begin_ + 1].first <= text_offset) ++placed_begin_;
  if (placed_begin_ >= kCompactAfter && placed_begin_ * 2 >= placed_.size()) {
    placed_.erase(placed_.begin(), placed_.begin() + static_cast<std::ptrdiff_t>(placed_begin_));
    placed_begin_ = 0;
  }
  const std::uint64_t first = text_end_ - retained_.size();
  if (text_offset > first) retained_.erase(0, static_cast<std::size_t>(std::min(text_offset, text_end_) - first));
}

}  // namespace hub::supply_chain
