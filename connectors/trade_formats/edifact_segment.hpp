// One UN/EDIFACT segment as the tokenizer read it, and the separators it was read with.
#ifndef HUB_TRADE_FORMATS_EDIFACT_SEGMENT_HPP_
#define HUB_TRADE_FORMATS_EDIFACT_SEGMENT_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace hub::trade_formats {

// The service characters of an interchange: from its UNA, else the defaults of ISO 9735 (level A).
// `repetition` is '\0' when the syntax has none (version 3 and older, or a space in UNA).
struct EdifactSeparators {
  char component = ':';
  char element = '+';
  char decimal = '.';
  char release = '?';
  char repetition = '\0';
  char terminator = '\'';
};

// A segment: its tag, its data elements (after the tag) each made of components, and where it stood.
// Element e, component c and occurrence r (a v4 repeated element: `COM+a:b*c:d`) are counted from 0, so
// in `BGM+220+BKOD99+9` Get(0) is "220" and Get(1) is "BKOD99". Texts are UTF-8, release characters removed.
// The storage is flat (one text buffer and an index), so a segment reused for the next one allocates
// nothing. A plain value type; `error` non-empty means the segment could not be read and says why (its
// elements may then be incomplete).
struct EdifactSegment {
  std::string tag;
  std::uint64_t index = 0;        // 1-based number within the file (UNA is not a segment)
  std::uint64_t byte_offset = 0;  // of the tag's first byte, from the start of the file
  std::uint64_t line = 1;         // 1-based line of the tag
  std::string error;

  // Component c of occurrence r of element e, or "" when the segment has no such component.
  std::string_view Get(std::size_t element, std::size_t component = 0, std::size_t occurrence = 0) const {
    if (occurrence != 0) return GetRepeated(element, component, occurrence);
    if (element >= element_starts_.size()) return {};
    std::size_t p = element_starts_[element] + component;  // pieces run by occurrence, then component
    if (p >= PieceEnd(element) || pieces_[p].occurrence != 0) return {};
    return std::string_view(text_.data() + pieces_[p].begin, pieces_[p].size);
  }
  // The number of data elements (after the tag), counting an empty trailing one written as `+`.
  std::size_t element_count() const { return element_starts_.size(); }
  // How many occurrences element e has (1 unless repeated; 0 when absent).
  std::size_t occurrence_count(std::size_t element) const;
  // How many components occurrence r of element e has (0 when absent).
  std::size_t component_count(std::size_t element, std::size_t occurrence = 0) const;

  // Exchanges the contents of two segments without copying their texts (how a reader keeps a segment).
  void swap(EdifactSegment& other) noexcept;

  // Building (the tokenizer's side): Clear, then per component Begin… + Append, in order.
  void Clear();
  void BeginElement() {
    element_starts_.push_back(static_cast<std::uint32_t>(pieces_.size()));
    pieces_.push_back(Piece{static_cast<std::uint32_t>(text_size_), 0, 0, 0});
  }
  void BeginOccurrence() {
    const Piece& last = pieces_.back();
    pieces_.push_back(Piece{static_cast<std::uint32_t>(text_size_), 0, last.occurrence + 1, 0});
  }
  void BeginComponent() {
    const Piece& last = pieces_.back();
    pieces_.push_back(Piece{static_cast<std::uint32_t>(text_size_), 0, last.occurrence, last.component + 1});
  }
  void Append(std::string_view bytes) {
    MakeRoom(bytes.size());
    std::memcpy(text_.data() + text_size_, bytes.data(), bytes.size());
    text_size_ += bytes.size();
    pieces_.back().size += static_cast<std::uint32_t>(bytes.size());
  }
  void AppendChar(char byte) {
    MakeRoom(1);
    text_[text_size_++] = byte;
    ++pieces_.back().size;
  }
  // Replaces every component's text by convert(text); used to decode a charset after splitting.
  template <typename Convert>
  bool ConvertTexts(Convert&& convert);

 private:
  struct Piece {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
    std::uint32_t occurrence = 0;
    std::uint32_t component = 0;
  };
  std::size_t PieceEnd(std::size_t element) const {
    return element + 1 < element_starts_.size() ? element_starts_[element + 1] : pieces_.size();
  }
  std::string_view GetRepeated(std::size_t element, std::size_t component, std::size_t occurrence) const;
  void MakeRoom(std::size_t more) {
    if (text_size_ + more > text_.size()) text_.resize(std::max(text_size_ + more, 2 * text_.size()));
  }

  // The texts are text_'s first text_size_ bytes; the rest is room kept for the next segments (appending
  // there is a copy, not a string append).
  std::string text_;
  std::size_t text_size_ = 0;
  std::vector<Piece> pieces_;
  std::vector<std::uint32_t> element_starts_;  // index of each element's first piece
};

template <typename Convert>
bool EdifactSegment::ConvertTexts(Convert&& convert) {
  std::string converted;
  converted.reserve(text_size_);
  for (Piece& piece : pieces_) {
    std::string_view source(text_.data() + piece.begin, piece.size);
    piece.begin = static_cast<std::uint32_t>(converted.size());
    if (!convert(source, &converted)) return false;
    piece.size = static_cast<std::uint32_t>(converted.size() - piece.begin);
  }
  text_ = std::move(converted);
  text_size_ = text_.size();
  return true;
}

// A 3-character tag packed into an integer (0 for any other length), so readers can switch on tags.
constexpr std::uint32_t TagCode(std::string_view tag) {
  if (tag.size() != 3) return 0;
  return static_cast<std::uint32_t>(static_cast<unsigned char>(tag[0])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(tag[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(tag[2]));
}

// "orders.edi:segment 14 byte 312": where a segment stood, for rejections and errors.
std::string SegmentPosition(std::string_view source_name, const EdifactSegment& segment);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_EDIFACT_SEGMENT_HPP_
