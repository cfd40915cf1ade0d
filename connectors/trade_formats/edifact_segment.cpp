#include "trade_formats/edifact_segment.hpp"

#include <charconv>

namespace hub::trade_formats {

std::size_t EdifactSegment::PieceEnd(std::size_t element) const {
  return element + 1 < element_starts_.size() ? element_starts_[element + 1] : pieces_.size();
}

std::string_view EdifactSegment::Get(std::size_t element, std::size_t component, std::size_t occurrence) const {
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
  text_.clear();
  pieces_.clear();
  element_starts_.clear();
}

void EdifactSegment::BeginElement() {
  element_starts_.push_back(static_cast<std::uint32_t>(pieces_.size()));
  pieces_.push_back(Piece{static_cast<std::uint32_t>(text_.size()), 0, 0, 0});
}

void EdifactSegment::BeginOccurrence() {
  const Piece& last = pieces_.back();
  pieces_.push_back(Piece{static_cast<std::uint32_t>(text_.size()), 0, last.occurrence + 1, 0});
}

void EdifactSegment::BeginComponent() {
  const Piece& last = pieces_.back();
  pieces_.push_back(Piece{static_cast<std::uint32_t>(text_.size()), 0, last.occurrence, last.component + 1});
}

std::string SegmentPosition(std::string_view source_name, const EdifactSegment& segment) {
  constexpr std::string_view kSegment = ":segment ";
  constexpr std::string_view kByte = " byte ";
  char index[20];
  char offset[20];
  char* index_end = std::to_chars(index, index + sizeof index, segment.index).ptr;
  char* offset_end = std::to_chars(offset, offset + sizeof offset, segment.byte_offset).ptr;
  std::string position;
  position.reserve(source_name.size() + kSegment.size() + kByte.size() + static_cast<std::size_t>(index_end - index) +
                   static_cast<std::size_t>(offset_end - offset));
  position.append(source_name).append(kSegment).append(index, index_end).append(kByte).append(offset, offset_end);
  return position;
}

}  // namespace hub::trade_formats
