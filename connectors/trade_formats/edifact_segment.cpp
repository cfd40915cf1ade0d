#include "trade_formats/edifact_segment.hpp"

#include <algorithm>
#include <charconv>

namespace hub::trade_formats {

std::string_view EdifactSegment::GetRepeated(std::size_t element, std::size_t component, std::size_t occurrence) const {
  if (element >= element_starts_.size()) return {};
  for (std::size_t p = element_starts_[element], end = PieceEnd(element); p < end; ++p) {
    const Piece& piece = pieces_[p];
    if (piece.occurrence == occurrence && piece.component == component) {
      return std::string_view(text_.data() + piece.begin, piece.size);
    }
  }
  return {};
}

std::size_t EdifactSegment::occurrence_count(std::size_t element) const {
  if (element >= element_starts_.size()) return 0;
  return pieces_[PieceEnd(element) - 1].occurrence + 1;
}

std::size_t EdifactSegment::component_count(std::size_t element, std::size_t occurrence) const {
  if (element >= element_starts_.size()) return 0;
  std::size_t count = 0;
  for (std::size_t p = element_starts_[element], end = PieceEnd(element); p < end; ++p) {
    if (pieces_[p].occurrence == occurrence) ++count;
  }
  return count;
}

void EdifactSegment::Clear() {
  tag.clear();
  error.clear();
  text_size_ = 0;
  pieces_.clear();
  element_starts_.clear();
}

void EdifactSegment::swap(EdifactSegment& other) noexcept {
  tag.swap(other.tag);
  std::swap(index, other.index);
  std::swap(byte_offset, other.byte_offset);
  std::swap(line, other.line);
  if (!error.empty() || !other.error.empty()) error.swap(other.error);  // rarely set: skip the copying
  text_.swap(other.text_);
  std::swap(text_size_, other.text_size_);
  pieces_.swap(other.pieces_);
  element_starts_.swap(other.element_starts_);
}

std::string SegmentPosition(std::string_view source_name, const EdifactSegment& segment) {
  char numbers[64] = ":segment ";  // ":segment <index> byte <offset>", written once into the result
  char* end = std::to_chars(numbers + 9, numbers + 30, segment.index).ptr;
  end = std::copy_n(" byte ", 6, end);
  end = std::to_chars(end, numbers + sizeof numbers, segment.byte_offset).ptr;
  std::string position;
  position.reserve(source_name.size() + static_cast<std::size_t>(end - numbers));
  position.append(source_name).append(numbers, end);
  return position;
}

}  // namespace hub::trade_formats
