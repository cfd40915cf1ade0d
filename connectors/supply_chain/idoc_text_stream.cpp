#include "supply_chain/idoc_text_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace hub::supply_chain {
namespace {

// Pairs kept before the forgotten ones are compacted away.
constexpr std::size_t kCompactAfter = 4096;

// Appends the offset (+ base) of every '<' in `text` to *out.
void FindOpenings(std::string_view text, std::uint64_t base, std::vector<std::uint64_t>* out) {
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    out->push_back(base + at);
  }
}

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
  text_.clear();
  // A chunk may end inside a character and give no text yet: empty text is the end of the file only.
  while (text_.empty()) {
    sdk::Result<std::size_t> got = ReadAt(read_at_, chunk_.data(), chunk_.size());
    if (!got.ok()) return got.status();
    const std::string_view bytes(chunk_.data(), *got);
    const std::uint64_t chunk_at = read_at_;
    read_at_ += *got;
    const sdk::Status decoded = decoder_->DecodeChunk(bytes, bytes.empty(), &text_);
    // Only the bytes before a fault became text.
    std::string_view read = bytes;
    if (!decoded.ok() && decoder_->fault()) {
      const std::uint64_t fault_at = std::max(decoder_->fault()->offset, chunk_at);
      read = bytes.substr(0, static_cast<std::size_t>(fault_at - chunk_at));
    }
    HUB_RETURN_IF_ERROR(Placed(read, chunk_at));
    text_end_ += text_.size();
    if (!decoded.ok()) {
      fault_ = decoder_->fault() ? FaultStatus(*decoder_->fault()) : decoded;
      if (text_.empty()) return fault_;
      break;
    }
    if (bytes.empty()) break;
  }
  return std::string_view(text_);
}

// Pairs the '<' of the text just decoded (text_) with those of the bytes it came from, at file offset `at`.
sdk::Status IdocTextStream::Placed(std::string_view bytes, std::uint64_t at) {
  std::vector<std::uint64_t> in_text;
  std::vector<std::uint64_t> in_file;
  FindOpenings(text_, text_end_, &in_text);
  FindOpenings(bytes, at, &in_file);
  if (in_text.size() != in_file.size()) {
    return sdk::Status::Internal(path_ + ": the text decoded from byte " + std::to_string(at) + " has " +
                                 std::to_string(in_text.size()) + " '<' where the bytes have " +
                                 std::to_string(in_file.size()));
  }
  for (std::size_t i = 0; i < in_text.size(); ++i) placed_.emplace_back(in_text[i], in_file[i]);
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
}

}  // namespace hub::supply_chain
